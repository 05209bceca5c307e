package org.opencsc.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencsc.Variables.variables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.engine.ProcessCatalogue;
import org.opencsc.rules.ProcessRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An analyst changes a diagram (a label and a timer's documentation, a new version tag); running
 * cases of every process move to the new version through /api/migrations, dry run first, and
 * carry on from where they were.
 */
class CaseMigrationTest extends ApplicationTest {

  @Autowired
  private CasesMovedOnStart movedOnStart;
  @Autowired
  private ProcessCatalogue catalogue;

  @BeforeEach
  void clock() {
    clockAt(Instant.parse("2027-04-01T10:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "missingEpisode, missing-episode.bpmn, assessMissingRisk",
      "strategyDiscussion, strategy-discussion.bpmn, scheduleStrategyDiscussion",
      "privateFostering, private-fostering.bpmn, initialVisit",
      "adoptionDecision, adoption-decision.bpmn, prepareChildPermanenceReport"})
  void runningCasesMoveToTheChangedDiagramAndCarryOn(String processKey, String file, String waitingAt) throws Exception {
    ProcessInstance running = start(processKey);
    ProcessDefinition before = definition(running);
    assertThat(running).isWaitingAt(waitingAt);

    String changedTag = deployChangedCopy(file);
    Reply dryRun = api.post("/api/migrations/" + processKey, "alex", Map.of("dryRun", true));
    assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
    JsonNode source = sourceWithCase(dryRun.json(), running.getId(), "wouldMigrate");
    assertThat(source.get("cannotMigrate")).isEmpty();
    assertThat(definition(running).getId()).as("a dry run changes nothing").isEqualTo(before.getId());

    Reply migrated = api.post("/api/migrations/" + processKey, "admin", Map.of("dryRun", false));
    assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);
    sourceWithCase(migrated.json(), running.getId(), "migrated");
    ProcessDefinition after = definition(running);
    assertThat(after.getVersion()).isGreaterThan(before.getVersion());
    assertThat(after.getVersionTag()).isEqualTo(changedTag);
    assertThat(running).isWaitingAt(waitingAt);

    carryOn(processKey, running);
  }

  @Test
  void aNewVersionDeployedAtStartTakesTheRunningCasesWithItOnce() throws Exception {
    // It ran when the application started (after the process archive's deployment).
    assertThat(engine.getManagementService().getProperties()).containsKey(CasesMovedOnStart.PROPERTY_PREFIX + "adoptionDecision");
    ProcessInstance running = start("missingEpisode");
    ProcessDefinition before = definition(running);
    deployChangedCopy("missing-episode.bpmn");
    ProcessRules rules = catalogue.processes().stream()
        .filter(process -> process.processKey().equals("missingEpisode")).findFirst().orElseThrow();

    movedOnStart.moveToLatest(rules, engine.getManagementService().getProperties());
    ProcessDefinition after = definition(running);
    assertThat(after.getVersion()).isGreaterThan(before.getVersion());
    assertThat(engine.getManagementService().getProperties())
        .containsEntry(CasesMovedOnStart.PROPERTY_PREFIX + "missingEpisode", after.getId());
    assertThat(running).isWaitingAt("assessMissingRisk");

    // A case put back on the old version (as one that could not move would be) stays there on
    // the next start: the move happens once per version.
    engine.getRuntimeService().newMigration(engine.getRuntimeService()
        .createMigrationPlan(after.getId(), before.getId()).mapEqualActivities().build())
        .processInstanceIds(running.getId()).execute();
    movedOnStart.moveToLatest(rules, engine.getManagementService().getProperties());
    assertThat(definition(running).getId()).isEqualTo(before.getId());
    carryOn("missingEpisode", running);
  }

  @Test
  void anArrangementMovedFromTheFirstVersionWaitsForVisitRequestsToo() throws Exception {
    String first;
    try (InputStream in = getClass().getResourceAsStream("/versions/private-fostering-1.0.0.bpmn")) {
      first = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    deploy(engine.getRepositoryService().createDeployment().name("private-fostering-1.0.0"), "private-fostering.bpmn", first);
    ProcessInstance running = start("privateFostering");
    assertThat(definition(running).getVersionTag()).isEqualTo("1.0.0");
    assertThat(running).isWaitingAt("initialVisit");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(running.getId())
        .taskDefinitionKey("recordVisitRequest").count()).isZero();

    deployChangedCopy("private-fostering.bpmn");
    Reply migrated = api.post("/api/migrations/privateFostering", "admin", Map.of("dryRun", false));
    assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);
    sourceWithCase(migrated.json(), running.getId(), "migrated");
    assertThat(running).isWaitingAt("initialVisit", "assessArrangement", "recordVisitRequest");

    // Moving it again (a later release) does not add a second one.
    deployChangedCopy("private-fostering.bpmn");
    api.post("/api/migrations/privateFostering", "admin", Map.of("dryRun", false));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(running.getId())
        .taskDefinitionKey("recordVisitRequest").count()).isEqualTo(1);
    complete(running, "recordVisitRequest", "sarah", variables("requestedAt", "2027-04-01T09:30:00Z",
        "requestedBy", "The carer"));
    assertThat(running).isWaitingAt("requestedVisit", "recordVisitRequest");
  }

  @Test
  void aStepThatNowWaitsForNewsTakesItsNewPriorityWhenTheCaseMoves() throws Exception {
    String current;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/missing-episode.bpmn")) {
      current = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String waiting = "camunda:priority=\"0\" camunda:formRef=\"missing-episode-recordReturn\"";
    assertThat(current).contains(waiting);
    // As the first release had it: the return step at the default priority, in the team's list.
    String first = current.replace(waiting, "camunda:formRef=\"missing-episode-recordReturn\"")
        .replaceFirst("camunda:versionTag=\"[^\"]+\"", "camunda:versionTag=\"1.0.0\"");
    deploy(engine.getRepositoryService().createDeployment().name("missing-episode-1.0.0"), "missing-episode.bpmn", first);
    ProcessInstance running = start("missingEpisode");
    assertThat(task(running, "recordReturn").getPriority()).isEqualTo(50);

    deployChangedCopy("missing-episode.bpmn");
    Reply migrated = api.post("/api/migrations/missingEpisode", "admin", Map.of("dryRun", false));
    assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);
    sourceWithCase(migrated.json(), running.getId(), "migrated");
    assertThat(task(running, "recordReturn").getPriority()).as("now in the waiting list").isZero();
    assertThat(task(running, "assessMissingRisk").getPriority()).isEqualTo(80);
  }

  @Test
  void onlyAnalystsAndAdministratorsMigrateAndOptionsAreChecked() {
    assertThat(api.post("/api/migrations/missingEpisode", "tom", Map.of("dryRun", true)).status()).isEqualTo(403);
    assertThat(api.get("/api/migrations/missingEpisode", "sarah").status()).isEqualTo(403);
    Reply versions = api.get("/api/migrations/missingEpisode", "alex");
    assertThat(versions.status()).isEqualTo(200);
    assertThat(versions.json().get(0).has("runningCases")).isTrue();
    assertRefused(api.post("/api/migrations/missingEpisode", "alex", Map.of("dryRun", "yes")), "dryRun: must be true or false");
    assertRefused(api.post("/api/migrations/missingEpisode", "alex", Map.of("force", true)), "force: is not an option");
    assertRefused(api.post("/api/migrations/noSuchProcess", "alex", Map.of("dryRun", true)), "processKey: no process");
  }

  private ProcessInstance start(String processKey) {
    String child = registerChild("Migrating Child");
    return switch (processKey) {
      case "missingEpisode" -> startProcess(processKey, "sarah", variables("childId", child, "episodeType", "MISSING",
          "missingFrom", "2027-04-01T08:00:00Z"));
      case "strategyDiscussion" -> startProcess(processKey, "tom", variables("childId", child,
          "referralReceivedAt", "2027-04-01T08:00:00Z", "concern", "Injury"));
      case "privateFostering" -> startProcess(processKey, "sarah", variables("childId", child, "notifiedAt",
          "2027-04-01T08:00:00Z", "notificationType", "STARTED", "arrangementStart", "2027-03-25", "intendedDurationDays", 90,
          "carerName", "Ms Carer", "carerRelationship", "FAMILY_FRIEND"));
      default -> startProcess(processKey, "sarah", variables("childId", child, "decisionType", "SHOULD_BE_PLACED", "route", "PANEL"));
    };
  }

  /** The next step after migration, through the API as usual. */
  private void carryOn(String processKey, ProcessInstance running) {
    switch (processKey) {
      case "missingEpisode" -> {
        complete(running, "recordReturn", "sam", variables("returnedAt", "2027-04-01T09:00:00Z"));
        assertThat(running).isWaitingAt("assessMissingRisk", "offerReturnInterview");
        assertThat(variable(running, "rhiDueAt")).isEqualTo("2027-04-04T10:00:00+01:00");
      }
      case "strategyDiscussion" -> {
        complete(running, "scheduleStrategyDiscussion", "tom", variables("discussionAt", "2027-04-01T09:30:00Z", "format", "CALLS"));
        assertThat(running).isWaitingAt("recordStrategyDiscussion");
      }
      case "privateFostering" -> {
        complete(running, "initialVisit", "sarah", variables("visitedAt", "2027-04-01T09:00:00Z", "seenAlone", true,
            "householdSeen", true, "visitReport", "Settled"));
        assertThat(running).isWaitingAt("statutoryVisit", "assessArrangement", "timer_reviewOpens");
        assertThat(timer(running, "boundaryEvent_visitOverdue")).isNotNull();
      }
      default -> {
        complete(running, "prepareChildPermanenceReport", "sarah", variables("cprChildAndFamily", "x", "siblingCount", 0,
            "cprHealthSummary", "x", "cprWishesAndFeelings", "x", "cprContact", "x", "cprChronology", "x", "cprOptionsAnalysis", "x"));
        assertThat(running).isWaitingAt("qualityAssureCpr");
      }
    }
  }

  /** The analyst's change: a new version tag, a relabelled step and a timer's documentation reworded. */
  /** Deploys the diagram with a changed label and version tag; returns that tag. */
  private String deployChangedCopy(String file) throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("migration-test-" + file);
    String diagram;
    try (InputStream in = resolver.getResource("classpath:bpmn/" + file).getInputStream()) {
      diagram = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed = diagram.replaceFirst("camunda:versionTag=\"([^\"]+)\"", "camunda:versionTag=\"$1-migration-test\"")
        .replaceFirst("(<bpmn:documentation>)(Statutory|Local practice)", "$1Reviewed April 2027. $2")
        .replaceFirst("(<bpmn:userTask id=\"[^\"]+\" name=\")", "$1Changed label: ");
    assertThat(changed).isNotEqualTo(diagram);
    deploy(deployment, file, changed);
    Matcher tag = Pattern.compile("camunda:versionTag=\"([^\"]+)\"").matcher(changed);
    assertThat(tag.find()).isTrue();
    return tag.group(1);
  }

  /** Deploys a diagram with the forms and decision tables, as a release does. */
  private static void deploy(DeploymentBuilder deployment, String file, String diagram) throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    deployment.addString(file, diagram);
    for (String pattern : new String[] {"classpath:bpmn/*.dmn", "classpath:forms/*.form"}) {
      for (Resource resource : resolver.getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          deployment.addInputStream(resource.getFilename(), in);
        }
      }
    }
    deployment.deploy();
  }

  private ProcessDefinition definition(ProcessInstance instance) {
    String definitionId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(definitionId);
  }

  private static JsonNode sourceWithCase(JsonNode report, String processInstanceId, String list) {
    for (JsonNode source : report.get("sources")) {
      for (JsonNode id : source.get(list)) {
        if (id.asText().equals(processInstanceId)) {
          return source;
        }
      }
    }
    throw new AssertionError(processInstanceId + " not in " + list + " of " + report);
  }
}
