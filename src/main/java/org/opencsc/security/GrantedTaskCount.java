package org.opencsc.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Counting a practitioner's tasks without joining every task to every grant (issue 28,
 * docs/performance.md "Counting a list").
 *
 * <p>Tasklist shows how many tasks a list holds, and the count comes with every page of it. To
 * count only what the caller may see, Camunda joins each task to the caller's grants on
 * {@code RESOURCE_ID_ in (task id, process definition key, '*')}: a condition no database can
 * hash, so each of a team's 50,000 tasks is looked up in the grants one by one (0.53 s p95 on
 * PostgreSQL at 100,000 open tasks). The same question asked as "is the task's id, its
 * definition's key or '*' among the resources the caller's grants name" hashes those resources
 * once (0.16 s p95 at the same scale). {@code GrantedTaskCount.xml} asks it that way: Camunda's own
 * criteria, grants chosen by Camunda's own fragment, so the answer is the same by construction,
 * and {@code GrantedTaskCountTest} holds the two equal over every list and user.
 *
 * <p>Only the count changes: lists, single tasks and every other check stay Camunda's. Checks the
 * shape cannot state (revoking grants, composite checks) run Camunda's statement as it is, and on
 * databases other than H2 and PostgreSQL nothing changes.
 */
@Component
public class GrantedTaskCount extends AbstractProcessEnginePlugin {

  public static final String ENGINE_STATEMENT = "selectTaskCountByQueryCriteria";
  /** A name of its own, so Camunda's short statement name stays unambiguous for MyBatis. */
  public static final String STATEMENT = "org.opencsc.security.GrantedTaskCount.selectTaskCountWithGrantsLookedUp";
  private static final String MAPPER = "org/opencsc/security/GrantedTaskCount.xml";
  private static final Set<String> DATABASES = Set.of("h2", "postgres");
  private static final AuthorizationCheck NO_CHECK = new AuthorizationCheck();

  /** What the mapper puts in place of the caller's check while it reads Camunda's criteria. */
  public static AuthorizationCheck noCheck() {
    return NO_CHECK;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    if (!DATABASES.contains(configuration.getDatabaseType()) || sessions == null) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENT)) {
      try (InputStream mapper = GrantedTaskCount.class.getClassLoader().getResourceAsStream(MAPPER)) {
        if (mapper == null) {
          throw new IllegalStateException(MAPPER + " is missing from the application");
        }
        new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + MAPPER, e);
      }
    }
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    mappings.put(ENGINE_STATEMENT, STATEMENT);
    sessions.setStatementMappings(mappings);
  }
}
