package org.opencsc.missing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.WorkflowFixture;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRepository;
import org.opencsc.engine.CompletedStepRepository;
import org.opencsc.rules.BreachCode;
import org.opencsc.strategy.StrategyReferrals;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The missing-episode journey through the engine REST API, as Tasklist and other systems drive
 * it: every path of the diagram, every rule refusing with 400 and writing nothing, the 48- and
 * 72-hour timers fired by moving the clock, and one breach per late interview.
 */
class MissingEpisodeProcessTest extends ApplicationTest {

  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  static final String MISSING_FROM = "2026-12-06T20:00:00Z";

  @Autowired
  private BreachRepository breaches;
  @Autowired
  private MissingEpisodeRepository episodes;
  @Autowired
  private StrategyReferrals referrals;
  @Autowired
  private CompletedStepRepository steps;

  private String childId;

  @BeforeEach
  void child() {
    clockAt(NOW);
    childId = registerChild("Missing Child");
  }

  @Test
  void episodeFromReportToClosureWithInterviewHeldInTime() {
    ProcessInstance episode = start("EP-1", MISSING_FROM);
    assertThat(episode).isWaitingAt("assessMissingRisk", "recordReturn");
    assertThat(engine.getRuntimeService().getVariable(episode.getId(), "repeatMissing")).isEqualTo(false);

    complete(episode, "assessMissingRisk", "sarah", riskAssessment());
    complete(episode, "approveMissingRisk", "tom", variables("riskApproved", true, "managerRationale", "Proportionate"));
    complete(episode, "recordReturn", "sam", variables("returnedAt", "2026-12-07T08:30:00Z"));

    assertThat(variable(episode, "rhiDueAt")).isEqualTo("2026-12-10T08:30:00Z");
    Task offer = task(episode, "offerReturnInterview");
    assertThat(offer.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-12-10T08:30:00Z")));
    assertThat(engine.getTaskService().getVariableLocal(offer.getId(), "rhiDueAtInUkTime"))
        .as("the form shows the deadline in UK time, whatever the browser's clock").isEqualTo("Thu 10/12/2026 08:30");
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", true));
    assertThat(task(episode, "conductReturnInterview").getDueDate()).isEqualTo(offer.getDueDate());

    clockAt(Instant.parse("2026-12-08T15:00:00Z"));
    complete(episode, "conductReturnInterview", "sarah", interview("2026-12-08T14:00:00Z", false));
    assertThat(episode).isWaitingAt("reviewReturn");
    complete(episode, "reviewReturn", "tom", variables("reviewOutcome", "CLOSE", "managerRationale", "Safe at home"));

    assertThat(episode).isEnded().hasPassed("endEvent_interviewHeld", "endEvent_episodeClosed");
    assertThat(breachesOf(episode)).isEmpty();
    MissingEpisode record = episodes.findById(episode.getId()).orElseThrow();
    assertThat(record.getEpisodeReference()).isEqualTo("EP-1");
    assertThat(record.getRiskLevel()).isEqualTo("MEDIUM");
    assertThat(record.getRiskApprovedBy()).isEqualTo("tom");
    assertThat(record.getReturnedAt()).isEqualTo(Instant.parse("2026-12-07T08:30:00Z"));
    assertThat(record.getRhiOffered()).isTrue();
    assertThat(record.getRhiAccepted()).isTrue();
    assertThat(record.getRhiHeldAt()).isEqualTo(Instant.parse("2026-12-08T14:00:00Z"));
    assertThat(record.getInterviewerIndependent()).isTrue();
    assertThat(record.getReviewOutcome()).isEqualTo("CLOSE");
    assertThat(record.getReviewedBy()).isEqualTo("tom");
  }

  @Test
  void rejectedRiskAssessmentGoesBackWithTheManagersRationale() {
    ProcessInstance episode = start(null, MISSING_FROM);
    complete(episode, "assessMissingRisk", "sarah", riskAssessment());
    complete(episode, "approveMissingRisk", "tom", variables("riskApproved", false, "managerRationale", "Screen for CCE again"));
    assertThat(episode).isWaitingAt("assessMissingRisk", "recordReturn");
    assertThat(variable(episode, "managerRationale")).isEqualTo("Screen for CCE again");
    assertThat(variable(episode, "riskLevel")).as("the old answers do not count again").isNull();
  }

  @Test
  void aManagerCannotSignOffTheirOwnRiskAssessment() {
    ProcessInstance episode = start(null, MISSING_FROM);
    complete(episode, "assessMissingRisk", WorkflowFixture.DUAL_ROLE_USER, riskAssessment());
    Reply own = completeReply(episode, "approveMissingRisk", WorkflowFixture.DUAL_ROLE_USER,
        variables("riskApproved", true, "managerRationale", "Fine"));
    assertThat(own.status()).isEqualTo(400);
    assertThat(own.message()).contains("four eyes");
    assertThat(episode).isWaitingAt("approveMissingRisk", "recordReturn");
  }

  @Test
  void returnReportedByAnotherSystemStartsTheSameClock() {
    ProcessInstance episode = start("EP-MSG", MISSING_FROM);
    Reply reply = api.post("/engine-rest/message", "sarah", Map.of("messageName", "ChildReturned",
        "businessKey", "EP-MSG", "processVariables", Map.of("returnedAt", Map.of("value", "2026-12-07T06:00", "type", "String"))));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(episode).isWaitingAt("assessMissingRisk", "offerReturnInterview").hasPassed("boundaryEvent_childReturned");
    // Local time read as Europe/London (GMT in December).
    assertThat(variable(episode, "rhiDueAt")).isEqualTo("2026-12-10T06:00:00Z");
  }

  @Test
  void aReturnBeforeTheChildWentMissingIsRefusedByTaskAndByMessage() {
    ProcessInstance episode = start("EP-EARLY", MISSING_FROM);
    Reply byTask = completeReply(episode, "recordReturn", "sam", variables("returnedAt", "2026-12-06T19:00:00Z"));
    assertThat(byTask.status()).isEqualTo(400);
    assertThat(byTask.message()).contains("returnedAt: must not be before missingFrom");
    Reply byMessage = api.post("/engine-rest/message", "sarah", Map.of("messageName", "ChildReturned",
        "businessKey", "EP-EARLY", "processVariables", Map.of("returnedAt", Map.of("value", "2026-12-05T10:00:00Z", "type", "String"))));
    assertThat(byMessage.status()).isEqualTo(400);
    assertThat(byMessage.message()).contains("returnedAt: must not be before missingFrom");
    Reply withoutTime = api.post("/engine-rest/message", "sarah", Map.of("messageName", "ChildReturned", "businessKey", "EP-EARLY"));
    assertThat(withoutTime.status()).isEqualTo(400);
    assertThat(withoutTime.message()).contains("returnedAt: is required");
    assertThat(episode).isWaitingAt("assessMissingRisk", "recordReturn");
    assertThat(variable(episode, "returnedAt")).isNull();
  }

  @Test
  void startIsRefusedForUnknownChildFutureStartOrUnknownType() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("missingEpisode").count();
    long records = episodes.count();
    assertRefused(startReply(variables("childId", "nobody", "episodeType", "MISSING", "missingFrom", MISSING_FROM)),
        "childId: must name a child registered");
    assertRefused(startReply(variables("childId", childId, "episodeType", "MISSING", "missingFrom", "2026-12-08T10:00:00Z")),
        "missingFrom: must not be in the future");
    assertRefused(startReply(variables("childId", childId, "episodeType", "LOST", "missingFrom", MISSING_FROM)),
        "episodeType: must be one of MISSING, AWAY");
    assertRefused(startReply(variables("childId", childId, "episodeType", "AWAY")), "missingFrom: is required");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("missingEpisode").count())
        .isEqualTo(before);
    assertThat(episodes.count()).isEqualTo(records);
  }

  @Test
  void offerRulesRefuseMissingReasonsAndTimes() {
    ProcessInstance episode = returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z");
    assertRefused(completeReply(episode, "offerReturnInterview", "sarah", variables("rhiOffered", true, "rhiAccepted", true)),
        "rhiOfferedAt: is required when rhiOffered is true");
    assertRefused(completeReply(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", false)),
        "rhiDeclineReason: is required when rhiAccepted is false");
    assertRefused(completeReply(episode, "offerReturnInterview", "sarah", variables("rhiOffered", false)),
        "rhiNotOfferedReason: is required when rhiOffered is false");
    assertRefused(completeReply(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T07:00:00Z", "rhiAccepted", true)),
        "rhiOfferedAt: must not be before returnedAt");
    assertThat(episode).isWaitingAt("offerReturnInterview");
    assertThat(variable(episode, "rhiOffered")).isNull();
  }

  @Test
  void declinedInterviewWithReasonEndsTheInterviewStepAndGoesToReview() {
    ProcessInstance episode = signedOff(returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z"));
    complete(episode, "offerReturnInterview", "sarah", variables("rhiOffered", true,
        "rhiOfferedAt", "2026-12-07T09:30:00Z", "rhiAccepted", false, "rhiDeclineReason", "Spoke to school nurse instead"));
    assertThat(episode).isWaitingAt("reviewReturn").hasPassed("endEvent_interviewNotHeld");
    assertThat(breachesOf(episode)).isEmpty();
    assertThat(episodes.findById(episode.getId()).orElseThrow().getRhiDeclineReason()).isEqualTo("Spoke to school nurse instead");
  }

  @Test
  void at48HoursTheTeamManagerChasesAndHoldingTheInterviewClosesTheChase() {
    ProcessInstance episode = returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z");
    Job chase = timer(episode, "startEvent_48HoursPassed");
    assertThat(chase.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-09T08:00:00Z")));
    clockAt(Instant.parse("2026-12-09T08:00:01Z"));
    engine.getManagementService().executeJob(chase.getId());
    Task chaseTask = task(episode, "chaseReturnInterview");
    assertThat(engine.getTaskService().getIdentityLinksForTask(chaseTask.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("team-managers"));
    assertThat(breachesOf(episode)).isEmpty();

    clockAt(Instant.parse("2026-12-09T10:00:00Z"));
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-09T09:00:00Z", "rhiAccepted", true));
    complete(episode, "conductReturnInterview", "sam", interview("2026-12-09T09:30:00Z", false));
    assertThat(engine.getTaskService().createTaskQuery().taskId(chaseTask.getId()).count())
        .as("the chase ends with the interview").isZero();
    assertThat(timers(episode)).isEmpty();
  }

  @Test
  void at72HoursOneBreachIsWrittenTheManagerActsAndTheLateInterviewNeedsAReason() {
    ProcessInstance episode = returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z");
    clockAt(Instant.parse("2026-12-10T08:00:01Z"));
    engine.getManagementService().executeJob(timer(episode, "startEvent_48HoursPassed").getId());
    engine.getManagementService().executeJob(timer(episode, "startEvent_72HoursPassed").getId());
    assertThat(breachesOf(episode)).singleElement().satisfies(breach -> {
      assertThat(breach.getCode()).isEqualTo(BreachCode.RHI_NOT_WITHIN_72H);
      assertThat(breach.getDueAt()).isEqualTo(Instant.parse("2026-12-10T08:00:00Z"));
      assertThat(breach.getDoneAt()).isNull();
    });
    assertRefused(completeReply(episode, "escalateOverdueReturnInterview", "tom", variables()), "managerAction: is required");
    complete(episode, "escalateOverdueReturnInterview", "tom",
        variables("managerAction", "Asked the advocacy service to see the child today"));
    complete(episode, "chaseReturnInterview", "tina", variables("chaseNote", "Spoke to the allocated worker"));
    assertThat(episode).hasPassed("endEvent_escalated", "endEvent_chased");

    clockAt(Instant.parse("2026-12-10T09:30:00Z"));
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-10T09:00:00Z", "rhiAccepted", true));
    clockAt(Instant.parse("2026-12-10T12:00:00Z"));
    assertRefused(completeReply(episode, "conductReturnInterview", "sam", interview("2026-12-10T11:00:00Z", false)),
        "lateReason: is required because this step was due by 2026-12-10T08:00:00Z");
    Map<String, Object> late = interview("2026-12-10T11:00:00Z", false);
    withVariable(late, "lateReason", "Child refused to see anyone until today");
    complete(episode, "conductReturnInterview", "sam", late);

    assertThat(breachesOf(episode)).singleElement().satisfies(breach -> {
      assertThat(breach.getTaskKey()).isEqualTo("conductReturnInterview");
      assertThat(breach.getDoneAt()).isEqualTo(Instant.parse("2026-12-10T11:00:00Z"));
      assertThat(breach.getDoneBy()).isEqualTo("sam");
      assertThat(breach.getReason()).isEqualTo("Child refused to see anyone until today");
    });
  }

  @Test
  void aReturnReported80HoursLateIsAlreadyInBreach() {
    ProcessInstance episode = start(null, "2026-12-03T20:00:00Z");
    String returnedAt = NOW.minus(Duration.ofHours(80)).toString();
    complete(episode, "recordReturn", "sam", variables("returnedAt", returnedAt));
    List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(episode.getId())
        .timers().duedateLowerThan(Date.from(NOW.plusSeconds(1))).list();
    assertThat(due).hasSize(2);
    due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    assertThat(breachesOf(episode)).hasSize(1);
    assertThat(episode).isWaitingAt("offerReturnInterview", "chaseReturnInterview", "escalateOverdueReturnInterview",
        "assessMissingRisk");

    assertRefused(completeReply(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", false, "rhiNotOfferedReason", "Child moved out of area")), "lateReason: is required");
    complete(episode, "offerReturnInterview", "sarah", variables("rhiOffered", false,
        "rhiNotOfferedReason", "Child moved out of area", "lateReason", "Return reported to us 80 hours late"));
    // Late, with the reason it is late; and not offered, with the reason it was not.
    assertThat(breachesOf(episode)).extracting(Breach::getCode, Breach::getReason).containsExactlyInAnyOrder(
        Tuple.tuple(BreachCode.RHI_NOT_WITHIN_72H, "Return reported to us 80 hours late"),
        Tuple.tuple(BreachCode.RHI_NOT_OFFERED, "Child moved out of area"));
  }

  @Test
  void anInterviewNotOfferedIsABreachWhateverTheReasonAndCountsAsMissed() {
    ProcessInstance episode = returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z");
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", false, "rhiNotOfferedReason", "Child said they did not want one"));

    assertThat(breachesOf(episode)).singleElement().satisfies(breach -> {
      assertThat(breach.getCode()).isEqualTo(BreachCode.RHI_NOT_OFFERED);
      assertThat(breach.getTaskKey()).isEqualTo("offerReturnInterview");
      assertThat(breach.getDueAt()).isEqualTo(Instant.parse("2026-12-10T08:00:00Z"));
      assertThat(breach.getDoneAt()).isEqualTo(NOW);
      assertThat(breach.getDoneBy()).isEqualTo("sarah");
      assertThat(breach.getReason()).isEqualTo("Child said they did not want one");
    });
    assertThat(stepLate(episode, "offerReturnInterview")).as("counted as missed, though recorded in time").isTrue();
    assertThat(episodes.findById(episode.getId()).orElseThrow().getRhiOffered()).isFalse();
  }

  @Test
  void anOfferTheChildDeclinedWithin72HoursIsOnTime() {
    ProcessInstance episode = returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z");
    complete(episode, "offerReturnInterview", "sarah", variables("rhiOffered", true,
        "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", false, "rhiDeclineReason", "Child did not want one"));
    assertThat(breachesOf(episode)).isEmpty();
    assertThat(stepLate(episode, "offerReturnInterview")).isFalse();
  }

  @Test
  void anAcceptedInterviewNotHeldIsLateEvenWhenRecordedWithinThe72Hours() {
    ProcessInstance episode = returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z");
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", true));
    complete(episode, "conductReturnInterview", "sam",
        variables("interviewNotHeld", true, "interviewNotHeldReason", "Child went missing again"));

    assertThat(breachesOf(episode)).singleElement().satisfies(breach -> {
      assertThat(breach.getCode()).isEqualTo(BreachCode.RHI_NOT_WITHIN_72H);
      assertThat(breach.getTaskKey()).isEqualTo("conductReturnInterview");
      assertThat(breach.getDueAt()).isEqualTo(Instant.parse("2026-12-10T08:00:00Z"));
      assertThat(breach.getReason()).isEqualTo("Child went missing again");
      assertThat(breach.isWithdrawn()).isFalse();
    });
    assertThat(stepLate(episode, "conductReturnInterview")).isTrue();
  }

  @Test
  void anAcceptedInterviewNotHeldAfterThe72HoursIsOneBreachOnly() {
    ProcessInstance episode = returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z");
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", true));
    clockAt(Instant.parse("2026-12-10T09:00:00Z"));
    engine.getManagementService().executeJob(timer(episode, "startEvent_72HoursPassed").getId());
    complete(episode, "conductReturnInterview", "sam", variables("interviewNotHeld", true,
        "interviewNotHeldReason", "Child went missing again", "lateReason", "Waited for the child to come home"));

    assertThat(breachesOf(episode)).singleElement().satisfies(breach -> {
      assertThat(breach.getCode()).isEqualTo(BreachCode.RHI_NOT_WITHIN_72H);
      assertThat(breach.getTaskKey()).isEqualTo("conductReturnInterview");
      assertThat(breach.getDoneBy()).isEqualTo("sam");
      assertThat(breach.getReason()).isEqualTo("Waited for the child to come home");
    });
  }

  @Test
  void anInterviewHeldInTimeButRecordedLateWithdrawsTheTimersBreach() {
    ProcessInstance episode = returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z");
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", true));
    clockAt(Instant.parse("2026-12-10T09:00:00Z"));
    engine.getManagementService().executeJob(timer(episode, "startEvent_72HoursPassed").getId());
    complete(episode, "conductReturnInterview", "sam", interview("2026-12-09T16:00:00Z", false));
    assertThat(breachesOf(episode)).singleElement().satisfies(breach -> assertThat(breach.isWithdrawn()).isTrue());
    assertThat(api.get("/api/children/" + childId, "sarah").json().get("breaches")).isEmpty();
  }

  @Test
  void harmDisclosedMeansClosingNeedsTheReasonNoStrategyDiscussionIsNeeded() {
    ProcessInstance episode = signedOff(returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z"));
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", true));
    complete(episode, "conductReturnInterview", "sarah", interview("2026-12-07T10:00:00Z", true));
    assertRefused(completeReply(episode, "reviewReturn", "tom", variables("reviewOutcome", "CLOSE", "managerRationale", "Ok")),
        "noStrategyReason: is required when closing after harm was disclosed");
    // The manager cannot clear the disclosure while reviewing it.
    Reply cleared = completeReply(episode, "reviewReturn", "tom",
        variables("reviewOutcome", "CLOSE", "managerRationale", "Ok", "harmDisclosed", false));
    assertThat(cleared.status()).isEqualTo(400);
    assertThat(cleared.message()).contains("harmDisclosed: is not a field of task reviewReturn");
    complete(episode, "reviewReturn", "tom", variables("reviewOutcome", "STRATEGY_DISCUSSION", "managerRationale", "Disclosure of exploitation"));
    assertThat(episode).isEnded().hasPassed("serviceTask_referForStrategyDiscussion", "endEvent_strategyDiscussion");

    // The strategy discussion starts for the same child, linked both ways.
    String discussionId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(episode.getId()).variableName("strategyDiscussionId").singleResult().getValue();
    ProcessInstance discussion = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(discussionId)
        .singleResult();
    assertThat(discussion).isWaitingAt("scheduleStrategyDiscussion");
    assertThat(engine.getRuntimeService().getVariable(discussionId, "childId")).isEqualTo(childId);
    assertThat(engine.getRuntimeService().getVariable(discussionId, "missingEpisodeId")).isEqualTo(episode.getId());
    assertThat((String) engine.getRuntimeService().getVariable(discussionId, "concern")).contains("Disclosure of exploitation");
    assertThat(episodes.findById(episode.getId()).orElseThrow().getStrategyDiscussionId()).isEqualTo(discussionId);

    // The referral run again for the same episode (a retried job, an operator moving the case
    // back) finds that discussion instead of starting a second one.
    assertThat(referrals.fromMissingEpisode(engine, episode.getId(), childId, "Again")).isEqualTo(discussionId);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("strategyDiscussion")
        .variableValueEquals("missingEpisodeId", episode.getId()).count()).isEqualTo(1);
  }

  @Test
  void anAcceptedInterviewThatDidNotHappenNeedsItsReasons() {
    ProcessInstance episode = signedOff(returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z"));
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", true));
    assertRefused(completeReply(episode, "conductReturnInterview", "sam", variables("interviewNotHeld", true)),
        "interviewNotHeldReason: is required when interviewNotHeld is true");
    assertRefused(completeReply(episode, "conductReturnInterview", "sam", variables("interviewerIndependent", true)),
        "rhiHeldAt: is required when the interview was held");
    complete(episode, "conductReturnInterview", "sam",
        variables("interviewNotHeld", true, "interviewNotHeldReason", "Child went missing again before the interview"));
    assertThat(episode).isWaitingAt("reviewReturn").hasPassed("endEvent_interviewNotHeld");
    assertThat(episodes.findById(episode.getId()).orElseThrow().getInterviewNotHeldReason())
        .isEqualTo("Child went missing again before the interview");
  }

  @Test
  void theInterviewerIsAKnownUserWhoIsNotTheChildsAllocatedSocialWorker() {
    ProcessInstance episode = signedOff(returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z"));
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", true));

    // The form's list: social workers other than the ones who did this episode's social-work steps.
    Task interview = task(episode, "conductReturnInterview");
    String options = String.valueOf(engine.getTaskService().getVariableLocal(interview.getId(),
        MissingEpisodeRules.INTERVIEWER_OPTIONS));
    assertThat(options).contains("\"value\":\"" + WorkflowFixture.RETURN_INTERVIEWER + "\"")
        .contains("Rhian Interviewer (rhian)").doesNotContain("\"sarah\"").doesNotContain("\"sam\"");

    Map<String, Object> byTheChildsWorker = interview("2026-12-07T09:30:00Z", false);
    withVariable(byTheChildsWorker, "interviewer", "sarah");
    assertRefused(completeReply(episode, "conductReturnInterview", WorkflowFixture.RETURN_INTERVIEWER, byTheChildsWorker),
        "interviewer: must not be the child's allocated social worker");
    Map<String, Object> byTheWorkerWhoRecordedTheReturn = interview("2026-12-07T09:30:00Z", false);
    withVariable(byTheWorkerWhoRecordedTheReturn, "interviewer", "sam");
    assertRefused(completeReply(episode, "conductReturnInterview", WorkflowFixture.RETURN_INTERVIEWER,
        byTheWorkerWhoRecordedTheReturn), "interviewer: must not be the child's allocated social worker");
    Map<String, Object> byANameTypedIn = interview("2026-12-07T09:30:00Z", false);
    withVariable(byANameTypedIn, "interviewer", "Independent advocate (Barnardo's)");
    assertRefused(completeReply(episode, "conductReturnInterview", WorkflowFixture.RETURN_INTERVIEWER, byANameTypedIn),
        "interviewer: must be a known user id");
    assertThat(episode).isWaitingAt("conductReturnInterview");
    assertThat(engine.getRuntimeService().getVariable(episode.getId(), "interviewer")).isNull();

    complete(episode, "conductReturnInterview", WorkflowFixture.RETURN_INTERVIEWER, interview("2026-12-07T09:30:00Z", false));
    assertThat(episode).isWaitingAt("reviewReturn");
  }

  @Test
  void anInterviewerWhoIsNotIndependentNeedsAReasonThatTheManagersReviewSees() {
    ProcessInstance episode = signedOff(returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z"));
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", true));
    Map<String, Object> notIndependent = interview("2026-12-07T09:30:00Z", false);
    withVariable(notIndependent, "interviewerIndependent", false);
    assertRefused(completeReply(episode, "conductReturnInterview", WorkflowFixture.RETURN_INTERVIEWER, notIndependent),
        "interviewerNotIndependentReason: is required when interviewerIndependent is false");

    withVariable(notIndependent, "interviewerNotIndependentReason", "Rhian supervised the placement last year");
    complete(episode, "conductReturnInterview", WorkflowFixture.RETURN_INTERVIEWER, notIndependent);
    assertThat(episode).isWaitingAt("reviewReturn");
    // The review form shows the flag and the reason from the case's variables.
    Task review = task(episode, "reviewReturn");
    assertThat(engine.getTaskService().getVariable(review.getId(), "interviewerIndependent")).isEqualTo(false);
    assertThat(engine.getTaskService().getVariable(review.getId(), "interviewerNotIndependentReason"))
        .isEqualTo("Rhian supervised the placement last year");
    assertThat(episodes.findById(episode.getId()).orElseThrow().getInterviewerIndependent()).isFalse();
  }

  @Test
  void anInterviewCannotBeHeldBeforeItWasOffered() {
    ProcessInstance episode = returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z");
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", true));
    assertRefused(completeReply(episode, "conductReturnInterview", "sam", interview("2026-12-07T08:30:00Z", false)),
        "rhiHeldAt: must not be before rhiOfferedAt");
  }

  @Test
  void theReturnMessageMayCarryOnlyTheReturnTime() {
    ProcessInstance episode = start("EP-EXTRA", MISSING_FROM);
    Reply reply = api.post("/engine-rest/message", "sarah", Map.of("messageName", "ChildReturned", "businessKey", "EP-EXTRA",
        "processVariables", Map.of("returnedAt", Map.of("value", "2026-12-07T06:00:00Z", "type", "String"),
            "repeatMissing", Map.of("value", false, "type", "Boolean"))));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("repeatMissing: is not a field of message ChildReturned");
    assertThat(episode).isWaitingAt("assessMissingRisk", "recordReturn");
  }

  @Test
  void theInterviewerCannotReviewTheirOwnInterview() {
    ProcessInstance episode = signedOff(returned(start(null, MISSING_FROM), "2026-12-07T08:00:00Z"));
    complete(episode, "offerReturnInterview", WorkflowFixture.DUAL_ROLE_USER,
        variables("rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", true));
    complete(episode, "conductReturnInterview", "sarah", interview("2026-12-07T10:00:00Z", false));
    assertRefused(completeReply(episode, "reviewReturn", WorkflowFixture.DUAL_ROLE_USER,
        variables("reviewOutcome", "MULTI_AGENCY_MEETING", "managerRationale", "Ok")), "four eyes");
    complete(episode, "reviewReturn", "tina", variables("reviewOutcome", "MULTI_AGENCY_MEETING", "managerRationale", "Ok"));
    assertThat(episode).isEnded().hasPassed("endEvent_multiAgencyMeeting");
  }

  @Test
  void repeatMissingFlagsTheThirdEpisodeWithin90DaysAndClosingThenNeedsAReason() {
    // Days before the new episode on 6 December 2026: 91 days is outside the window, 90 inside.
    // Each episode ends (the child's return) before the next is reported, as a child's do.
    returned(start(null, "2026-09-06T20:00:00Z"), "2026-09-06T22:00:00Z");
    returned(start(null, "2026-11-20T20:00:00Z"), "2026-11-20T22:00:00Z");
    ProcessInstance second = start(null, MISSING_FROM);
    assertThat(engine.getRuntimeService().getVariable(second.getId(), "episodesInWindow")).isEqualTo(2);
    assertThat(variable(second, "repeatMissing")).isEqualTo(false);
    returned(second, "2026-12-06T20:30:00Z");

    // one from September recorded late, between the others
    returned(start(null, "2026-09-07T20:00:00Z"), "2026-09-07T22:00:00Z");
    ProcessInstance third = start(null, "2026-12-06T21:00:00Z");
    assertThat(engine.getRuntimeService().getVariable(third.getId(), "episodesInWindow")).isEqualTo(4);
    assertThat(variable(third, "repeatMissing")).isEqualTo(true);
    assertThat(episodes.findById(third.getId()).orElseThrow().isRepeatMissing()).isTrue();

    signedOff(returned(third, "2026-12-07T08:00:00Z"));
    complete(third, "offerReturnInterview", "sarah", variables("rhiOffered", false, "rhiNotOfferedReason", "Placement moved"));
    assertRefused(completeReply(third, "reviewReturn", "tom", variables("reviewOutcome", "CLOSE", "managerRationale", "Ok")),
        "noStrategyReason: is required");
    complete(third, "reviewReturn", "tom", variables("reviewOutcome", "CLOSE", "managerRationale", "Ok",
        "noStrategyReason", "Strategy discussion held last week covers this"));
    assertThat(third).isEnded();
  }

  // --- one episode at a time, in order (SSDA903's Missing table; issue 25) ---

  @Test
  void aChildStillMissingCannotBeReportedMissingAgainUntilTheirReturnIsRecorded() {
    ProcessInstance open = start("EP-ORDER-1", MISSING_FROM);
    long rows = episodes.count();
    Reply again = startReply(variables("childId", childId, "episodeType", "AWAY", "missingFrom", "2026-12-07T09:00:00Z"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.message()).contains("childId: is still missing: record the child's return from the open episode first");
    assertThat(episodes.count()).as("nothing written").isEqualTo(rows);

    returned(open, "2026-12-07T08:30:00Z");
    assertThat(open).isWaitingAt("assessMissingRisk", "offerReturnInterview");
    Reply next = startReply(variables("childId", childId, "episodeType", "AWAY", "missingFrom", "2026-12-07T09:00:00Z"));
    assertThat(next.status()).as("a return recorded: the interview and review still open do not block it: " + next.body())
        .isEqualTo(200);
  }

  @Test
  void aNewEpisodeCannotStartBeforeTheReturnFromTheLastOneOrBeforeBirth() {
    returned(start("EP-ORDER-2", MISSING_FROM), "2026-12-07T08:30:00Z");
    Reply inside = startReply(variables("childId", childId, "episodeType", "MISSING", "missingFrom", "2026-12-07T08:00:00Z"));
    assertThat(inside.status()).isEqualTo(400);
    assertThat(inside.message()).contains("missingFrom: must not be before the child's return from an earlier episode");

    String baby = api.post("/api/children", "sarah", Map.of("name", "New Born", "dateOfBirth", "2026-12-07"))
        .json().get("id").asText();
    Reply beforeBirth = startReply(variables("childId", baby, "episodeType", "MISSING", "missingFrom", "2026-12-06T23:00:00Z"));
    assertThat(beforeBirth.status()).isEqualTo(400);
    assertThat(beforeBirth.message()).contains("missingFrom: must not be before the child's date of birth");
  }

  @Test
  void anEpisodeAnAdministratorDeletedNoLongerHoldsTheChildMissing() {
    ProcessInstance mistaken = start("EP-ORDER-3", MISSING_FROM);
    engine.getRuntimeService().deleteProcessInstance(mistaken.getId(), "reported twice by mistake");
    assertThat(startReply(variables("childId", childId, "episodeType", "MISSING", "missingFrom", "2026-12-07T09:00:00Z"))
        .status()).isEqualTo(200);
  }

  // --- the journey's steps ---

  private ProcessInstance start(String businessKey, String missingFrom) {
    Map<String, Object> body = variables("childId", childId, "episodeType", "MISSING", "missingFrom", missingFrom,
        "reportedBy", "Foster carer");
    if (businessKey != null) {
      body = new java.util.HashMap<>(body);
      body.put("businessKey", businessKey);
    }
    return startProcess("missingEpisode", "sarah", body);
  }

  /** Starts an episode through REST; when refused, checks that no episode was started. */
  private Reply startReply(Map<String, Object> body) {
    long episodes = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("missingEpisode").count();
    Reply reply = api.post("/engine-rest/process-definition/key/missingEpisode/start", "sarah", body);
    if (reply.status() >= 400) {
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey("missingEpisode").count()).as("refused, so no episode started").isEqualTo(episodes);
    }
    return reply;
  }

  private ProcessInstance returned(ProcessInstance episode, String returnedAt) {
    complete(episode, "recordReturn", "sam", variables("returnedAt", returnedAt));
    return episode;
  }

  private ProcessInstance signedOff(ProcessInstance episode) {
    complete(episode, "assessMissingRisk", "sarah", riskAssessment());
    complete(episode, "approveMissingRisk", "tom", variables("riskApproved", true, "managerRationale", "Agreed"));
    return episode;
  }

  private static Map<String, Object> riskAssessment() {
    return variables("riskLevel", "MEDIUM", "cseRisk", false, "cceRisk", true, "radicalisationRisk", false,
        "traffickingRisk", false, "riskSummary", "Older peers; county lines concern");
  }

  private static Map<String, Object> interview(String heldAt, boolean harmDisclosed) {
    return variables("rhiHeldAt", heldAt, "interviewer", WorkflowFixture.RETURN_INTERVIEWER,
        "interviewerIndependent", true, "pushPullFactors", "Conflict at home", "harmDisclosed", harmDisclosed,
        "interviewSummary", "Child safe; wants contact with sibling");
  }

  @SuppressWarnings("unchecked")
  private static void withVariable(Map<String, Object> body, String name, Object value) {
    ((Map<String, Object>) body.get("variables")).put(name,
        Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String"));
  }

  private List<Job> timers(ProcessInstance episode) {
    return engine.getManagementService().createJobQuery().processInstanceId(episode.getId()).timers().list();
  }

  /** Whether the compliance figures count the step as late (its step record). */
  private boolean stepLate(ProcessInstance episode, String taskKey) {
    return steps.findFirstByProcessInstanceIdAndTaskKeyOrderByCompletedAtDesc(episode.getId(), taskKey).orElseThrow()
        .isLate();
  }

  private List<Breach> breachesOf(ProcessInstance episode) {
    return breaches.findByProcessInstanceIdOrderByDueAt(episode.getId());
  }
}
