package org.opencsc.alerts;

import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE;
import static org.opencsc.rules.FieldType.TEXT;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.opencsc.calendar.LondonTime;
import org.camunda.bpm.engine.identity.User;
import org.opencsc.child.ChildRegistry;
import org.opencsc.engine.KnownUsers;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.CaseProcessRules;
import org.opencsc.rules.Groups;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An independent reviewing officer's (or child protection chair's) challenge to a child's plan,
 * resolved in stages (IRO Handbook 2010; Children Act 1989 s25B): the team manager responds
 * within 5 working days, then the service manager within 5, then the head of service within 10,
 * each stage's response judged by an IRO who did not respond; unresolved after the third, the IRO
 * records whether they refer the case to Cafcass (s25B(3)).
 */
@Component
@Order(7)
public class PracticeAlertRules extends CaseProcessRules {

  public static final String PROCESS_KEY = "practiceAlert";
  /** Who responds at each stage, in order. */
  public static final List<String> STAGE_GROUPS = List.of(Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS,
      Groups.HEADS_OF_SERVICE);
  /** Who has responded so far, comma-separated (kept by the diagram after each response). */
  static final String RESPONDERS = "alertResponders";

  private final ChildRegistry children;
  private final PracticeAlerts cases;
  private final KnownUsers users;

  public PracticeAlertRules(ChildRegistry children, PracticeAlerts cases, KnownUsers users) {
    super(PROCESS_KEY, "Practice alerts", "practice_alert");
    this.users = users;
    this.children = children;
    this.cases = cases;
  }

  /** Raised by an IRO or child protection chair about a child's case. */
  @Override
  public List<String> starters() {
    return List.of(Groups.INDEPENDENT_REVIEWING_OFFICERS);
  }

  @Override
  public StartRules start() {
    return children.caseStart()
        .require("concern", TEXT)
        .require("changeSought", TEXT)
        .optional("changeBy", DATE)
        .check("changeBy", "must not be in the past", answers -> answers.get("changeBy") == null
            || !answers.date("changeBy").isBefore(LondonTime.now().toLocalDate()));
  }

  @Override
  public List<TaskRules> tasks() {
    return List.of(
        TaskRules.task("respondToAlert").showsInUkTime("stageResponseDueAt")
            .require("response", TEXT)
            .notBy("this stage of the alert is for the stage's managers (1 team, 2 service, 3 head of service)",
                this::notOfThisStage)
            .deadline("stageResponseDueAt", BreachCode.ALERT_RESPONSE_LATE),
        TaskRules.task("decideAlertResolved")
            .require("resolved", BOOLEAN)
            .require("iroRationale", TEXT)
            .notBy("a manager who responded to the alert may not decide whether it is resolved",
                PracticeAlertRules::responders)
            .onCompleted(cases::decided),
        TaskRules.task("recordCafcassReferralDecision")
            .require("referToCafcass", BOOLEAN)
            .require("cafcassReasons", TEXT)
            .onCompleted(cases::cafcassDecided));
  }

  /** Members of the other stages' groups who are not in this stage's group. */
  private Set<String> notOfThisStage(Answers answers) {
    Long stage = answers.integer("alertStage");
    String group = STAGE_GROUPS.get(stage == null ? 0 : stage.intValue() - 1);
    Set<String> ours = users.membersOf(group).stream().map(User::getId).collect(Collectors.toSet());
    return STAGE_GROUPS.stream().filter(other -> !other.equals(group)).flatMap(other -> users.membersOf(other).stream())
        .map(User::getId).filter(id -> !ours.contains(id)).collect(Collectors.toSet());
  }

  static Set<String> responders(Answers answers) {
    String responders = answers.text(RESPONDERS);
    return responders == null ? Set.of() : Arrays.stream(responders.split(",")).filter(id -> !id.isBlank())
        .collect(Collectors.toSet());
  }
}
