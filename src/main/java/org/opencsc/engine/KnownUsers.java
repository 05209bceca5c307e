package org.opencsc.engine;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The people the engine knows (its identity service): rules that name a person in an answer (who
 * held an interview) check the name against them and offer them to choose from.
 */
@Component
public class KnownUsers {

  // Looked up when first asked: the rules are built before the engine that holds the users.
  private final ObjectProvider<IdentityService> identity;

  public KnownUsers(ObjectProvider<IdentityService> identity) {
    this.identity = identity;
  }

  public boolean exists(String userId) {
    return userId != null && identity.getObject().createUserQuery().userId(userId).count() > 0;
  }

  /** Members of a group, by id. */
  public List<User> membersOf(String group) {
    return identity.getObject().createUserQuery().memberOfGroup(group).orderByUserId().asc().list();
  }

  /** How a user is shown to someone choosing: full name and id, or the id alone. */
  public static String label(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }
}
