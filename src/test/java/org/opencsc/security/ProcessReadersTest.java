package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.opencsc.rules.Groups;
import org.springframework.beans.factory.annotation.Autowired;

/** Who reads each process comes from the diagrams; a database of an earlier version loses the rest. */
class ProcessReadersTest extends ApplicationTest {

  private static final String PANEL = Groups.PANEL_ADVISERS;
  private static final String DECIDERS = Groups.AGENCY_DECISION_MAKERS;

  @Autowired
  private AccessBootstrap bootstrap;

  @Test
  void theDiagramsNameTheGroupsThatWorkEachProcessAndManagersReadThemAll() {
    Set<String> workersAndManagers = Set.of(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS);
    assertThat(ProcessReaders.fromDiagrams().asMap()).isEqualTo(Map.of(
        "missingEpisode", workersAndManagers,
        "strategyDiscussion", workersAndManagers,
        "privateFostering", workersAndManagers,
        "childProtectionPlan", workersAndManagers,
        "publicLawOutline", Set.of(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS,
            Groups.LEGAL_ADVISERS),
        "practiceAlert", Set.of(Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS, Groups.HEADS_OF_SERVICE,
            Groups.INDEPENDENT_REVIEWING_OFFICERS),
        "lookedAfterReviews", Set.of(Groups.INDEPENDENT_REVIEWING_OFFICERS, Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS),
        "adoptionDecision", Set.of(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS, DECIDERS, PANEL),
        // Service managers review breaches; team managers read what was decided about their cases' breaches.
        "breachEscalation", Set.of(Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS)));
  }

  @Test
  void aDiagramChangeChangesItsReadersAndAGroupKnownOnlyAtRunTimeIsNotGuessed() {
    BpmnModelInstance diagram = Bpmn.createExecutableProcess("newProcess").startEvent()
        .subProcess().embeddedSubProcess().startEvent().userTask("inner").camundaCandidateGroups(" panel-advisers , lawyers")
        .endEvent().subProcessDone()
        .userTask("byExpression").camundaCandidateGroups("${teamOf(childId)}")
        .endEvent().done();
    BpmnModelInstance notExecutable = Bpmn.createProcess("sketch").startEvent().userTask().camundaCandidateGroups("x")
        .endEvent().done();
    assertThat(ProcessReaders.of(List.of(diagram, notExecutable)).asMap()).isEqualTo(Map.of("newProcess",
        Set.of(PANEL, "lawyers", Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS)));
  }

  @Test
  void startingOnADatabaseOfAnEarlierVersionWithdrawsOnlyWhatThatVersionGrantedBeyondTheRule() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    List<String> made = new ArrayList<>();
    try {
      // As versions before issue 21 left it: every practice group reads all four processes, and
      // nothing records who this application granted.
      for (String key : List.of("missingEpisode", "strategyDiscussion", "privateFostering", "adoptionDecision")) {
        engine.getManagementService().deleteProperty(ProcessReaders.PROPERTY_PREFIX + key);
        for (String group : ProcessReaders.EARLIER_READERS) {
          AccessBootstrap.grant(authorizations, group, Resources.PROCESS_DEFINITION, key, READ, READ_HISTORY);
        }
      }
      // What administrators did in Admin: more on one of those grants, a grant to a user, a wildcard.
      AccessBootstrap.grant(authorizations, DECIDERS, Resources.PROCESS_DEFINITION, "privateFostering", READ_INSTANCE);
      made.add(save(userGrant("pam", "missingEpisode", READ_HISTORY)));
      made.add(save(groupGrant(PANEL, "*", READ)));

      bootstrap.postProcessEngineBuild(engine);

      for (String key : List.of("missingEpisode", "strategyDiscussion", "privateFostering")) {
        assertThat(grant(PANEL, key)).as("panel advisers' old grant on %s", key).isNull();
        assertThat(grant(Groups.SOCIAL_WORKERS, key).isPermissionGranted(READ_HISTORY)).isTrue();
        assertThat(grant(Groups.SERVICE_MANAGERS, key).isPermissionGranted(READ_HISTORY)).isTrue();
      }
      assertThat(grant(DECIDERS, "missingEpisode")).isNull();
      Authorization decidersOnFostering = grant(DECIDERS, "privateFostering");
      assertThat(decidersOnFostering.isPermissionGranted(READ_INSTANCE)).as("the administrator's addition stays").isTrue();
      assertThat(decidersOnFostering.isPermissionGranted(READ_HISTORY)).isFalse();
      assertThat(decidersOnFostering.isPermissionGranted(READ)).isFalse();
      assertThat(grant(PANEL, "adoptionDecision").isPermissionGranted(READ_HISTORY)).as("panel advisers work adoption")
          .isTrue();
      assertThat(authorizations.createAuthorizationQuery().userIdIn("pam").resourceType(Resources.PROCESS_DEFINITION)
          .resourceId("missingEpisode").singleResult().isPermissionGranted(READ_HISTORY)).as("a user's grant stays").isTrue();
      assertThat(grant(PANEL, "*").isPermissionGranted(READ)).as("a wildcard grant stays").isTrue();
      assertThat(engine.getManagementService().getProperties()).containsEntry("opencsc.readers.missingEpisode",
          "service-managers,social-workers,team-managers");

      // An administrator gives panel advisers a missing episode's history on purpose: kept at the next start.
      AccessBootstrap.grant(authorizations, PANEL, Resources.PROCESS_DEFINITION, "missingEpisode", READ_HISTORY);
      bootstrap.postProcessEngineBuild(engine);
      assertThat(grant(PANEL, "missingEpisode").isPermissionGranted(READ_HISTORY)).as("re-granted in Admin").isTrue();
    } finally {
      made.forEach(authorizations::deleteAuthorization);
      bootstrap.postProcessEngineBuild(engine);
      Authorization regranted = grant(PANEL, "missingEpisode");
      if (regranted != null) {
        authorizations.deleteAuthorization(regranted.getId());
      }
      Authorization decidersOnFostering = grant(DECIDERS, "privateFostering");
      if (decidersOnFostering != null) {
        authorizations.deleteAuthorization(decidersOnFostering.getId());
      }
    }
  }

  private Authorization grant(String group, String key) {
    return engine.getAuthorizationService().createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION).resourceId(key).singleResult();
  }

  private Authorization groupGrant(String group, String key, Permission permission) {
    Authorization grant = engine.getAuthorizationService().createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(key);
    grant.addPermission(permission);
    return grant;
  }

  private Authorization userGrant(String user, String key, Permission permission) {
    Authorization grant = engine.getAuthorizationService().createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setUserId(user);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(key);
    grant.addPermission(permission);
    return grant;
  }

  private String save(Authorization authorization) {
    return engine.getAuthorizationService().saveAuthorization(authorization).getId();
  }
}
