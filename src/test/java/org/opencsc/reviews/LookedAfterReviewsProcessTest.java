package org.opencsc.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api;
import org.opencsc.ApplicationTest;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRepository;
import org.opencsc.rules.BreachCode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A looked-after child's reviews through the engine and the API: started when a period of care is
 * recorded, the first review within 20 working days (across Easter and the May bank holiday), the
 * second within 3 months, then every 6, held by an IRO with the child's views, and ended when the
 * period of care ends.
 */
class LookedAfterReviewsProcessTest extends ApplicationTest {

  @Autowired
  private BreachRepository breaches;
  @Autowired
  private LookedAfterReviewRepository reviews;

  private String childId;

  @BeforeEach
  void child() {
    clockAt(Instant.parse("2025-04-14T09:00:00Z"));
    childId = registerChild(Map.of("name", "Lou Reviewed", "dateOfBirth", "2013-06-06"));
  }

  @AfterEach
  void deleteOpenReviews() {
    List<String> open = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LookedAfterReviewRules.PROCESS_KEY).variableValueEquals("childId", childId).list()
        .stream().map(ProcessInstance::getId).toList();
    if (!open.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(open, "test cases", true, true);
    }
  }

  @Test
  void recordingAPeriodOfCareStartsTheReviewsAndEachIsDueFromTheLast() {
    period("2025-04-14", null);
    ProcessInstance reviewsOfChild = reviewsOf(childId);
    assertThat(reviewsOfChild).isWaitingAt("holdLookedAfterReview");
    // Monday 14 April 2025: Good Friday, Easter Monday and the May Day bank holiday are skipped.
    assertThat(variable(reviewsOfChild, "lacReviewDueAt")).isEqualTo("2025-05-15T23:59:00+01:00");
    assertThat(task(reviewsOfChild, "holdLookedAfterReview").getDueDate())
        .isEqualTo(java.util.Date.from(Instant.parse("2025-05-15T22:59:00Z")));

    clockAt(Instant.parse("2025-05-13T15:00:00Z"));
    assertRefused(completeReply(reviewsOfChild, "holdLookedAfterReview", "iris",
        variables("reviewHeldOn", "2025-04-13", "iroMetChild", true)), "childViews: is required");
    assertRefused(completeReply(reviewsOfChild, "holdLookedAfterReview", "iris", variables("reviewHeldOn", "2025-04-13",
        "childViews", "Wants to see her brother more", "iroMetChild", true)),
        "reviewHeldOn: must not be before the child became looked after");
    assertThat(completeReply(reviewsOfChild, "holdLookedAfterReview", "sarah", review("2025-05-13")).status())
        .as("a social worker does not hold the IRO's review").isIn(403, 404);
    complete(reviewsOfChild, "holdLookedAfterReview", "iris", review("2025-05-13"));
    assertThat(variable(reviewsOfChild, "lacReviewDueAt")).as("3 months after the first").isEqualTo("2025-08-13T23:59:00+01:00");

    clockAt(Instant.parse("2025-08-01T15:00:00Z"));
    complete(reviewsOfChild, "holdLookedAfterReview", "ivan", review("2025-08-01"));
    assertThat(variable(reviewsOfChild, "lacReviewDueAt")).as("6 months after each later one")
        .isEqualTo("2026-02-01T23:59:00Z");
    LookedAfterReview record = reviews.findById(reviewsOfChild.getId()).orElseThrow();
    assertThat(record.getReviewsHeld()).isEqualTo(2);
    assertThat(record.getLastReviewOn()).isEqualTo(LocalDate.parse("2025-08-01"));
    assertThat(breachesOf(reviewsOfChild)).isEmpty();

    clockAt(Instant.parse("2025-09-01T09:00:00Z"));
    period("2025-04-14", "2025-08-29");
    assertThat(reviewsOfChild).isEnded().hasPassed("endEvent_ceased");
    assertThat(reviews.findById(reviewsOfChild.getId()).orElseThrow().getLookedAfterTo())
        .isEqualTo(LocalDate.parse("2025-08-29"));
  }

  @Test
  void aLateReviewIsABreachAndNeedsItsReason() {
    period("2025-04-14", null);
    ProcessInstance reviewsOfChild = reviewsOf(childId);
    clockAt(Instant.parse("2025-05-16T09:00:00Z"));
    engine.getManagementService().executeJob(timer(reviewsOfChild, "boundaryEvent_reviewLate").getId());
    assertThat(breachesOf(reviewsOfChild)).extracting(Breach::getCode).containsExactly(BreachCode.LAC_REVIEW_LATE);
    assertRefused(completeReply(reviewsOfChild, "holdLookedAfterReview", "iris", review("2025-05-16")), "lateReason");
    Map<String, Object> late = review("2025-05-16");
    variablesOf(late).put("lateReason", Map.of("value", "Child in hospital", "type", "String"));
    complete(reviewsOfChild, "holdLookedAfterReview", "iris", late);
    assertThat(breachesOf(reviewsOfChild)).hasSize(1);
  }

  @Test
  void anotherSystemMayStartTheReviewsOnceForAChildInCare() {
    Api.Reply started = becameLookedAfter("2025-04-10");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(variable(reviewsOf(childId), "lacReviewDueAt")).isEqualTo("2025-05-13T23:59:00+01:00");
    assertRefused(becameLookedAfter("2025-04-11"), "childId: already has looked-after reviews running");
    assertRefused(becameLookedAfter("2025-04-15"), "lookedAfterFrom: must not be in the future");
  }

  private Api.Reply becameLookedAfter(String from) {
    Map<String, Object> processVariables = new HashMap<>();
    processVariables.put("childId", Map.of("value", childId, "type", "String"));
    processVariables.put("lookedAfterFrom", Map.of("value", from, "type", "String"));
    return api.post("/engine-rest/message", "tom", Map.of("messageName", "ChildBecameLookedAfter",
        "processVariables", processVariables, "resultEnabled", true));
  }

  private void period(String from, String to) {
    lookedAfterPeriod(childId, from, to);
  }

  private static Map<String, Object> review(String heldOn) {
    return variables("reviewHeldOn", heldOn, "childViews", "Wants to see her brother more; likes her school",
        "iroMetChild", true);
  }

  private ProcessInstance reviewsOf(String child) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LookedAfterReviewRules.PROCESS_KEY)
        .variableValueEquals("childId", child).singleResult();
  }

  private List<Breach> breachesOf(ProcessInstance instance) {
    return breaches.findByProcessInstanceIdOrderByDueAt(instance.getId());
  }
}
