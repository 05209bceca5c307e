package org.opencsc;

import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE_TIME;
import static org.opencsc.rules.FieldType.TEXT;
import static org.opencsc.rules.FieldType.oneOf;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.opencsc.child.ChildRegistry;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.Groups;
import org.opencsc.rules.ProcessRules;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.opencsc.security.DemoUsers;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A small process, deployed only in tests, that uses every piece of the shared workflow
 * machinery the way the practice processes do, plus a user in two groups for four-eyes tests.
 */
@TestConfiguration
public class WorkflowFixture {

  public static final String PROCESS_KEY = "workflowFixture";
  /** Both social worker and team manager: the four-eyes rule must stop them signing off their own work. */
  public static final String DUAL_ROLE_USER = "dana";
  /** Both social worker and agency decision maker: may not decide on a report they wrote. */
  public static final String AUTHOR_AND_DECISION_MAKER = "dylan";
  /** Both team manager and IRO: may not judge a response to an alert they gave themselves. */
  public static final String MANAGER_AND_IRO = "morgan";
  /** A social worker who holds return home interviews and is nobody's allocated worker in the tests. */
  public static final String RETURN_INTERVIEWER = "rhian";

  @Bean
  ExpressionProbe expressionProbe() {
    return new ExpressionProbe();
  }

  @Bean
  ProcessRules workflowFixtureRules(ChildRegistry children) {
    return new ProcessRules() {
      @Override
      public String processKey() {
        return PROCESS_KEY;
      }

      @Override
      public StartRules start() {
        return children.caseStart().require("workDueAt", DATE_TIME);
      }

      @Override
      public List<TaskRules> tasks() {
        return List.of(
            TaskRules.task("doWork")
                .require("summary", TEXT)
                .require("outcome", oneOf("A", "B"))
                .requireWhen("reason", TEXT, "outcome is B", answers -> answers.is("outcome", "B"))
                .deadline("workDueAt", BreachCode.RHI_NOT_WITHIN_72H),
            TaskRules.task("signOffWork")
                .require("approved", BOOLEAN)
                .require("managerRationale", TEXT)
                .signsOff("doWork"));
      }
    };
  }

  @Bean
  ApplicationRunner deployWorkflowFixture(RepositoryService repository, IdentityService identity,
      AuthorizationService authorizations) {
    return arguments -> {
      repository.createDeployment().name("workflow-fixture")
          .addClasspathResource("fixtures/workflow-fixture.bpmn").enableDuplicateFiltering(false).deploy();
      if (identity.createUserQuery().userId(DUAL_ROLE_USER).count() == 0) {
        User dana = identity.newUser(DUAL_ROLE_USER);
        dana.setPassword("demo");
        DemoUsers.save(identity, dana); // a fixture with the demo users' password
        identity.createMembership(DUAL_ROLE_USER, Groups.SOCIAL_WORKERS);
        identity.createMembership(DUAL_ROLE_USER, Groups.TEAM_MANAGERS);
      }
      if (identity.createUserQuery().userId(AUTHOR_AND_DECISION_MAKER).count() == 0) {
        User dylan = identity.newUser(AUTHOR_AND_DECISION_MAKER);
        dylan.setPassword("demo");
        DemoUsers.save(identity, dylan);
        identity.createMembership(AUTHOR_AND_DECISION_MAKER, Groups.SOCIAL_WORKERS);
        identity.createMembership(AUTHOR_AND_DECISION_MAKER, Groups.AGENCY_DECISION_MAKERS);
      }
      if (identity.createUserQuery().userId(MANAGER_AND_IRO).count() == 0) {
        User morgan = identity.newUser(MANAGER_AND_IRO);
        morgan.setPassword("demo");
        DemoUsers.save(identity, morgan);
        identity.createMembership(MANAGER_AND_IRO, Groups.TEAM_MANAGERS);
        identity.createMembership(MANAGER_AND_IRO, Groups.INDEPENDENT_REVIEWING_OFFICERS);
      }
      if (identity.createUserQuery().userId(RETURN_INTERVIEWER).count() == 0) {
        User rhian = identity.newUser(RETURN_INTERVIEWER);
        rhian.setFirstName("Rhian");
        rhian.setLastName("Interviewer");
        rhian.setPassword("demo");
        DemoUsers.save(identity, rhian);
        identity.createMembership(RETURN_INTERVIEWER, Groups.SOCIAL_WORKERS);
      }
      for (String group : List.of(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS)) {
        // Start-up granted the starters CREATE_INSTANCE on every process in the catalogue, this one too.
        Authorization grant = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION).resourceId(PROCESS_KEY).list().stream()
            .findFirst().orElseGet(() -> {
              Authorization fresh = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
              fresh.setGroupId(group);
              fresh.setResource(Resources.PROCESS_DEFINITION);
              fresh.setResourceId(PROCESS_KEY);
              return fresh;
            });
        grant.addPermission(ProcessDefinitionPermissions.READ);
        grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant.addPermission(ProcessDefinitionPermissions.READ_HISTORY);
        authorizations.saveAuthorization(grant);
      }
    };
  }
}
