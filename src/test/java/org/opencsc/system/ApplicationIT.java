package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.Api;
import org.opencsc.Api.Reply;
import org.opencsc.engine.CaseHistoryLevel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The application as a council runs it: the packaged jar on its embedded default (H2 in a file),
 * started, used, stopped and started again. Prints start-up time and memory for the record.
 */
class ApplicationIT {

  private static final String PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://opencsc.org/it">
        <bpmn:process id="restartProbe" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="start"/>
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="waitHere"/>
          <bpmn:userTask id="waitHere" camunda:candidateGroups="social-workers"/>
          <bpmn:boundaryEvent id="reminder" attachedToRef="waitHere" cancelActivity="false">
            <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
          </bpmn:boundaryEvent>
          <bpmn:sequenceFlow id="f2" sourceRef="waitHere" targetRef="end"/>
          <bpmn:endEvent id="end"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @TempDir
  Path dataDir;

  @Test
  void demoRunStartsLockedDownAndKeepsEverythingAcrossARestart() throws Exception {
    String childId;
    String instanceId;
    try (RunningApplication app = RunningApplication.launch(dataDir, Map.of(), "--spring.profiles.active=demo")
        .awaitReady()) {
      System.out.printf("Start-up (demo profile, empty H2 file): %.1f s to ready, RSS %d MiB%n",
          app.secondsToReady(), app.residentMiB());
      Api api = new Api(app.port);
      assertThat(api.get("/engine-rest/task", null).status()).isEqualTo(401);
      assertThat(api.get("/api/children/x", null).status()).isEqualTo(401);
      assertThat(api.get("/engine-rest/task?maxResults=15", "sarah").status()).isEqualTo(200);
      assertThat(filterNames(api, "sarah")).contains("My tasks", "My team's tasks", "Overdue",
          "Due in the next 24 hours");
      assertThat(api.get("/camunda/app/tasklist/default/", null).status()).isEqualTo(200);

      Reply child = api.post("/api/children", "sarah",
          Map.of("name", "Restart Child", "dateOfBirth", "2014-06-01", "lookedAfter", false, "disabled", false));
      assertThat(child.status()).isEqualTo(201);
      childId = child.json().get("id").asText();
      deploy(api);
      Reply started = api.post("/engine-rest/process-definition/key/restartProbe/start", "admin", Map.of());
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      instanceId = started.json().get("id").asText();
    }
    assertThat(Files.list(dataDir).map(Path::getFileName).map(Path::toString)).anyMatch(name -> name.endsWith(".mv.db"));

    try (RunningApplication again = RunningApplication.launch(dataDir, Map.of(), "--spring.profiles.active=demo")
        .awaitReady()) {
      System.out.printf("Start-up (demo profile, existing H2 file): %.1f s to ready, RSS %d MiB%n",
          again.secondsToReady(), again.residentMiB());
      Api api = new Api(again.port);
      assertThat(api.get("/api/children/" + childId, "sarah").json().get("name").asText())
          .isEqualTo("Restart Child");
      JsonNode tasks = api.get("/engine-rest/task?processInstanceId=" + instanceId + "&maxResults=10", "sarah").json();
      assertThat(tasks).hasSize(1);
      assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("waitHere");
      assertThat(api.get("/engine-rest/job?processInstanceId=" + instanceId + "&timers=true&maxResults=10", "admin")
          .json()).hasSize(1);
      assertThat(api.get("/engine-rest/history/process-instance/" + instanceId, "admin").status()).isEqualTo(200);
      // One set of role filters, not a second set per start.
      assertThat(filterNames(api, "admin").stream().filter("Overdue"::equals)).hasSize(1);
    }
  }

  /**
   * An installation of the release before ADR 0008 (engine history {@code full}, migrations up to
   * V9) upgraded in place: the engine starts at {@code case-audit}, what was recorded before is
   * still there, and from then on timers deleted with their task are no longer logged.
   */
  @Test
  void anInstallationKeepingFullHistoryMovesToCaseAuditWhenUpgraded() throws Exception {
    String instanceId;
    try (RunningApplication before = RunningApplication.launch(dataDir, Map.of(), "--spring.profiles.active=demo",
        "--camunda.bpm.history-level=full", "--spring.flyway.target=9",
        // a release of that schema had no breach escalation to catch up on
        "--opencsc.escalation.watch-open-breaches-on-start=false").awaitReady()) {
      Api api = new Api(before.port);
      deploy(api);
      Reply started = api.post("/engine-rest/process-definition/key/restartProbe/start", "admin", Map.of());
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      instanceId = started.json().get("id").asText();
    }
    assertThat(storedHistoryLevel()).isEqualTo("3");

    try (RunningApplication after = RunningApplication.launch(dataDir, Map.of(), "--spring.profiles.active=demo")
        .awaitReady()) {
      Api api = new Api(after.port);
      String jobLog = "/engine-rest/history/job-log?maxResults=10&processInstanceId=" + instanceId;
      assertThat(api.get(jobLog + "&creationLog=true", "admin").json()).as("logged at full").hasSize(1);
      String taskId = api.get("/engine-rest/task?maxResults=10&processInstanceId=" + instanceId, "sarah").json().get(0).get("id")
          .asText();
      Reply completed = api.post("/engine-rest/task/" + taskId + "/complete", "sarah", Map.of());
      assertThat(completed.status()).as(completed.body()).isEqualTo(204);
      assertThat(api.get("/engine-rest/history/process-instance/" + instanceId, "admin").json().get("state").asText())
          .isEqualTo("COMPLETED");
      assertThat(api.get(jobLog + "&deletionLog=true", "admin").json()).as("not logged at case-audit").isEmpty();
      assertThat(api.get("/engine-rest/history/user-operation?maxResults=10&processInstanceId=" + instanceId
          + "&operationType=Complete", "admin").json()).extracting(entry -> entry.get("userId").asText())
          .containsOnly("sarah");
    }
    assertThat(storedHistoryLevel()).isEqualTo(String.valueOf(CaseHistoryLevel.ID));
  }

  @Test
  void withoutTheDemoProfileThereAreNoDemoUsersAndTheAdministratorComesFromTheEnvironment() throws Exception {
    Map<String, String> environment = Map.of("OPENCSC_ADMIN_USER", "chief", "OPENCSC_ADMIN_PASSWORD", "Str0ng-passphrase");
    try (RunningApplication app = RunningApplication.launch(dataDir, environment).awaitReady()) {
      Api api = new Api(app.port);
      assertThat(api.get("/engine-rest/task?maxResults=1", "sarah").status()).isEqualTo(401);
      Reply users = api.send(api.request("/engine-rest/user?maxResults=100", null)
          .header("Authorization", Api.basic("chief", "Str0ng-passphrase")).GET());
      assertThat(users.status()).isEqualTo(200);
      assertThat(users.json()).extracting(user -> user.get("id").asText()).containsExactly("chief");
    }
  }

  /** The history level the engine recorded in the database (read after the application stopped). */
  private String storedHistoryLevel() throws IOException, SQLException {
    try (Connection db = RunningApplication.database(dataDir);
        ResultSet level = db.createStatement().executeQuery(
            "select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'")) {
      return level.next() ? level.getString(1) : null;
    }
  }

  private static List<String> filterNames(Api api, String user) {
    return api.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50", user).json()
        .findValuesAsText("name");
  }

  private static void deploy(Api api) {
    String boundary = "opencscboundary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nrestart-probe\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + PROCESS + "\r\n--" + boundary + "--\r\n";
    Reply reply = api.send(api.request("/engine-rest/deployment/create", "admin")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }
}
