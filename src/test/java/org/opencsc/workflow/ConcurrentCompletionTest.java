package org.opencsc.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.opencsc.Api;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

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
}
