package org.opencsc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bpmnlint, as the build runs it on bpmn/, refuses the mistakes an analyst can make in Modeler,
 * each with a message that says what to do.
 */
class DiagramLintTest {

  static final Path BPMNLINT = Path.of("node_modules", ".bin", "bpmnlint");
  static final Path FIXTURES = Path.of("src", "test", "resources", "lint-fixtures");

  @Test
  void ourDiagramsAndAValidOnePass() throws Exception {
    assertThat(lint(FIXTURES.resolve("valid.bpmn")).exitCode).isZero();
    assertThat(lint(Path.of("bpmn", "*.bpmn")).exitCode).isZero();
  }

  @ParameterizedTest(name = "{0} fails: {1}")
  @CsvSource(delimiter = '|', value = {
      "missing-form.bpmn|User task has no form: link its Camunda Form by id",
      "missing-history-time-to-live.bpmn|Property <historyTimeToLive> should be configured",
      "unlabelled-task.bpmn|Label this element in words a social worker understands",
      "timer-without-source.bpmn|Timer has no source",
      "generated-id.bpmn|Give this element a readable id"})
  void eachMistakeFailsWithAMessageAnAnalystUnderstands(String diagram, String message) throws Exception {
    Result result = lint(FIXTURES.resolve(diagram));
    assertThat(result.exitCode).as(result.output).isNotZero();
    assertThat(result.output).contains(message);
  }

  private static Result lint(Path diagram) throws IOException, InterruptedException {
    assertThat(BPMNLINT).as("bpmnlint installed by the build (npm ci); run mvn verify").isRegularFile();
    Process process = new ProcessBuilder(BPMNLINT.toString(), diagram.toString()).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String output) {
  }

}
