package org.opencsc.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.opencsc.rules.Groups;

/**
 * The contract's demo users (password "demo"), for trying the product locally. Only the demo
 * profile creates them, without the password policy; a council's own users come from its
 * identity provider or Admin, and their passwords follow the policy.
 */
public final class DemoUsers {

  public static final String PASSWORD = "demo";

  /** id, first name, last name, group. */
  public static final List<DemoUser> USERS = List.of(
      new DemoUser("sarah", "Sarah", "Social Worker", Groups.SOCIAL_WORKERS),
      new DemoUser("sam", "Sam", "Social Worker", Groups.SOCIAL_WORKERS),
      new DemoUser("tom", "Tom", "Team Manager", Groups.TEAM_MANAGERS),
      new DemoUser("tina", "Tina", "Team Manager", Groups.TEAM_MANAGERS),
      new DemoUser("sean", "Sean", "Service Manager", Groups.SERVICE_MANAGERS),
      new DemoUser("ada", "Ada", "Agency Decision Maker", Groups.AGENCY_DECISION_MAKERS),
      new DemoUser("pam", "Pam", "Panel Adviser", Groups.PANEL_ADVISERS),
      new DemoUser("pete", "Pete", "Panel Adviser", Groups.PANEL_ADVISERS),
      new DemoUser("iris", "Iris", "Independent Reviewing Officer", Groups.INDEPENDENT_REVIEWING_OFFICERS),
      new DemoUser("ivan", "Ivan", "Independent Reviewing Officer", Groups.INDEPENDENT_REVIEWING_OFFICERS),
      new DemoUser("hal", "Hal", "Head of Service", Groups.HEADS_OF_SERVICE),
      new DemoUser("lee", "Lee", "Legal Adviser", Groups.LEGAL_ADVISERS),
      new DemoUser("alex", "Alex", "Process Analyst", Groups.PROCESS_ANALYSTS),
      new DemoUser("admin", "Admin", "Administrator", Groups.CAMUNDA_ADMIN));

  private DemoUsers() {
  }

  /** Creates the demo users and their memberships that do not exist yet. */
  public static void create(IdentityService identity) {
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@demo.opencsc.invalid");
        user.setPassword(PASSWORD);
        save(identity, user);
      }
      if (identity.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
        identity.createMembership(demo.id(), demo.group());
      }
    }
  }

  /**
   * Saves a demo user (or a test's fixture user) past the password policy: "demo" is in the public
   * contract and far too short for the policy. Never for a real user.
   */
  public static void save(IdentityService identity, User user) {
    ((IdentityServiceImpl) identity).saveUser(user, true);
  }

  public record DemoUser(String id, String firstName, String lastName, String group) {
  }
}
