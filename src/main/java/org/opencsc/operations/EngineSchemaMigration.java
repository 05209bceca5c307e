package org.opencsc.operations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Camunda's own tables, once, with the create scripts shipped in the engine jar, inside
 * Flyway's migration run. The engine itself only checks the schema ({@code schema-update: false}):
 * when several nodes start together on an empty database, Flyway's lock lets exactly one of them
 * create it, and an engine upgrade is one more migration running the engine jar's
 * {@code <db>_engine_<from>_to_<to>.sql} (docs/operations.md, "Upgrades").
 *
 * <p>A database whose engine tables already exist (created by an earlier release, which let the
 * engine create them) is left as it is.
 */
@Component
class EngineSchemaMigration implements JavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaMigration.class);

  /** In the order the engine creates them (DbSqlSession#dbSchemaCreate). */
  private static final List<String> PARTS = List.of(
      "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("6");
  }

  @Override
  public String getDescription() {
    return "Camunda engine schema 7.24";
  }

  @Override
  public Integer getChecksum() {
    return 724;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (engineTablesPresent(connection.getMetaData())) {
      LOG.info("Camunda engine tables already present; not created again");
      return;
    }
    String database = camundaDatabaseType(connection.getMetaData().getDatabaseProductName());
    for (String part : PARTS) {
      ScriptUtils.executeSqlScript(connection, new EncodedResource(new ClassPathResource(
          "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + part + ".sql")));
    }
    LOG.info("Camunda engine schema created ({})", database);
  }

  private static boolean engineTablesPresent(DatabaseMetaData metaData) throws SQLException {
    for (String name : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
      try (ResultSet tables = metaData.getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The engine's names for the databases we support (DbSqlSessionFactory). */
  static String camundaDatabaseType(String productName) {
    return switch (productName.toLowerCase(Locale.ROOT)) {
      case "h2" -> "h2";
      case "postgresql" -> "postgres";
      default -> throw new IllegalStateException("Unsupported database for the engine schema: " + productName);
    };
  }
}
