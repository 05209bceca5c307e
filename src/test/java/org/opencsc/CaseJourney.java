package org.opencsc;

import static org.opencsc.Variables.variables;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.opencsc.Api.Reply;

/**
 * One whole case of a process driven through the REST API as practitioners and other systems
 * drive it: start, then each task found by its key and completed by the user whose job it is,
 * then (for private fostering and a child placed for adoption) the message that ends it, then a check that the case ended.
 * Answers are built when the step is taken, relative to the moment, so every date rule holds.
 *
 * <p>{@link #bareModel(Map)} is a process of the same key with the same user tasks in a row and no
 * listeners, for the bare Camunda application: the same requests then cost only the engine.
 */
public record CaseJourney(String processKey, String starter, Function<Context, Map<String, Object>> start,
    List<Step> steps, String endMessage, Function<Context, Map<String, Object>> endVariables) {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** A task of the journey: its key, who completes it, and their answers at that moment. */
  public record Step(String taskKey, String user, Function<Context, Map<String, Object>> answers) {
  }

  /** What a step's answers may depend on: the child, the case's business key and the time. */
  public record Context(String childId, String businessKey, Instant now) {
    String ago(Duration duration) {
      return now.minus(duration).toString();
    }

    String today() {
      return LocalDate.ofInstant(now, LONDON).toString();
    }
  }

  /** What the application acknowledged: a case started, or a task completed by a user. */
  public record Acknowledged(String processInstanceId, String taskKey, String taskId, String user) {
  }

  /** The four processes' usual journeys, each ending its case without a breach. */
  public static List<CaseJourney> all() {
    return List.of(missingEpisode(), strategyDiscussion(), privateFostering(), adoptionDecision());
  }

  /** The request count of one case: start, find and complete each task, end message, final check. */
  public int requests() {
    return 1 + 2 * steps.size() + (endMessage == null ? 0 : 1) + 1;
  }

  /** Runs one case; fails with the reply when any request is refused or the case does not end. */
  public void run(Api api, String childId, String businessKey) {
    run(api, childId, businessKey, acknowledged -> { });
  }

  /** As above, telling {@code acknowledged} of each start and completion the application confirmed. */
  public void run(Api api, String childId, String businessKey, Consumer<Acknowledged> acknowledged) {
    Map<String, Object> body = new HashMap<>(start.apply(new Context(childId, businessKey, Instant.now())));
    body.put("businessKey", businessKey);
    Reply started = expect(api.post("/engine-rest/process-definition/key/" + processKey + "/start", starter, body), 200);
    String instanceId = started.json().get("id").asText();
    acknowledged.accept(new Acknowledged(instanceId, null, null, starter));
    for (Step step : steps) {
      Reply open = expect(api.get("/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey="
          + step.taskKey() + "&maxResults=2", step.user()), 200);
      if (open.json().size() != 1) {
        throw new IllegalStateException(processKey + ": " + step.taskKey() + " is not open for " + step.user() + ": "
            + open.body());
      }
      String taskId = open.json().get(0).get("id").asText();
      expect(api.post("/engine-rest/task/" + taskId + "/complete", step.user(),
          step.answers().apply(new Context(childId, businessKey, Instant.now()))), 204);
      acknowledged.accept(new Acknowledged(instanceId, step.taskKey(), taskId, step.user()));
    }
    if (endMessage != null) {
      Map<String, Object> message = new HashMap<>();
      message.put("messageName", endMessage);
      message.put("businessKey", businessKey);
      message.put("processVariables", endVariables.apply(new Context(childId, businessKey, Instant.now()))
          .get("variables"));
      expect(api.post("/engine-rest/message", starter, message), 204);
    }
    Reply history = expect(api.get("/engine-rest/history/process-instance/" + instanceId, starter), 200);
    if (!"COMPLETED".equals(history.json().get("state").asText())) {
      throw new IllegalStateException(processKey + " case did not end: " + history.body());
    }
  }

  /**
   * The same key, the same user tasks in a row, the same end message; nothing else but, for
   * tasks {@code candidateGroups} names, their candidate groups (which the secured bare engine's
   * authorization needs: a candidate group's grant on the task is what lets its members see it).
   */
  public BpmnModelInstance bareModel(Map<String, String> candidateGroups) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(180)
        .startEvent();
    for (Step step : steps) {
      UserTaskBuilder task = flow.userTask(step.taskKey());
      String groups = candidateGroups.get(step.taskKey());
      flow = groups == null ? task : task.camundaCandidateGroups(groups);
    }
    if (endMessage != null) {
      flow = flow.intermediateCatchEvent().message(endMessage);
    }
    return flow.endEvent().done();
  }

  /** Every variable the journey gives: at the start, in its steps' answers and with its end message. */
  public Set<String> variableNames() {
    Context any = new Context("child", "case", Instant.now());
    Set<String> names = new LinkedHashSet<>(variablesOf(start.apply(any)).keySet());
    steps.forEach(step -> names.addAll(variablesOf(step.answers().apply(any)).keySet()));
    if (endVariables != null) {
      names.addAll(variablesOf(endVariables.apply(any)).keySet());
    }
    return names;
  }

  /** The same journey, its start also giving {@code more} (name to value). */
  public CaseJourney startingWith(Map<String, Object> more) {
    Object[] namesAndValues = more.entrySet().stream()
        .flatMap(variable -> Stream.of(variable.getKey(), variable.getValue())).toArray();
    return new CaseJourney(processKey, starter, at -> {
      Map<String, Object> body = new HashMap<>(start.apply(at));
      Map<String, Object> all = new LinkedHashMap<>(variablesOf(body));
      all.putAll(variablesOf(variables(namesAndValues)));
      body.put("variables", all);
      return body;
    }, steps, endMessage, endVariables);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variablesOf(Map<String, Object> body) {
    return (Map<String, Object>) body.getOrDefault("variables", Map.of());
  }

  private static Reply expect(Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException("Expected " + status + ", got " + reply.status() + ": " + reply.body());
    }
    return reply;
  }

  private static CaseJourney missingEpisode() {
    return new CaseJourney("missingEpisode", "sarah",
        at -> variables("childId", at.childId(), "episodeType", "MISSING", "missingFrom", at.ago(Duration.ofHours(6)),
            "reportedBy", "Foster carer"),
        List.of(
            new Step("assessMissingRisk", "sarah", at -> variables("riskLevel", "MEDIUM", "cseRisk", false,
                "cceRisk", true, "radicalisationRisk", false, "traffickingRisk", false,
                "riskSummary", "Older peers; county lines concern")),
            new Step("approveMissingRisk", "tom", at -> variables("riskApproved", true,
                "managerRationale", "Proportionate")),
            // sarah is the child's worker; sam, a colleague not involved in the child's care, holds the interview
            new Step("recordReturn", "sarah", at -> variables("returnedAt", at.ago(Duration.ofHours(2)))),
            new Step("offerReturnInterview", "sarah", at -> variables("rhiOffered", true,
                "rhiOfferedAt", at.ago(Duration.ofMinutes(90)), "rhiAccepted", true)),
            new Step("conductReturnInterview", "sam", at -> variables("rhiHeldAt", at.ago(Duration.ofMinutes(30)),
                "interviewer", "sam", "interviewerIndependent", true,
                "pushPullFactors", "Conflict at home", "harmDisclosed", false,
                "interviewSummary", "Child safe; wants contact with sibling")),
            new Step("reviewReturn", "tom", at -> variables("reviewOutcome", "CLOSE",
                "managerRationale", "Safe at home"))),
        null, null);
  }

  private static CaseJourney strategyDiscussion() {
    return new CaseJourney("strategyDiscussion", "tom",
        at -> variables("childId", at.childId(), "referralReceivedAt", at.ago(Duration.ofHours(3)),
            "concern", "Bruising reported by school", "urgent", true),
        List.of(
            new Step("scheduleStrategyDiscussion", "tom", at -> variables("discussionAt", at.ago(Duration.ofHours(2)),
                "format", "CALLS")),
            new Step("recordStrategyDiscussion", "sarah", at -> variables("heldAt", at.ago(Duration.ofHours(1)),
                "attendedSocialWorker", true, "attendedManager", true, "attendedPolice", true,
                "attendedHealth", true, "attendedPlacementProvider", true, "attendedEducation", true,
                "informationShared", "School, GP and police records shared", "decision", "SECTION_47",
                "s47Type", "JOINT", "safetyPlan", "Child to stay with aunt", "safetyPlanOwner", "Sarah",
                "safetyPlanReviewBy", LocalDate.parse(at.today()).plusDays(7).toString(),
                "legalActionNeeded", false, "familyInformed", true)),
            new Step("approveStrategyDecision", "tina", at -> variables("decisionApproved", true,
                "managerRationale", "Joint enquiry agreed")),
            new Step("recordS47Outcome", "sarah", at -> variables("s47Outcome", "ICPC_REQUIRED")),
            new Step("recordIcpc", "sam", at -> variables("icpcHeldOn", at.today(), "childProtectionPlan", true, "initialCategoryOfAbuse", "NEGLECT"))),
        null, null);
  }

  private static CaseJourney privateFostering() {
    return new CaseJourney("privateFostering", "sarah",
        at -> variables("childId", at.childId(), "notifiedAt", at.ago(Duration.ofHours(1)),
            "notificationType", "STARTED", "arrangementStart", LocalDate.parse(at.today()).minusDays(2).toString(),
            "intendedDurationDays", 90, "carerName", "Mrs Ada Lovelace", "carerRelationship", "OTHER"),
        List.of(
            new Step("initialVisit", "sarah", at -> visit(at.ago(Duration.ofMinutes(30)))),
            new Step("assessArrangement", "sarah", at -> variables("dbsChecksDone", true,
                "accommodationSuitable", true, "healthNeedsMet", true, "educationArranged", true,
                "contactArranged", false, "assessmentSummary", "Good care; contact to be arranged")),
            new Step("decideSuitability", "tom", at -> variables("suitability", "SUITABLE",
                "managerRationale", "Good care")),
            new Step("statutoryVisit", "sam", at -> visit(at.ago(Duration.ofMinutes(10))))),
        "PrivateFosteringEnded",
        at -> variables("endedAt", at.ago(Duration.ofMinutes(1)), "endReason", "Returned to mother"));
  }

  private static Map<String, Object> visit(String visitedAt) {
    return variables("visitedAt", visitedAt, "seenAlone", true, "householdSeen", true,
        "visitReport", "Warm home; child settled");
  }

  private static CaseJourney adoptionDecision() {
    return new CaseJourney("adoptionDecision", "sarah",
        at -> variables("childId", at.childId(), "decisionType", "SHOULD_BE_PLACED", "route", "DIRECT"),
        List.of(
            new Step("prepareChildPermanenceReport", "sarah", at -> variables(
                "cprChildAndFamily", "Lives with foster carers", "siblingCount", 0,
                "cprHealthSummary", "Medical adviser: healthy", "cprWishesAndFeelings", "Too young; parents oppose",
                "cprContact", "Letterbox contact twice a year", "cprChronology", "2024-2027 events",
                "cprOptionsAnalysis", "Adoption best")),
            new Step("qualityAssureCpr", "tom", at -> variables("cprApproved", true,
                "managerRationale", "Complete and evidenced")),
            new Step("makeAgencyDecision", "ada", at -> variables("readCpr", true, "readHealthSummary", true,
                "readLegalAdvice", true, "admApproves", true,
                "admReasons", "Having read every paper, I am satisfied adoption meets the child's lifelong needs.")),
            new Step("notifyDecisionOrally", "sarah", at -> variables("notifiedOrallyAt", at.now().toString(),
                "personsNotified", "Birth mother; foster carers")),
            new Step("notifyDecisionInWriting", "sarah", at -> variables("writtenNoticeSentAt",
                at.now().toString()))),
        "AdoptionOrderMade", at -> variables("adoptionOrderOn", at.today()));
  }
}
