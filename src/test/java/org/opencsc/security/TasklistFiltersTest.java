package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
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

  @Test
  void everyListShowsWhoseCaseItIsAndWhenItIsDueInUkForm() {
    clockAt(Instant.parse("2026-11-30T09:00:00Z"));
    String child = registerChild("Shown Child");
    ProcessInstance episode = startProcess("missingEpisode", "sarah", variables("childId", child,
        "episodeType", "MISSING", "missingFrom", "2026-11-29T20:00:00Z"));
    complete(episode, "recordReturn", "sam", variables("returnedAt", "2026-11-30T08:30:00Z"));
    String due = episode.getId();
    for (String name : List.of(TasklistFilters.MY_TEAMS_TASKS, TasklistFilters.DUE_IN_24_HOURS,
        TasklistFilters.OVERDUE, TasklistFilters.MY_TASKS, TasklistFilters.WAITING)) {
      JsonNode filter = filterNamed("sarah", name);
      assertThat(filter.path("properties").path("variables").findValuesAsText("name")).as(name)
          .containsExactly("childName", "childReference", "dueBy");
    }
    // As Tasklist reads a list: the tasks with the variables the filter names.
    Reply list = api.send(api.request("/engine-rest/filter/" + filter("sarah", TasklistFilters.MY_TEAMS_TASKS)
        + "/list?firstResult=0&maxResults=100", "sarah").header("Content-Type", "application/json")
        .header("Accept", "application/hal+json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"processInstanceIdIn\":[\"" + due + "\"]}")));
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonNode task = null;
    for (JsonNode listed : list.json().path("_embedded").path("task")) {
      task = "offerReturnInterview".equals(listed.get("taskDefinitionKey").asText()) ? listed : task;
    }
    assertThat(task).as("the interview step in the team's list").isNotNull();
    java.util.Map<String, String> shown = new java.util.HashMap<>();
    task.path("_embedded").path("variable").forEach(variable -> shown.put(variable.get("name").asText(),
        variable.get("value").asText()));
    assertThat(shown).containsEntry("childName", "Shown Child").containsEntry("childReference", child)
        .containsEntry("dueBy", "Thu 03/12/2026 08:30");
    assertThat(task.get("name").asText()).as("the step's own name stays free of the child's").doesNotContain("Shown");
  }

  @Test
  void stepsThatWaitForNewsHaveTheirOwnListAndDeadlinesComeBeforeStepsWithout() {
    clockAt(Instant.parse("2026-11-30T09:00:00Z"));
    String child = registerChild("Waiting Child");
    String withDeadline = start(child, "2026-12-20T17:00:00Z");
    String episode = startProcess("missingEpisode", "sarah", variables("childId", registerChild("Missing Child"),
        "episodeType", "MISSING", "missingFrom", "2026-11-30T07:00:00Z")).getId();

    List<String> team = taskKeys(filter("sarah", TasklistFilters.MY_TEAMS_TASKS), "sarah", withDeadline, episode);
    assertThat(team).as("waiting for the return is not work to do now").doesNotContain("recordReturn")
        .containsExactly("doWork", "assessMissingRisk");
    assertThat(taskKeys(filter("sarah", TasklistFilters.WAITING), "sarah", withDeadline, episode))
        .containsExactly("recordReturn");
  }

  @Test
  void aFilterAsAnEarlierReleaseStoredItTakesThisReleasesQueryAndColumns() {
    org.camunda.bpm.engine.filter.Filter team = engine.getFilterService().createFilterQuery()
        .filterName(TasklistFilters.MY_TEAMS_TASKS).singleResult();
    String id = team.getId();
    team.setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
    team.setProperties(new java.util.HashMap<>(java.util.Map.of("priority", -10, "variables",
        List.of(java.util.Map.of("name", "childId", "label", "Child")))));
    engine.getFilterService().saveFilter(team);

    new TasklistFilters(engine.getFilterService(), engine.getTaskService(), engine.getAuthorizationService()).create();

    org.camunda.bpm.engine.filter.Filter updated = engine.getFilterService().getFilter(id);
    assertThat(updated.getProperties().get("variables")).isEqualTo(TasklistFilters.SHOWN);
    assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) updated.getQuery()).getMinPriority())
        .isEqualTo(TasklistFilters.WAITING_PRIORITY + 1);
    assertThat(engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_TEAMS_TASKS).count())
        .isEqualTo(1);
  }

  private List<String> taskKeys(String filterId, String user, String... cases) {
    return listed(filterId, user, "taskDefinitionKey", cases);
  }

  private JsonNode filterNamed(String user, String name) {
    for (JsonNode filter : api.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50", user).json()) {
      if (name.equals(filter.get("name").asText())) {
        return filter;
      }
    }
    throw new AssertionError("No filter " + name + " for " + user);
  }

  private String start(String child, String due) {
    Reply reply = api.post("/engine-rest/process-definition/key/workflowFixture/start", "sarah",
        variables("childId", child, "workDueAt", due));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("id").asText();
  }

  private String filter(String user, String name) {
    return filterNamed(user, name).get("id").asText();
  }

  /**
   * The filter's list for this test's cases only: other tests' tasks share the engine, and a long
   * list would page this test's out of view.
   */
  private List<String> taskInstances(String filterId, String user, String... cases) {
    return listed(filterId, user, "processInstanceId", cases);
  }

  /** One property of each task the filter lists among these cases, in the list's order. */
  private List<String> listed(String filterId, String user, String property, String... cases) {
    StringBuilder ids = new StringBuilder();
    for (String id : cases) {
      ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
    }
    Reply reply = api.post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=100", user,
        "{\"processInstanceIdIn\":[" + ids + "]}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<String> values = new ArrayList<>();
    reply.json().forEach(task -> values.add(task.get(property).asText()));
    return values;
  }

  private static List<String> names(JsonNode filters) {
    List<String> names = new ArrayList<>();
    filters.forEach(filter -> names.add(filter.get("name").asText()));
    return names;
  }
}
