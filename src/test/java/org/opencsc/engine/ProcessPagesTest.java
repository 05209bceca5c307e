package org.opencsc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every process has a page that practitioners, analysts and inspectors can trust: for each
 * executable process in {@code bpmn/<name>.bpmn}, {@code docs/processes/<name>.md} exists, shows
 * the diagram ({@code <name>.png} beside it) and names, as written in the diagram, every user
 * task (its task key) and every timer (the id of the event that holds it, as Cockpit shows it).
 * A task or timer added or renamed in Modeler then cannot go undocumented. Reads the files only:
 * no engine, no Spring.
 */
class ProcessPagesTest {

  static final Path DIAGRAMS = Path.of("bpmn");
  static final Path PAGES = Path.of("docs", "processes");

  @Test
  void everyProcessPageShowsItsDiagramAndNamesEveryTaskKeyAndTimer() throws IOException {
    List<String> problems = new ArrayList<>();
    int processes = 0;
    for (Path diagram : diagrams()) {
      String name = diagram.getFileName().toString().replaceFirst("\\.bpmn$", "");
      Path page = PAGES.resolve(name + ".md");
      for (Process process : Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(Process.class)) {
        if (!process.isExecutable()) {
          continue;
        }
        processes++;
        String key = process.getId();
        if (!Files.isRegularFile(page)) {
          problems.add(key + " (" + diagram + "): its page " + page + " does not exist");
          continue;
        }
        String text = Files.readString(page);
        String image = name + ".png";
        if (!Pattern.compile("!\\[[^\\]]*\\]\\(" + Pattern.quote(image) + "\\)").matcher(text).find()
            || !Files.isRegularFile(PAGES.resolve(image))) {
          problems.add(key + ": " + page + " does not show the diagram: it needs ![...](" + image + ") and the picture "
              + PAGES.resolve(image));
        }
        Set<String> tasks = new LinkedHashSet<>();
        Set<String> timers = new LinkedHashSet<>();
        collect(process.getFlowElements(), tasks, timers);
        List<String> missing = new ArrayList<>();
        List<String> missingTasks = notNamedIn(text, tasks);
        List<String> missingTimers = notNamedIn(text, timers);
        if (!missingTasks.isEmpty()) {
          missing.add("task keys " + missingTasks);
        }
        if (!missingTimers.isEmpty()) {
          missing.add("timers " + missingTimers);
        }
        if (!missing.isEmpty()) {
          problems.add(key + ": " + page + " does not name the " + String.join(" or the ", missing)
              + " (write each in backticks, as in the diagram, where the page describes it)");
        }
      }
    }
    assertThat(processes).as("executable processes in " + DIAGRAMS).isPositive();
    assertThat(problems).withFailMessage(() -> "Process pages out of step with their diagrams:\n  "
        + String.join("\n  ", problems)).isEmpty();
  }

  /** User tasks and timer events of a process, sub-processes and event sub-processes included. */
  private static void collect(Collection<FlowElement> elements, Set<String> tasks, Set<String> timers) {
    for (FlowElement element : elements) {
      if (element instanceof UserTask) {
        tasks.add(element.getId());
      } else if (element instanceof CatchEvent event
          && event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance)) {
        timers.add(element.getId());
      }
      if (element instanceof SubProcess subProcess) {
        collect(subProcess.getFlowElements(), tasks, timers);
      }
    }
  }

  /**
   * The ids the page does not name as written: in backticks, so {@code recordIcpc} is not found
   * inside {@code serviceTask_recordIcpcBreach}.
   */
  private static List<String> notNamedIn(String page, Set<String> ids) {
    return ids.stream().filter(id -> !page.contains("`" + id + "`")).toList();
  }

  private static List<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.list(DIAGRAMS)) {
      return files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
