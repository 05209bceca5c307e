package org.opencsc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.opencsc.Api;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.WorkflowFixture;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people (or two nodes, or a double click) complete the same task at the same moment: one
 * wins, the other is told 409 with why, and the case moves on exactly once.
 */
class ConcurrentCompletionTest extends ApplicationTest {

  @Test
  void theSameTaskCompletedTwiceAtOnceSucceedsOnceAndTheOtherIsAConflict() throws Exception {
    for (int round = 0; round < 5; round++) {
      ProcessInstance episode = missingEpisode("EP-RACE-" + round);
      String taskId = task(episode, "assessMissingRisk").getId();
      List<Reply> done = Api.atOnce(List.of("sarah", "sam").stream().<Supplier<Reply>>map(user ->
          () -> api.post("/engine-rest/task/" + taskId + "/complete", user, lowRiskAssessment())).toList());

      assertThat(done).extracting(Reply::status).as(done.toString()).containsExactlyInAnyOrder(204, 409);
      Reply conflict = done.stream().filter(reply -> reply.status() == 409).findFirst().orElseThrow();
      assertThat(conflict.body()).contains("\"type\":\"Conflict\"").contains("nothing of yours was saved");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(episode.getId())
          .taskDefinitionKey("approveMissingRisk").count()).as("the case moved on once").isEqualTo(1);
    }
  }

  @Autowired
  private BreachRepository breaches;
  @Autowired
  private CompletedStepRepository steps;

  @Test
  void aLateStepCompletedTwiceAtOnceKeepsOnlyTheWinnersAnswersStepAndBreach() throws Exception {
    clockAt(Instant.parse("2026-12-02T10:00:00Z"));
    String childId = registerChild("Race Child");
    for (int round = 0; round < 5; round++) {
      ProcessInstance instance = startProcess(WorkflowFixture.PROCESS_KEY, "sarah",
          variables("childId", childId, "workDueAt", "2026-12-01T17:00:00Z"));
      String taskId = task(instance, "doWork").getId();
      Map<String, Map<String, Object>> answers = Map.of(
          "sarah", variables("summary", "Seen by Sarah", "outcome", "A", "lateReason", "Sarah's reason"),
          "sam", variables("summary", "Seen by Sam", "outcome", "B", "reason", "Sam's B", "lateReason", "Sam's reason"));
      List<String> users = List.of("sarah", "sam");
      List<Reply> done = Api.atOnce(users.stream().<Supplier<Reply>>map(user ->
          () -> api.post("/engine-rest/task/" + taskId + "/complete", user, answers.get(user))).toList());

      assertThat(done).extracting(Reply::status).as(done.toString()).containsExactlyInAnyOrder(204, 409);
      String winner = users.get(done.get(0).status() == 204 ? 0 : 1);
      String winnersName = winner.equals("sarah") ? "Sarah" : "Sam";
      assertThat(variable(instance, "summary")).isEqualTo("Seen by " + winnersName);
      assertThat(variable(instance, "outcome")).isEqualTo(winner.equals("sarah") ? "A" : "B");
      assertThat(steps.findById(taskId)).hasValueSatisfying(step -> assertThat(step.getCompletedBy()).isEqualTo(winner));
      assertThat(breaches.findByProcessInstanceIdOrderByDueAt(instance.getId())).singleElement().satisfies(breach -> {
        assertThat(breach.getDoneBy()).isEqualTo(winner);
        assertThat(breach.getReason()).isEqualTo(winnersName + "'s reason");
      });
      assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(taskId)
          .operationType("Complete").list()).extracting("userId").containsOnly(winner);
    }
  }

  @Test
  void theSameTaskClaimedTwiceAtOnceGoesToOneAndTheOtherIsToldWho() throws Exception {
    for (int round = 0; round < 5; round++) {
      ProcessInstance episode = missingEpisode("EP-CLAIM-" + round);
      String taskId = task(episode, "assessMissingRisk").getId();
      List<String> users = List.of("sarah", "sam");
      List<Reply> claims = Api.atOnce(users.stream().<Supplier<Reply>>map(user ->
          () -> api.post("/engine-rest/task/" + taskId + "/claim", user, Map.of("userId", user))).toList());

      assertThat(claims).extracting(Reply::status).as(claims.toString()).containsExactlyInAnyOrder(204, 409);
      String winner = users.get(claims.get(0).status() == 204 ? 0 : 1);
      Reply lost = claims.get(claims.get(0).status() == 204 ? 1 : 0);
      assertThat(lost.body()).contains("\"type\":\"Conflict\"").contains("already claimed by " + winner);
      assertThat(task(episode, "assessMissingRisk").getAssignee()).isEqualTo(winner);
    }
  }

  @Test
  void claimingATaskSomeoneHasClaimedIsAConflictNamingThem() {
    ProcessInstance episode = missingEpisode("EP-CLAIMED");
    String taskId = task(episode, "assessMissingRisk").getId();
    assertThat(api.post("/engine-rest/task/" + taskId + "/claim", "sarah", Map.of("userId", "sarah")).status())
        .isEqualTo(204);
    Reply again = api.post("/engine-rest/task/" + taskId + "/claim", "sam", Map.of("userId", "sam"));
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.message()).isEqualTo("This task is already claimed by sarah, so it was not claimed for you.");
    assertThat(task(episode, "assessMissingRisk").getAssignee()).isEqualTo("sarah");
  }

  @Test
  void completingATaskSomeoneElseHasAlreadyCompletedSaysWhoAndWhen() {
    ProcessInstance episode = missingEpisode("EP-AGAIN");
    String taskId = task(episode, "assessMissingRisk").getId();
    assertThat(api.post("/engine-rest/task/" + taskId + "/complete", "sarah", lowRiskAssessment()).status()).isEqualTo(204);

    Reply again = api.post("/engine-rest/task/" + taskId + "/complete", "sam", lowRiskAssessment());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("already completed").contains("sarah");
  }

  @Test
  void aTaskThatNeverExistedIsNotFound() {
    Reply reply = api.post("/engine-rest/task/no-such-task/complete", "sarah", lowRiskAssessment());
    assertThat(reply.status()).as(reply.body()).isEqualTo(404);
  }

  /**
   * A step opened after its deadline has its breach timer due at once, so a worker's late
   * completion races the timer job that records the same breach. The worker is told 204 or 409,
   * never a 500 with SQL in it; the register keeps one breach for the step either way.
   */
  @Test
  void aLateCompletionRacingItsBreachTimerIsSavedOrAConflictNeverAServerError() {
    String childId = registerChild("Timer Race Child");
    int conflicts = 0;
    for (int round = 0; round < 20; round++) {
      ProcessInstance instance = startProcess(WorkflowFixture.PROCESS_KEY, "sarah",
          variables("childId", childId, "workDueAt", Instant.now().minusSeconds(3600).toString()));
      String taskId = task(instance, "doWork").getId();
      String timerId = timer(instance, "timer_workDue").getId();
      List<Reply> both = Api.atOnce(List.<Supplier<Reply>>of(
          () -> api.post("/engine-rest/task/" + taskId + "/complete", "sarah",
              variables("summary", "Seen late", "outcome", "A", "lateReason", "Off sick")),
          () -> {
            try {
              engine.getManagementService().executeJob(timerId);
              return new Reply(200, "timer ran", List.of(), null);
            } catch (RuntimeException lost) {
              // the job executor would try it again; what matters is the worker's answer
              return new Reply(0, String.valueOf(lost), List.of(), null);
            }
          }));
      Reply completion = both.get(0);
      assertThat(completion.status()).as("round %d: %s", round, completion.body()).isIn(204, 409);
      assertThat(completion.body()).doesNotContainIgnoringCase("UK_BREACH").doesNotContainIgnoringCase("SQL")
          .doesNotContain("cannot signal");
      if (completion.status() == 409) {
        conflicts++;
        assertThat(completion.message()).contains("nothing of yours was saved");
        assertThat(task(instance, "doWork")).as("the refused completion left the step open").isNotNull();
      }
      assertThat(breaches.findByProcessInstanceIdOrderByDueAt(instance.getId())).as("round %d", round)
          .hasSizeLessThanOrEqualTo(1);
    }
    System.out.printf("late completion against its breach timer: %d of 20 rounds were a conflict%n", conflicts);
  }
}
