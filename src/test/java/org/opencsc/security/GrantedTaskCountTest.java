package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.opencsc.WorkflowFixture;
import org.opencsc.rules.Groups;

/**
 * A list's count is what its pages hold: for every user and every list, the count Tasklist shows
 * (GrantedTaskCount's statement) equals the number of tasks Camunda's own list statement, with
 * Camunda's own authorization join, returns.
 */
class GrantedTaskCountTest extends ApplicationTest {

  /** A user with grants of their own and no group's: one standalone task, and (later) all tasks. */
  private static final String VISITOR = "visitor";
  /** The engine's limit on one page (camunda.bpm.generic-properties: query-max-results-limit). */
  private static final int PAGE = 2000;

  private final List<String> standalone = new ArrayList<>();
  private final List<String> grants = new ArrayList<>();

  @AfterEach
  void removeWhatThisTestMade() {
    grants.forEach(engine.getAuthorizationService()::deleteAuthorization);
    standalone.forEach(id -> engine.getTaskService().deleteTask(id, true));
    deleteTheOpenCasesThisTestStarted();
  }

  @Test
  void theEngineCountsTasksWithTheGrantsLookedUp() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory()
        .mapStatement(GrantedTaskCount.ENGINE_STATEMENT)).isEqualTo(GrantedTaskCount.STATEMENT);
  }

  @Test
  void everyListCountsWhatItsUserMaySee() {
    seedTasksOfEveryKindOfGrant();

    Map<String, Long> sarahs = assertCountsAreListSizes("sarah", List.of(Groups.SOCIAL_WORKERS));
    Map<String, Long> toms = assertCountsAreListSizes("tom", List.of(Groups.TEAM_MANAGERS));
    Map<String, Long> visitors = assertCountsAreListSizes(VISITOR, List.of());
    // The counts differ by who asks, so an unchecked count could not pass.
    assertThat(visitors.get("all")).isEqualTo(1);
    assertThat(sarahs.get("all")).isGreaterThan(visitors.get("all"));
    assertThat(sarahs).isNotEqualTo(toms);

    // A grant on every task ('*') lets the visitor see them all, and the count says so.
    grant(VISITOR, null, Resources.TASK, "*", Permissions.READ);
    Map<String, Long> everything = assertCountsAreListSizes(VISITOR, List.of());
    assertThat(everything.get("all")).isEqualTo(countUnchecked());

    // A grant on the process definition (READ_TASK) shows its tasks to a group with no task grants.
    grant(null, "book-club", Resources.PROCESS_DEFINITION, WorkflowFixture.PROCESS_KEY, Permissions.READ_TASK);
    Map<String, Long> byDefinition = assertCountsAreListSizes("reader", List.of("book-club"));
    assertThat(byDefinition.get("all")).isEqualTo(engine.getTaskService().createTaskQuery()
        .processDefinitionKey(WorkflowFixture.PROCESS_KEY).count());
  }

  @Test
  void aRevokedGrantIsCountedAsCamundaCountsIt() {
    seedTasksOfEveryKindOfGrant();
    Task revoked = engine.getTaskService().createTaskQuery().processDefinitionKey(WorkflowFixture.PROCESS_KEY)
        .taskCandidateGroup(Groups.SOCIAL_WORKERS).listPage(0, 1).get(0);
    long before = assertCountsAreListSizes("sarah", List.of(Groups.SOCIAL_WORKERS)).get("all");

    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("sarah");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(revoked.getId());
    revoke.removePermission(Permissions.READ);
    grants.add(engine.getAuthorizationService().saveAuthorization(revoke).getId());

    assertThat(assertCountsAreListSizes("sarah", List.of(Groups.SOCIAL_WORKERS)).get("all")).isEqualTo(before - 1);
  }

  /**
   * Cases whose steps are granted to their candidate groups, a standalone task granted to the
   * visitor alone, and a standalone task nobody is granted.
   */
  private void seedTasksOfEveryKindOfGrant() {
    for (int i = 0; i < 3; i++) {
      startProcess(WorkflowFixture.PROCESS_KEY, "sarah", variables("childId", registerChild("Count Child " + i),
          "workDueAt", Instant.now().plusSeconds(3600L * (i - 1)).toString()));
    }
    Task mine = newStandaloneTask("For the visitor", new Date(System.currentTimeMillis() - 60_000));
    grant(VISITOR, null, Resources.TASK, mine.getId(), Permissions.READ);
    newStandaloneTask("For nobody", null);
  }

  /** Each list, as the user: its count equals its length. Returns the counts by list. */
  private Map<String, Long> assertCountsAreListSizes(String user, List<String> groups) {
    Map<String, Supplier<TaskQuery>> queries = new LinkedHashMap<>();
    queries.put("all", () -> engine.getTaskService().createTaskQuery());
    queries.put("candidate groups", () -> engine.getTaskService().createTaskQuery()
        .taskCandidateGroupIn(List.of(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS)).includeAssignedTasks());
    queries.put("overdue", () -> engine.getTaskService().createTaskQuery().dueBefore(new Date()));
    queries.put("or", () -> engine.getTaskService().createTaskQuery().or().taskAssignee(user)
        .taskCandidateGroup(Groups.SOCIAL_WORKERS).endOr());
    queries.put("by definition", () -> engine.getTaskService().createTaskQuery()
        .processDefinitionKey(WorkflowFixture.PROCESS_KEY));
    Map<String, Long> counts = new LinkedHashMap<>();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      queries.forEach((name, query) -> {
        long count = query.get().count();
        assertThat(count).as("%s's count of %s", user, name).isEqualTo(query.get().listPage(0, PAGE).size());
        counts.put(name, count);
      });
      for (Filter filter : engine.getFilterService().createTaskFilterQuery().listPage(0, PAGE)) {
        assertThat(engine.getFilterService().count(filter.getId())).as("%s's count of %s", user, filter.getName())
            .isEqualTo(engine.getFilterService().listPage(filter.getId(), 0, PAGE).size());
      }
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return counts;
  }

  private long countUnchecked() {
    return engine.getTaskService().createTaskQuery().count();
  }

  private Task newStandaloneTask(String name, Date due) {
    Task task = engine.getTaskService().newTask();
    task.setName(name);
    task.setDueDate(due);
    engine.getTaskService().saveTask(task);
    standalone.add(task.getId());
    return task;
  }

  private void grant(String user, String group, Resources resource, String resourceId, Permissions permission) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(user);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    grants.add(authorizations.saveAuthorization(grant).getId());
  }
}
