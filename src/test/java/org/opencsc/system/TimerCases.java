package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.opencsc.Api;
import org.opencsc.Api.Reply;

/**
 * Missing episodes whose chase timer (48 hours after the child's return) falls due at a chosen
 * moment, for the tests that stop the application around a timer (CrashRecoveryIT,
 * EngineSwitchOverIT), and what they read back.
 */
final class TimerCases {

  private TimerCases() {
  }

  /** A missing episode whose child came back 48 hours before {@code chaseDue} less a moment: its chase timer is set. */
  static String returnedChildAwaitingInterview(Api api, Instant chaseDue, int n) {
    Instant returnedAt = chaseDue.minus(Duration.ofHours(48));
    Map<String, Object> start = new java.util.HashMap<>(variables("childId", register(api, "Timer Child " + n),
        "episodeType", "MISSING", "missingFrom", returnedAt.minus(Duration.ofHours(1)).toString()));
    start.put("businessKey", "TIMER-" + n);
    Reply started = api.post("/engine-rest/process-definition/key/missingEpisode/start", "sarah", start);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().get("id").asText();
    Reply task = api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=recordReturn"
        + "&maxResults=1", "sam");
    Reply returned = api.post("/engine-rest/task/" + task.json().get(0).get("id").asText() + "/complete", "sam",
        variables("returnedAt", returnedAt.toString()));
    assertThat(returned.status()).as(returned.body()).isEqualTo(204);
    return instance;
  }

  static String register(Api api, String name) {
    Reply child = api.post("/api/children", "sarah", Map.of("name", name, "dateOfBirth", "2014-02-02",
        "lookedAfter", true, "disabled", false));
    if (child.status() != 201) {
      throw new IllegalStateException("Could not register a child: " + child);
    }
    return child.json().get("id").asText();
  }

  static int chaseTasks(Api api, List<String> cases) {
    int open = 0;
    for (String instance : cases) {
      open += api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=chaseReturnInterview"
          + "&maxResults=5", "tom").json().size();
    }
    return open;
  }

  /** Chase timers still waiting to run in the cases (as the administrator, who may see every job). */
  static int chaseTimers(Api api, List<String> cases) {
    int waiting = 0;
    for (String instance : cases) {
      waiting += api.get("/engine-rest/job/count?processInstanceId=" + instance
          + "&activityId=startEvent_48HoursPassed", "admin").json().get("count").asInt();
    }
    return waiting;
  }

  static int count(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }
}
