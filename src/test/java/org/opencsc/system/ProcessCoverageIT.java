package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The build fails when the tests leave a diagram less than 90% covered: of each process's flow
 * nodes and sequence flows, at least 90% must have been passed by some test. Reads the reports
 * camunda-process-test-coverage wrote under target/process-test-coverage during the unit tests.
 */
class ProcessCoverageIT {

  static final double MINIMUM = 0.9;
  private static final Pattern ELEMENT = Pattern.compile("<bpmn:(sequenceFlow|userTask|serviceTask|businessRuleTask|"
      + "startEvent|endEvent|exclusiveGateway|parallelGateway|boundaryEvent|subProcess|intermediateCatchEvent)\\b[^>]*\\bid=\"([^\"]+)\"");

  /** Every executable process of the product: one per diagram in bpmn/. */
  static List<String> processes() throws IOException {
    try (Stream<Path> diagrams = Files.list(Path.of("bpmn"))) {
      List<String> keys = diagrams.filter(path -> path.toString().endsWith(".bpmn")).sorted()
          .flatMap(path -> Bpmn.readModelFromFile(path.toFile()).getModelElementsByType(Process.class).stream())
          .filter(Process::isExecutable).map(Process::getId).toList();
      assertThat(keys).as("the product's processes").isNotEmpty();
      return keys;
    }
  }

  @Test
  void everyProcessIsAtLeastNinetyPercentCovered() throws IOException {
    Path reports = Path.of("target", "process-test-coverage");
    assertThat(reports).as("coverage reports from the unit tests").isDirectory();
    Map<String, Set<String>> covered = new HashMap<>();
    Map<String, Set<String>> elements = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(reports)) {
      for (Path file : files.filter(path -> path.getFileName().toString().equals("report.json")).toList()) {
        JsonNode report = json.readTree(file.toFile());
        for (JsonNode model : report.path("models")) {
          Set<String> ids = elements.computeIfAbsent(model.path("key").asText(), key -> new HashSet<>());
          Matcher matcher = ELEMENT.matcher(model.path("xml").asText());
          while (matcher.find()) {
            ids.add(matcher.group(2));
          }
        }
        for (JsonNode suite : report.path("suites")) {
          for (JsonNode run : suite.path("runs")) {
            for (JsonNode event : run.path("events")) {
              covered.computeIfAbsent(event.path("modelKey").asText(), key -> new HashSet<>())
                  .add(event.path("definitionKey").asText());
            }
          }
        }
      }
    }
    List<String> processes = processes();
    StringBuilder table = new StringBuilder("Process test coverage (flow nodes and sequence flows):\n");
    for (String process : processes) {
      Set<String> all = elements.getOrDefault(process, Set.of());
      Set<String> passed = new HashSet<>(covered.getOrDefault(process, Set.of()));
      passed.retainAll(all);
      Set<String> missed = new HashSet<>(all);
      missed.removeAll(passed);
      double ratio = all.isEmpty() ? 0 : (double) passed.size() / all.size();
      table.append(String.format("  %-20s %3d of %3d  %5.1f%%  not covered: %s%n", process, passed.size(), all.size(),
          100 * ratio, missed));
    }
    System.out.print(table);
    for (String process : processes) {
      Set<String> all = elements.getOrDefault(process, Set.of());
      Set<String> passed = new HashSet<>(covered.getOrDefault(process, Set.of()));
      passed.retainAll(all);
      assertThat(all).as(process + " has a coverage report").isNotEmpty();
      assertThat((double) passed.size() / all.size()).as(process + ": " + table).isGreaterThanOrEqualTo(MINIMUM);
    }
  }
}
