package org.opencsc.fostering;

import java.time.LocalDate;
import java.time.Period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.child.Child;
import org.opencsc.child.ChildRegistry;
import org.opencsc.engine.Deadlines;
import org.opencsc.rules.Answers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Records the notification and sets what runs from it: the first visit within 7 working days,
 * the assessment within 42 days (configurable), and the day the child is too old to be privately fostered (16,
 * or 18 if disabled, from the child's record). It also gives the eligibility table the child's
 * age when the arrangement starts and whether the child is disabled.
 */
@Component("openPrivateFosteringDelegate")
public class OpenPrivateFosteringDelegate implements JavaDelegate {

  private final ChildRegistry children;
  private final Deadlines deadlines;
  private final PrivateFosteringArrangements cases;

  private final int assessmentDays;

  public OpenPrivateFosteringDelegate(ChildRegistry children, Deadlines deadlines, PrivateFosteringArrangements cases,
      @Value("${opencsc.private-fostering.assessment-days:42}") int assessmentDays) {
    this.children = children;
    this.deadlines = deadlines;
    this.cases = cases;
    this.assessmentDays = assessmentDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    Child child = children.find(answers.text("childId")).orElseThrow();
    LocalDate arrangementStart = answers.date("arrangementStart");
    execution.setVariable("childAgeYears", Period.between(child.getDateOfBirth(), arrangementStart).getYears());
    execution.setVariable("childDisabled", child.isDisabled());
    LocalDate ageLimit = child.getDateOfBirth().plusYears(child.isDisabled() ? 18 : 16);
    execution.setVariable("ageLimitAt", LondonTime.format(ageLimit.atStartOfDay(LondonTime.ZONE)));

    Object notifiedAt = execution.getVariable("notifiedAt");
    String firstVisitDueAt = deadlines.store(execution, "firstVisitDueAt",
        deadlines.workingDaysAfter(notifiedAt, PrivateFosteringRules.FIRST_VISIT_WITHIN_WORKING_DAYS));
    String assessmentDueAt = deadlines.store(execution, "assessmentDueAt",
        deadlines.daysAfter(notifiedAt, assessmentDays));
    cases.notified(execution.getProcessInstanceId(), answers, LondonTime.parseDateTime(firstVisitDueAt).toInstant(),
        LondonTime.parseDateTime(assessmentDueAt).toInstant());
  }
}
