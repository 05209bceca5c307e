package org.opencsc.security;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.opencsc.engine.EnginePlugins;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorization checks without reading every grant on every request (issue 11,
 * docs/performance.md "Tasklist and the compliance summary at council scale").
 *
 * <p>Before it checks what a user may see or do, Camunda narrows the user's groups to those named
 * in at least one grant, and finds those by reading the group of every row of
 * {@code ACT_RU_AUTHORIZATION} ({@code select distinct GROUP_ID_}), once in every command. Each
 * open task has its own grants, so a council with 100,000 open tasks read 100,000 rows on every
 * Tasklist request: 21 ms of the 36 ms a social worker's team list took.
 *
 * <p>The narrowing never changes an answer: a group named in no grant matches no row of the
 * check. It keeps the check's list of groups short for users in hundreds of directory groups, so
 * for them ({@value #MANY_GROUPS} groups or more) Camunda's narrowing is kept.
 */
@Component
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

  /** From this many groups on, a user's groups are narrowed to those with grants, as Camunda does. */
  static final int MANY_GROUPS = 50;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EnginePlugins.append(configuration.getCustomSessionFactories(), configuration::setCustomSessionFactories,
        new Managers());
  }

  /** Opens {@link GroupsAsAuthenticated} wherever the engine asks for its authorization manager. */
  static class Managers implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new GroupsAsAuthenticated();
    }
  }

  /** Camunda's authorization manager, checking a user's own groups as they are. */
  static class GroupsAsAuthenticated extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() >= MANY_GROUPS) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return authenticatedGroupIds.stream().filter(Objects::nonNull).distinct().toList();
    }
  }
}
