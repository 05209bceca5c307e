package org.opencsc.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every process's rules, looked up by process key and task key. */
@Component
public class RuleBook {

  private final Map<String, ProcessRules> processes = new HashMap<>();
  private final Map<String, TaskRules> tasks = new HashMap<>();
  private final Map<String, MessageRules> messages = new HashMap<>();
  private final Map<MessageRules, String> messageProcess = new java.util.IdentityHashMap<>();

  public RuleBook(List<ProcessRules> rules) {
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
