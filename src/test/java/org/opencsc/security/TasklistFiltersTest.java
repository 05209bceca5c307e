package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

import com.fasterxml.jackson.databind.JsonNode;

/** The role filters every practitioner sees in Tasklist, each sorted by due date. */
class TasklistFiltersTest extends ApplicationTest {

  @Test
  void everyPractitionerSeesTheFourFilters() {
    for (String user : List.of("sarah", "tom", "sean", "ada", "pam")) {
      Reply reply = api.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50", user);
      assertThat(names(reply.json())).as(user).contains(TasklistFilters.MY_TASKS,
          TasklistFilters.MY_TEAMS_TASKS, TasklistFilters.OVERDUE, TasklistFilters.DUE_IN_24_HOURS);
    }
  }

  @Test
  void onlyTheShortListsReloadThemselvesEveryTenSeconds() {
    Reply reply = api.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50", "sarah");
    java.util.Map<String, Boolean> refresh = new java.util.HashMap<>();
    reply.json().forEach(filter -> refresh.put(filter.get("name").asText(),
        filter.path("properties").path("refresh").asBoolean()));
    assertThat(refresh).containsEntry(TasklistFilters.MY_TASKS, true)
        .containsEntry(TasklistFilters.DUE_IN_24_HOURS, true)
        .containsEntry(TasklistFilters.MY_TEAMS_TASKS, false)
        .containsEntry(TasklistFilters.OVERDUE, false);
  }

  @Test
  void teamAndDeadlineFiltersShowTheRightTasksSoonestFirst() {
    clockAt(Instant.parse("2026-11-30T09:00:00Z"));
    String child = registerChild("Filter Child");
    String later = start(child, "2026-12-05T17:00:00Z");
    String overdue = start(child, "2026-11-29T17:00:00Z");
    String soon = start(child, "2026-11-30T20:00:00Z");

    List<String> team = taskInstances(filter("sarah", TasklistFilters.MY_TEAMS_TASKS), "sarah", overdue, soon, later);
    assertThat(team).containsExactly(overdue, soon, later);
    assertThat(taskInstances(filter("tom", TasklistFilters.MY_TEAMS_TASKS), "tom", overdue, soon, later))
        .doesNotContain(overdue, soon, later);
    assertThat(taskInstances(filter("sarah", TasklistFilters.OVERDUE), "sarah", overdue, soon, later))
        .contains(overdue).doesNotContain(soon, later);
    assertThat(taskInstances(filter("sarah", TasklistFilters.DUE_IN_24_HOURS), "sarah", overdue, soon, later))
        .contains(soon).doesNotContain(overdue, later);
  }

  private String start(String child, String due) {
    Reply reply = api.post("/engine-rest/process-definition/key/workflowFixture/start", "sarah",
        variables("childId", child, "workDueAt", due));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("id").asText();
  }

  private String filter(String user, String name) {
    for (JsonNode filter : api.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50", user).json()) {
      if (name.equals(filter.get("name").asText())) {
        return filter.get("id").asText();
      }
    }
    throw new AssertionError("No filter " + name + " for " + user);
  }

  /**
   * The filter's list for this test's cases only: other tests' tasks share the engine, and a long
   * list would page this test's out of view.
   */
  private List<String> taskInstances(String filterId, String user, String... cases) {
    StringBuilder ids = new StringBuilder();
    for (String id : cases) {
      ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
    }
    Reply reply = api.post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=100", user,
        "{\"processInstanceIdIn\":[" + ids + "]}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<String> instances = new ArrayList<>();
    reply.json().forEach(task -> instances.add(task.get("processInstanceId").asText()));
    return instances;
  }

  private static List<String> names(JsonNode filters) {
    List<String> names = new ArrayList<>();
    filters.forEach(filter -> names.add(filter.get("name").asText()));
    return names;
  }
}
