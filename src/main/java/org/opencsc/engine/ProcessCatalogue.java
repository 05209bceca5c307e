package org.opencsc.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opencsc.rules.MessageRules;
import org.opencsc.rules.ProcessRules;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.springframework.stereotype.Component;

/**
 * The one list of processes: every {@link ProcessRules} bean, in its declared order. Enforcement
 * looks up rules here by process and task key; compliance, access and the exports ask it which
 * processes there are, so adding a process never means editing them.
 */
@Component
public class ProcessCatalogue {

  private final Map<String, ProcessRules> processes = new LinkedHashMap<>();
  private final Map<String, TaskRules> tasks = new HashMap<>();
  private final Map<String, MessageRules> messages = new HashMap<>();
  private final Map<MessageRules, String> messageProcess = new java.util.IdentityHashMap<>();

  public ProcessCatalogue(List<ProcessRules> rules) {
    for (ProcessRules process : rules) {
      if (processes.put(process.processKey(), process) != null) {
        throw new IllegalStateException("Two rule sets for process " + process.processKey());
      }
      for (MessageRules message : process.messages()) {
        messageProcess.put(message, process.processKey());
        if (messages.put(key(process.processKey(), message.messageName()), message) != null) {
          throw new IllegalStateException(
              "Two rule sets for message " + message.messageName() + " of " + process.processKey());
        }
      }
      for (TaskRules task : process.tasks()) {
        if (tasks.put(key(process.processKey(), task.taskKey()), task) != null) {
          throw new IllegalStateException(
              "Two rule sets for task " + task.taskKey() + " of " + process.processKey());
        }
      }
    }
  }

  /** Every process, in declared order. */
  public List<ProcessRules> processes() {
    return List.copyOf(processes.values());
  }

  /** The keys of the processes that keep a case table: the practice processes the figures count. */
  public List<String> caseProcesses() {
    return processes.values().stream().filter(process -> process.caseTable().isPresent())
        .map(ProcessRules::processKey).toList();
  }

  /** The table that keeps the cases of this process, if it keeps one. */
  public Optional<String> caseTable(String processKey) {
    return Optional.ofNullable(processes.get(processKey)).flatMap(ProcessRules::caseTable);
  }

  /** What the dashboard calls the process's cases. */
  public String title(String processKey) {
    return Optional.ofNullable(processes.get(processKey)).map(ProcessRules::title).orElse(processKey);
  }

  /** The case tables of those processes. */
  public List<String> caseTables() {
    return processes.values().stream().flatMap(process -> process.caseTable().stream()).toList();
  }

  /** The processes that wait for messages from other systems. */
  public List<String> messageReceivers() {
    return processes.values().stream().filter(process -> !process.messages().isEmpty())
        .map(ProcessRules::processKey).toList();
  }

  public Optional<StartRules> start(String processKey) {
    return Optional.ofNullable(processes.get(processKey)).map(ProcessRules::start);
  }

  public Optional<TaskRules> task(String processKey, String taskKey) {
    return Optional.ofNullable(tasks.get(key(processKey, taskKey)));
  }

  public Optional<MessageRules> message(String processKey, String messageName) {
    return Optional.ofNullable(messages.get(key(processKey, messageName)));
  }

  /** The task keys a process has rules for. */
  public List<String> taskKeys(String processKey) {
    ProcessRules process = processes.get(processKey);
    return process == null ? List.of() : process.tasks().stream().map(TaskRules::taskKey).toList();
  }

  /** The processes with rules for this message. */
  public List<String> processesWaitingFor(String messageName) {
    return messages.values().stream().filter(rules -> rules.messageName().equals(messageName))
        .map(rules -> messageProcess.get(rules)).toList();
  }

  private static String key(String processKey, String taskKey) {
    return processKey + "#" + taskKey;
  }
}
