package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.Api;

/**
 * The packaged jar refuses to start without a safe first administrator (issue 21), and says so
 * in Spring Boot's short report at the end of its output, naming the setting to change, instead
 * of deep inside a stack trace.
 */
class StartUpRefusedIT {

  @TempDir
  Path dataDir;

  @Test
  void withoutAnAdministratorStartUpEndsWithOneClearReport() throws Exception {
    RunningApplication app = RunningApplication.launch(dataDir, Map.of());

    assertThat(app.awaitExit()).isNotZero();
    assertShortReport(app.output(), "The group camunda-admin has no member, and OPENCSC_ADMIN_USER is not set.",
        "Set OPENCSC_ADMIN_USER and OPENCSC_ADMIN_PASSWORD for the first administrator");
  }

  @Test
  void anAdministratorWithoutAPasswordEndsStartUpWithOneClearReport() throws Exception {
    RunningApplication app = RunningApplication.launch(dataDir, Map.of("OPENCSC_ADMIN_USER", "chief"));

    assertThat(app.awaitExit()).isNotZero();
    assertShortReport(app.output(), "OPENCSC_ADMIN_USER names the first administrator (chief), but "
        + "OPENCSC_ADMIN_PASSWORD is not set.", "Set OPENCSC_ADMIN_PASSWORD to the administrator's password");
  }

  @Test
  void aWeakAdministratorPasswordEndsStartUpWithOneClearReportAndLeavesNoAdministrator() throws Exception {
    RunningApplication weak = RunningApplication.launch(dataDir,
        Map.of("OPENCSC_ADMIN_USER", "chief", "OPENCSC_ADMIN_PASSWORD", "a"));

    assertThat(weak.awaitExit()).isNotZero();
    assertShortReport(weak.output(), "OPENCSC_ADMIN_PASSWORD, the password of the first administrator (chief), "
        + "is refused by the password policy: it has fewer than 12 characters.",
        "Set OPENCSC_ADMIN_PASSWORD to another password: at least 12 characters");

    // Nothing of the refused start-up stays behind: the same administrator with a good password.
    String good = "granite teapot meadow";
    try (RunningApplication app = RunningApplication.launch(dataDir,
        Map.of("OPENCSC_ADMIN_USER", "chief", "OPENCSC_ADMIN_PASSWORD", good)).awaitReady()) {
      Api api = new Api(app.port);
      assertThat(api.send(api.request("/engine-rest/user/chief/profile", null)
          .header("Authorization", Api.basic("chief", good)).GET()).status()).isEqualTo(200);
    }
  }

  /** Spring Boot's report with the description and action, and no stack trace to dig through. */
  static void assertShortReport(String output, String description, String action) {
    assertThat(output).contains("APPLICATION FAILED TO START");
    String report = output.substring(output.lastIndexOf("APPLICATION FAILED TO START"));
    assertThat(report).contains("Description:\n\n" + description).contains("Action:\n\n" + action);
    assertThat(output.lines().filter(line -> line.matches("\\s+at .*")).count())
        .as("stack trace lines in:\n%s", output).isLessThan(5);
  }
}
