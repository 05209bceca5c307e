package org.opencsc.escalation;

import static org.opencsc.rules.FieldType.LINE;
import static org.opencsc.rules.FieldType.TEXT;

import java.time.Duration;
import java.util.List;

import org.opencsc.child.ChildRegistry;
import org.opencsc.engine.Breach;
import org.opencsc.rules.CaseProcessRules;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The escalation ladder's last rung (domain rules §0): a repeat or continued breach goes to
 * service managers. A breach is continued when it is still unresolved a number of working days
 * after it was written (default 5); it is a repeat when the child had another breach in the days
 * before it (default 90). Either way one review, once per breach.
 */
@Component
@Order(10) // last: its cases are the breaches of the others
public class BreachEscalationRules extends CaseProcessRules {

  public static final String PROCESS_KEY = "breachEscalation";

  private final int continuedAfterWorkingDays;
  private final Duration repeatWindow;
  private final ChildRegistry children;

  public BreachEscalationRules(ChildRegistry children,
      @Value("${opencsc.escalation.continued-after-working-days:5}") int continuedAfterWorkingDays,
      @Value("${opencsc.escalation.repeat-within-days:90}") int repeatWithinDays) {
    super(PROCESS_KEY, "Breach escalations", null); // its cases are the breaches' (no case table of its own)
    if (continuedAfterWorkingDays < 1 || repeatWithinDays < 1) {
      throw new IllegalArgumentException("opencsc.escalation: continued-after-working-days and repeat-within-days"
          + " must be at least 1");
    }
    this.children = children;
    this.continuedAfterWorkingDays = continuedAfterWorkingDays;
    this.repeatWindow = Duration.ofDays(repeatWithinDays);
  }

  /** Started by the breach register for each breach it writes, never by hand. */
  @Override
  public List<String> starters() {
    return List.of();
  }

  @Override
  public StartRules start() {
    return StartRules.start().require("breachId", LINE)
        .shows(ChildRegistry.CHILD_NAME, answers -> children.nameOf(answers.text("childId")))
        .shows(ChildRegistry.CHILD_REFERENCE, answers -> answers.text("childId"));
  }

  @Override
  public List<TaskRules> tasks() {
    return List.of(TaskRules.task("reviewContinuedBreach").showsInUkTime("breachDueAt", "breachRecordedAt")
        .require("serviceManagerAction", TEXT));
  }

  public int continuedAfterWorkingDays() {
    return continuedAfterWorkingDays;
  }

  /** How far back another breach of the same child makes this one a repeat. */
  public Duration repeatWindow() {
    return repeatWindow;
  }

  /** The child's second breach (or later) within the window: reviewed at once, resolved or not. */
  public boolean isRepeat(List<Breach> childsEarlierBreaches) {
    return !childsEarlierBreaches.isEmpty();
  }

  /** A repeat is reviewed whatever became of it; a first breach only if it is still open. */
  public boolean needsReview(boolean repeat, Breach breach) {
    return repeat || breach.isUnresolved();
  }
}
