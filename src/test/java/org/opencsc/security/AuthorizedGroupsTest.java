package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.opencsc.WorkflowFixture;
import org.opencsc.rules.Groups;

/**
 * Checking a user's groups as they are, without Camunda's scan of every grant, lets each user see
 * and do exactly what Camunda's narrowing allowed (AuthorizedGroupsPlugin).
 */
class AuthorizedGroupsTest extends ApplicationTest {

  private static final String NO_GRANTS = "book-club";

  @Test
  void theEngineChecksWithTheGroupsAsAuthenticated() {
    AuthorizationManager manager = inCommand(context -> context.getAuthorizationManager());
    assertThat(manager).isInstanceOf(AuthorizedGroupsPlugin.GroupsAsAuthenticated.class);
  }

  @Test
  void aGroupWithoutGrantsNeitherAddsNorTakesAwayWhatAUserMaySee() {
    ProcessInstance instance = startProcess(WorkflowFixture.PROCESS_KEY, "sarah",
        variables("childId", registerChild("Groups Child"), "workDueAt", "2026-12-05T17:00:00Z"));
    Task task = task(instance, "doWork"); // for social-workers

    assertVisible(instance, task, "sarah", List.of(Groups.SOCIAL_WORKERS), true);
    assertVisible(instance, task, "visitor", List.of(NO_GRANTS, Groups.SOCIAL_WORKERS), true);
    assertVisible(instance, task, "visitor", List.of(NO_GRANTS), false);
    assertVisible(instance, task, "visitor", List.of(), false);
    assertVisible(instance, task, "tom", List.of(Groups.TEAM_MANAGERS), false);
  }

  @Test
  void aUserInManyDirectoryGroupsIsCheckedAsCamundaDoes() {
    ProcessInstance instance = startProcess(WorkflowFixture.PROCESS_KEY, "sarah",
        variables("childId", registerChild("Directory Child"), "workDueAt", "2026-12-05T17:00:00Z"));
    Task task = task(instance, "doWork");
    List<String> directoryGroups = IntStream.range(0, AuthorizedGroupsPlugin.MANY_GROUPS)
        .mapToObj(i -> "directory-group-" + i).toList();
    List<String> withTeam = new ArrayList<>(directoryGroups);
    withTeam.add(Groups.SOCIAL_WORKERS);

    assertVisible(instance, task, "visitor", withTeam, true);
    assertVisible(instance, task, "visitor", directoryGroups, false);
  }

  @Test
  void theGroupsCheckedDifferFromCamundasOnlyByGroupsNamedInNoGrant() {
    List<List<String>> memberships = List.of(List.of(Groups.SOCIAL_WORKERS), List.of(Groups.TEAM_MANAGERS,
        Groups.SOCIAL_WORKERS, NO_GRANTS), List.of(NO_GRANTS), List.of(Groups.CAMUNDA_ADMIN, Groups.PROCESS_ANALYSTS));
    for (List<String> groups : memberships) {
      List<String> ours = inCommand(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
      List<String> camundas = inCommand(context -> new AuthorizationManager().filterAuthenticatedGroupIds(groups));
      assertThat(ours).as("%s", groups).containsExactlyInAnyOrderElementsOf(groups).containsAll(camundas);
      for (String onlyOurs : ours.stream().filter(group -> !camundas.contains(group)).toList()) {
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(onlyOurs).count())
            .as("grants of %s", onlyOurs).isZero();
      }
    }
  }

  private void assertVisible(ProcessInstance instance, Task task, String user, List<String> groups, boolean visible) {
    assertThat(engine.getAuthorizationService().isUserAuthorized(user, groups, Permissions.READ, Resources.TASK,
        task.getId())).as("%s in %s may read the task", user, groups).isEqualTo(visible);
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
          .as("%s in %s sees the task", user, groups).isEqualTo(visible ? 1 : 0);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private <T> T inCommand(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(command);
  }
}
