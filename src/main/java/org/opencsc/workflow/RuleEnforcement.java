package org.opencsc.workflow;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.BreachRegister;
import org.opencsc.compliance.BreachRegister.Step;
import org.opencsc.workflow.RuleViolation.Problem;
import org.springframework.stereotype.Component;

/**
 * Applies the {@link RuleBook} inside the engine: at every process start, when a waiting case
 * receives a message, and at the creation and completion of every user task. It runs in the engine's transaction, so a refusal leaves
 * nothing behind, whichever door the call came through (REST, submit-form, Tasklist, Java).
 */
@Component
public class RuleEnforcement {

  /** Every case names the child it is about. */
  public static final String CHILD_ID = "childId";

  private final RuleBook ruleBook;
  private final BreachRegister breaches;

  public RuleEnforcement(RuleBook ruleBook, BreachRegister breaches) {
    this.ruleBook = ruleBook;
    this.breaches = breaches;
  }

  /** A process instance is starting: its start variables must satisfy the start rules. */
  public void onStart(String processKey, DelegateExecution execution) {
    ruleBook.start(processKey).ifPresent(rules -> {
      List<Problem> problems = rules.problemsIn(new Answers(execution));
      if (!problems.isEmpty()) {
        throw new RuleViolation(problems);
      }
    });
  }

  /** A catching event is triggered: if by a message with rules, the message must satisfy them. */
  public void onCatch(String processKey, DelegateExecution execution) {
    if (!(execution.getBpmnModelElementInstance() instanceof CatchEvent event)) {
      return;
    }
    for (EventDefinition definition : event.getEventDefinitions()) {
      if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
        ruleBook.message(processKey, message.getMessage().getName()).ifPresent(rules -> {
          List<Problem> problems = rules.problemsIn(new Answers(execution));
          if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
          }
        });
      }
    }
  }

  /**
   * A task opens: its answers start empty (a repeated visit or a second sign-off cannot reuse the
   * last one's), and its due date comes from its deadline variable.
   */
  public void onCreate(String processKey, DelegateTask task) {
    ruleBook.task(processKey, task.getTaskDefinitionKey()).ifPresent(rules -> {
      for (String field : rules.fields()) {
        task.removeVariable(field);
      }
      task.removeVariable(TaskRules.LATE_REASON);
      if (rules.deadlineVariable() != null && task.getDueDate() == null) {
        ZonedDateTime due = new Answers(task).dateTime(rules.deadlineVariable());
        if (due != null) {
          task.setDueDate(Date.from(due.toInstant()));
        }
      }
    });
  }

  /**
   * A task is being completed: refuse it unless every rule holds; then record who completed it
   * and when, and a breach if it is late.
   */
  public void onComplete(String processKey, DelegateTask task) {
    String taskKey = task.getTaskDefinitionKey();
    String user = currentUser();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    TaskRules rules = ruleBook.task(processKey, taskKey).orElse(null);
    Answers answers = new Answers(task);

    List<Problem> problems = new ArrayList<>();
    ZonedDateTime lateAgainst = null;
    if (rules != null) {
      problems.addAll(rules.problemsIn(answers));
      if (!rules.signsOffTaskKeys().isEmpty()) {
        fourEyesProblem(rules, answers, user).ifPresent(problems::add);
      }
      if (rules.deadlineVariable() != null) {
        ZonedDateTime due = answers.dateTime(rules.deadlineVariable());
        if (due != null && now.isAfter(due.toInstant())) {
          lateAgainst = due;
          Object reason = answers.get(TaskRules.LATE_REASON);
          if (!(reason instanceof String text) || text.isBlank()) {
            problems.add(new Problem(TaskRules.LATE_REASON, "is required because this step was due by "
                + LondonTime.format(due) + " and is late"));
          } else if (text.length() > FieldType.MAX_TEXT_LENGTH) {
            problems.add(new Problem(TaskRules.LATE_REASON,
                "must be at most " + FieldType.MAX_TEXT_LENGTH + " characters"));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleViolation(problems);
    }

    if (lateAgainst != null) {
      breaches.recordLate(step(processKey, task.getExecution(), rules, taskKey, lateAgainst.toInstant()),
          now, user, answers.text(TaskRules.LATE_REASON));
    }
    task.setVariable(TaskRules.completedByVariable(taskKey), user);
    task.setVariable(TaskRules.completedAtVariable(taskKey), LondonTime.format(now));
  }

  private static Optional<Problem> fourEyesProblem(TaskRules rules, Answers answers, String user) {
    if (user == null) {
      return Optional.of(new Problem(rules.taskKey(), "a sign-off must be completed by an identified user"));
    }
    for (String workKey : rules.signsOffTaskKeys()) {
      if (user.equals(answers.get(TaskRules.completedByVariable(workKey)))) {
        return Optional.of(new Problem(rules.taskKey(), "four eyes: " + user + " completed " + workKey
            + " and cannot sign it off; another manager must"));
      }
    }
    return Optional.empty();
  }

  static Step step(String processKey, DelegateExecution execution, TaskRules rules, String taskKey,
      Instant dueAt) {
    Object childId = execution.getVariable(CHILD_ID);
    return new Step(rules.breachCode(), processKey, execution.getProcessInstanceId(),
        childId == null ? null : childId.toString(), taskKey, dueAt);
  }

  private static String currentUser() {
    CommandContext commandContext = Context.getCommandContext();
    return commandContext == null ? null : commandContext.getAuthenticatedUserId();
  }
}
