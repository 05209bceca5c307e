package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.Api;
import org.opencsc.Api.Reply;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The postgres profile against a real PostgreSQL server: engine schema, our Flyway tables, the API. */
class PostgresProfileIT {

  @TempDir
  Path dataDir;

  @Test
  void runsOnPostgresql() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Map<String, String> environment = Map.of("OPENCSC_DB_URL", url, "OPENCSC_DB_USER", "postgres",
          "OPENCSC_DB_PASSWORD", "postgres", "OPENCSC_ADMIN_USER", "chief", "OPENCSC_ADMIN_PASSWORD", "Str0ng-passphrase");
      try (RunningApplication app = RunningApplication.launch(dataDir, environment,
          "--spring.profiles.active=postgres",
          // our entities must match the tables Flyway made on PostgreSQL too
          "--spring.jpa.hibernate.ddl-auto=validate").awaitReady()) {
        System.out.printf("Start-up (postgres profile, empty database): %.1f s to ready, RSS %d MiB%n",
            app.secondsToReady(), app.residentMiB());
        Api api = new Api(app.port);
        Reply child = api.send(api.request("/api/children", null)
            .header("Authorization", Api.basic("chief", "Str0ng-passphrase"))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"Postgres Child\",\"dateOfBirth\":\"2015-03-01\"}")));
        assertThat(child.status()).as(child.body()).isEqualTo(201);
      }
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
           Statement statement = connection.createStatement()) {
        assertThat(single(statement, "select version()")).startsWith("PostgreSQL");
        assertThat(single(statement, "select name from child")).isEqualTo("Postgres Child");
        assertThat(single(statement, "select count(*) from act_id_group where id_ = 'social-workers'")).isEqualTo("1");
        var resources = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        int migrations = resources.getResources("classpath*:db/migration/V*__*.sql").length
            + resources.getResources("classpath*:db/vendor/postgresql/V*__*.sql").length
            + 1; // Camunda's tables, EngineSchemaMigration
        assertThat(single(statement, "select count(*) from flyway_schema_history where success and version is not null"
            + " and version <> '0'")).isEqualTo(String.valueOf(migrations));
        assertThat(single(statement, "select description from flyway_schema_history where version = '6'"))
            .isEqualTo("Camunda engine schema 7.24");
        assertThat(single(statement, "select version_ from act_ge_schema_log order by id_ desc limit 1"))
            .as("the engine's own record of its schema").startsWith("7.24");
      }
    }
  }

  private static String single(Statement statement, String sql) throws Exception {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }
}
