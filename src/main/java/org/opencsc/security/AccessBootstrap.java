package org.opencsc.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.opencsc.engine.ClusterWide;
import org.opencsc.engine.ProcessCatalogue;
import org.opencsc.operations.StartUpRefused;
import org.opencsc.rules.Groups;
import org.opencsc.rules.ProcessRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sets up who may do what, once the engine is built and before the web server takes requests:
 * the contract's groups, the first administrator, the demo users (demo profile only), the
 * authorizations of each group and the Tasklist filters. Every step is idempotent, so it runs at
 * every start and on every node of a cluster.
 *
 * <p>Start-up stops when {@code camunda-admin} would have no direct member: Camunda's admin
 * setup page opens in that state (CVE-2026-77226).
 */
@Component
public class AccessBootstrap extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

  private final String adminUser;
  private final String adminPassword;
  private final boolean demoUsers;
  private final PlatformTransactionManager transactions;
  private final ObjectProvider<ProcessCatalogue> catalogue;

  public AccessBootstrap(PlatformTransactionManager transactions, ObjectProvider<ProcessCatalogue> catalogue,
      @Value("${opencsc.admin.user:}") String adminUser,
      @Value("${opencsc.admin.password:}") String adminPassword,
      @Value("${opencsc.demo-users:false}") boolean demoUsers) {
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    this.demoUsers = demoUsers;
    this.transactions = transactions;
    this.catalogue = catalogue;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ProcessReaders.readInBackground();
    // The contract's administrators are camunda-admin on every engine. Camunda counts that group
    // as the engine's admin group already; Operaton names its own operaton-admin and would not.
    List<String> adminGroups = new ArrayList<>();
    if (configuration.getAdminGroups() != null) {
      adminGroups.addAll(configuration.getAdminGroups());
    }
    if (!adminGroups.contains(Groups.CAMUNDA_ADMIN)) {
      adminGroups.add(Groups.CAMUNDA_ADMIN);
    }
    configuration.setAdminGroups(adminGroups);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    // Nodes starting together set up users, grants and filters one after the other, so no filter
    // is made twice.
    ClusterWide.oneNodeAtATime(engine, transactions, () -> setUp(engine));
  }

  private void setUp(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    createGroups(identity);
    // Demo users first: the demo profile's administrator is the demo user admin, so it keeps the
    // demo password instead of being created again under the password policy.
    if (demoUsers) {
      DemoUsers.create(identity);
      log.warn("Demo users with password '{}' exist: do not use the demo profile with real data",
          DemoUsers.PASSWORD);
    }
    createFirstAdministrator(identity);
    requireAdministrator(identity);
    keepEngineAdminGroupsEqual(identity,
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getAdminGroups());
    grantAccess(engine);
    new TasklistFilters(engine.getFilterService(), engine.getTaskService(),
        engine.getAuthorizationService()).create();
  }

  private static void createGroups(IdentityService identity) {
    for (String groupId : Groups.ALL) {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        group.setName(Groups.displayName(groupId));
        group.setType(Groups.CAMUNDA_ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(group);
      }
    }
  }

  private void createFirstAdministrator(IdentityService identity) {
    if (adminUser.isBlank()) {
      return;
    }
    if (identity.createUserQuery().userId(adminUser).count() == 0) {
      if (adminPassword.isBlank()) {
        throw new StartUpRefused("OPENCSC_ADMIN_USER names the first administrator (" + adminUser
            + "), but OPENCSC_ADMIN_PASSWORD is not set.", "Set OPENCSC_ADMIN_PASSWORD to the "
            + "administrator's password: " + NcscPasswordPolicy.IN_SHORT);
      }
      User user = identity.newUser(adminUser);
      user.setFirstName("Administrator");
      user.setLastName(adminUser);
      user.setPassword(adminPassword);
      try {
        identity.saveUser(user);
      } catch (PasswordRefused refused) {
        throw new StartUpRefused("OPENCSC_ADMIN_PASSWORD, the password of the first administrator ("
            + adminUser + "), is refused by the password policy: " + refused.problems() + ".",
            "Set OPENCSC_ADMIN_PASSWORD to another password: " + NcscPasswordPolicy.IN_SHORT, refused);
      }
      log.info("Created administrator {}", adminUser);
    }
    if (identity.createUserQuery().userId(adminUser).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(adminUser, Groups.CAMUNDA_ADMIN);
    }
  }

  private static void requireAdministrator(IdentityService identity) {
    if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      throw new StartUpRefused("The group camunda-admin has no member, and OPENCSC_ADMIN_USER is not set. "
          + "Without an administrator, Camunda's admin setup page would let anyone become administrator.",
          "Set OPENCSC_ADMIN_USER and OPENCSC_ADMIN_PASSWORD for the first administrator ("
          + NcscPasswordPolicy.IN_SHORT + "), or run with the demo profile to try the product.");
    }
  }

  /**
   * An engine may have admin groups of its own beside camunda-admin: Operaton always adds
   * operaton-admin, and its webapps send every page to the admin setup (which stays open) while
   * that group has no direct member. Such a group gets exactly camunda-admin's members at every
   * start, so camunda-admin stays the one place where administrators are given and taken away.
   * On Camunda 7 the engine's only admin group is camunda-admin and nothing happens.
   */
  private static void keepEngineAdminGroupsEqual(IdentityService identity, List<String> adminGroups) {
    Set<String> administrators = identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list().stream()
        .map(User::getId).collect(Collectors.toSet());
    for (String groupId : adminGroups) {
      if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
        continue;
      }
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        group.setName("Engine administrators (the members of camunda-admin)");
        group.setType("SYSTEM");
        identity.saveGroup(group);
      }
      Set<String> members = identity.createUserQuery().memberOfGroup(groupId).list().stream()
          .map(User::getId).collect(Collectors.toSet());
      for (String administrator : administrators) {
        if (!members.contains(administrator)) {
          identity.createMembership(administrator, groupId);
        }
      }
      for (String member : members) {
        if (!administrators.contains(member)) {
          identity.deleteMembership(member, groupId);
        }
      }
      log.info("Engine admin group {} has the {} members of {}", groupId, administrators.size(),
          Groups.CAMUNDA_ADMIN);
    }
  }

  private void grantAccess(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String group : Groups.PRACTICE) {
      grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(authorizations, group, Resources.USER, "*", Permissions.READ);
      grant(authorizations, group, Resources.GROUP, "*", Permissions.READ);
      grant(authorizations, group, Resources.FILTER, "*", Permissions.CREATE);
    }
    // A process and its history (risk summaries, interviews) only for the groups that work it and
    // the managers; groups that no longer work one lose what earlier versions granted (issue 21).
    ProcessReaders.fromDiagrams().apply(authorizations, engine.getManagementService());
    // Who may start each process, as the process declares; correlating a message needs
    // UPDATE_INSTANCE, and EngineWriteGuard keeps every other change that permission would allow
    // (variables, modification, timers) for administrators.
    List<ProcessRules> processes = catalogue.getObject().processes();
    processes.stream().flatMap(process -> process.starters().stream()).distinct().forEach(group ->
        grant(authorizations, group, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE));
    for (ProcessRules process : processes) {
      for (String group : process.starters()) {
        grant(authorizations, group, Resources.PROCESS_DEFINITION, process.processKey(),
            ProcessDefinitionPermissions.CREATE_INSTANCE);
        if (!process.messages().isEmpty()) {
          grant(authorizations, group, Resources.PROCESS_DEFINITION, process.processKey(),
              ProcessDefinitionPermissions.UPDATE_INSTANCE);
        }
      }
    }
    String analysts = Groups.PROCESS_ANALYSTS;
    grant(authorizations, analysts, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(authorizations, analysts, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    grant(authorizations, analysts, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
    grant(authorizations, analysts, Resources.TASK, "*", TaskPermissions.READ);
    grant(authorizations, analysts, Resources.DECISION_DEFINITION, "*", Permissions.READ,
        Permissions.READ_HISTORY);
    grant(authorizations, analysts, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    grant(authorizations, analysts, Resources.DEPLOYMENT, "*", Permissions.READ);
    // As Camunda's own first-admin setup does: administrators hold ALL on every resource type.
    for (Resources resource : Resources.values()) {
      grant(authorizations, Groups.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
    }
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant if needed. */
  static void grant(AuthorizationService authorizations, String groupId, Resource resource,
      String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .list().stream().findFirst().orElse(null);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
