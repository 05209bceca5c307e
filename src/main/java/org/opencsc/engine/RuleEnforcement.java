package org.opencsc.engine;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.BreachRegister.Step;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.Completion;
import org.opencsc.rules.FieldRules;
import org.opencsc.rules.FieldType;
import org.opencsc.rules.Groups;
import org.opencsc.rules.RuleViolation;
import org.opencsc.rules.RuleViolation.Problem;
import org.opencsc.rules.TaskRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applies the {@link ProcessCatalogue} inside the engine: at every process start, when a waiting case
 * receives a message, and at the creation and completion of every user task. It runs in the engine's transaction, so a refusal leaves
 * nothing behind, whichever door the call came through (REST, submit-form, Tasklist, Java).
 */
@Component
public class RuleEnforcement {

  /** Every case names the child it is about. */
  public static final String CHILD_ID = "childId";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessCatalogue catalogue;
  private final BreachRegister breaches;
  private final CompletedStepRepository steps;

  private final ApplicationEventPublisher events;
  /** A step's due date as the task lists show it (UK form, London time). */
  public static final String DUE_BY = "dueBy";

  public RuleEnforcement(ProcessCatalogue catalogue, BreachRegister breaches, CompletedStepRepository steps,
      ApplicationEventPublisher events) {
    this.catalogue = catalogue;
    this.breaches = breaches;
    this.steps = steps;
    this.events = events;
  }

  /** A process instance is starting: its start variables must satisfy the start rules. */
  public void onStart(String processKey, DelegateExecution execution) {
    catalogue.start(processKey).ifPresent(rules -> {
      Answers answers = Answers.from(execution::getVariable);
      List<Problem> problems = rules.problemsIn(answers);
      if (!problems.isEmpty()) {
        throw new RuleViolation(problems);
      }
      keep(rules.shown(), answers, execution.getProcessInstance()::setVariable);
    });
  }

  /** A catching event is triggered: if by a message with rules, the message must satisfy them. */
  public void onCatch(String processKey, DelegateExecution execution) {
    if (!(execution.getBpmnModelElementInstance() instanceof CatchEvent event) || execution.isCanceled()) {
      return; // cancelled: the case moved on another way (an interrupting event, a terminate end) and nothing came
    }
    for (EventDefinition definition : event.getEventDefinitions()) {
      if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
        catalogue.message(processKey, message.getMessage().getName()).ifPresent(rules -> {
          List<Problem> problems = rules.problemsIn(Answers.from(execution::getVariable));
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
    catalogue.task(processKey, task.getTaskDefinitionKey()).ifPresent(rules -> {
      for (String field : rules.fields()) {
        task.removeVariable(field);
      }
      task.removeVariable(TaskRules.LATE_REASON);
      keep(rules.shown(), Answers.from(task::getVariable), task::setVariableLocal);
      // What the case shows (whose case it is) is kept on each of its steps too: the task lists
      // read it there with the task, as a practitioner may read a task and not the whole case.
      catalogue.start(processKey).ifPresent(start -> start.shown().forEach(shown ->
          task.setVariableLocal(shown.variable(), task.getVariable(shown.variable()))));
      if (rules.deadlineVariable() != null && task.getDueDate() == null) {
        ZonedDateTime due = Answers.from(task::getVariable).dateTime(rules.deadlineVariable());
        if (due != null) {
          task.setDueDate(Date.from(due.toInstant()));
        }
      }
      if (rules.deadlineVariable() != null && task.getDueDate() != null) {
        events.publishEvent(DeadlineStepOpened.of(processKey, task, rules.deadlineVariable()));
      }
      // The task lists show it as written, whatever the reader's browser clock or language.
      if (task.getDueDate() != null) {
        task.setVariableLocal(DUE_BY, LondonTime.forReading(task.getDueDate().toInstant()));
      }
    });
  }

  /**
   * A deadline variable moved after its steps opened (the court extended the timetable): each open
   * step that meets it takes the new due date (and what its form and the task lists show of it),
   * and each timer of the case that watches it ({@code timeDate="${variable}"}) is moved to it.
   */
  public void deadlineMoved(DelegateExecution execution, String deadlineVariable) {
    ZonedDateTime due = Answers.from(execution::getVariable).dateTime(deadlineVariable);
    Date dueDate = Date.from(due.toInstant());
    String processKey = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      catalogue.task(processKey, task.getTaskDefinitionKey())
          .filter(rules -> deadlineVariable.equals(rules.deadlineVariable())).ifPresent(rules -> {
            task.setDueDate(dueDate);
            tasks.saveTask(task);
            tasks.setVariableLocal(task.getId(), DUE_BY, LondonTime.forReading(due.toInstant()));
            keep(rules.shown(), Answers.from(name -> tasks.getVariable(task.getId(), name)),
                (name, value) -> tasks.setVariableLocal(task.getId(), name, value));
          });
    }
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    execution.getBpmnModelInstance().getModelElementsByType(TimerEventDefinition.class).stream()
        .filter(timer -> timer.getTimeDate() != null
            && timer.getTimeDate().getTextContent().strip().equals("${" + deadlineVariable + "}"))
        .map(timer -> ((BaseElement) timer.getParentElement()).getId())
        .forEach(activity -> management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
            .timers().activityId(activity).list()
            .forEach(job -> management.setJobDuedate(job.getId(), dueDate)));
  }

  /** Keeps each shown value where forms and lists read it (a list as JSON). */
  private static void keep(List<FieldRules.Shown> shown, Answers known, BiConsumer<String, Object> scope) {
    for (FieldRules.Shown value : shown) {
      Object kept = value.value().apply(known);
      scope.accept(value.variable(), kept instanceof List<?> list ? asJson(list) : kept);
    }
  }

  /** A list as a form reads it: JSON (choices as the select's [{"label", "value"}]). */
  private static JsonValue asJson(List<?> list) {
    List<Object> entries = list.stream()
        .map(entry -> entry instanceof TaskRules.Choice choice
            ? Map.of("label", choice.label(), "value", choice.value()) : entry)
        .toList();
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(entries)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A list cannot be written as JSON", e);
    }
  }

  /**
   * A task is being completed: refuse it unless every rule holds; then record who completed it
   * and when, and a breach if it is late.
   */
  public void onComplete(String processKey, DelegateTask task) {
    String taskKey = task.getTaskDefinitionKey();
    String user = currentUser();
    if (task.getAssignee() != null && user != null && !task.getAssignee().equals(user) && !isManager()) {
      throw new TaskClaimedByAnother(task.getAssignee());
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    TaskRules rules = catalogue.task(processKey, taskKey).orElse(null);
    Answers answers = Answers.from(task::getVariable);

    List<Problem> problems = new ArrayList<>();
    Deadline deadline = null;
    if (rules != null) {
      problems.addAll(rules.problemsIn(answers));
      if (!rules.signsOffTaskKeys().isEmpty()) {
        fourEyesProblem(rules, task.getProcessInstanceId(), user).ifPresent(problems::add);
      }
      for (TaskRules.Exclusion exclusion : rules.exclusions()) {
        if (user == null || exclusion.users().apply(answers).contains(user)) {
          problems.add(new Problem(taskKey, (user == null ? "an identified user is needed: " : user + ": ")
              + exclusion.rule()));
        }
      }
      if (rules.deadlineVariable() != null && problems.isEmpty() && rules.deadlineApplies(answers)) {
        deadline = deadline(rules, task, answers, now);
        if (deadline != null && deadline.late()) {
          lateReasonProblem(answers, deadline).ifPresent(problems::add);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleViolation(problems);
    }

    if (rules != null) {
      for (TaskRules.Derived derived : rules.derived()) {
        Object value = derived.value().apply(answers);
        if (value != null) {
          task.setVariable(derived.field(), value);
        }
      }
    }
    Optional<TaskRules.Failure> failure = rules == null ? Optional.empty() : rules.failureIn(answers);
    if (deadline != null) {
      Step step = step(processKey, task.getExecution(), rules.breachCode(), taskKey, deadline.due().toInstant());
      if (deadline.late()) {
        breaches.recordLate(step, deadline.metAt().toInstant(), user, answers.text(TaskRules.LATE_REASON));
      } else if (failure.isEmpty()) {
        breaches.metInTime(step, deadline.metAt().toInstant(), user);
      }
    }
    Instant dueAt = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    // A step completed as a failure of the duty is a breach however early (once: with the
    // deadline's own code, it is the row just filled in).
    failure.ifPresent(failed -> breaches.recordLate(
        step(processKey, task.getExecution(), failed.code(), taskKey, dueAt != null ? dueAt : now), now, user,
        answers.text(failed.reasonField())));
    // Late against the deadline rule where there is one (met at the recorded event), otherwise
    // against the task's due date: the compliance figures count every step that had a due date,
    // and a failure of the duty as missed.
    boolean late = failure.isPresent() || (deadline != null ? deadline.late() : dueAt != null && now.isAfter(dueAt));
    steps.insert(new CompletedStep(task.getId(), task.getProcessInstanceId(), processKey, taskKey, user, now, dueAt, late,
        rules == null ? null : recorded(rules, answers)));
    // Shown to the next person in Tasklist; the four-eyes check reads the step record instead.
    task.setVariable(TaskRules.completedByVariable(taskKey), user);
    task.setVariable(TaskRules.completedAtVariable(taskKey), LondonTime.format(now));
    if (rules != null) {
      Completion completion = new Completion(task.getId(), task.getProcessInstanceId(), taskKey, dueAt, user, answers);
      rules.completionActions().forEach(action -> action.accept(completion));
      if (rules.isCasework() && user != null && answers.text(CHILD_ID) != null) {
        events.publishEvent(new CaseworkDone(answers.text(CHILD_ID), processKey, taskKey, user, now));
      }
    }
  }

  /**
   * The step's answers as the completion left them, for the step record: its fields and any late
   * reason, dates in UK time as the forms show them, fields left empty out.
   */
  private static String recorded(TaskRules rules, Answers answers) {
    Map<String, Object> recorded = new LinkedHashMap<>();
    for (String field : rules.fields()) {
      putAnswer(recorded, field, answers.get(field));
    }
    putAnswer(recorded, TaskRules.LATE_REASON, answers.get(TaskRules.LATE_REASON));
    try {
      return JSON.writeValueAsString(recorded);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Answers of " + rules.taskKey() + " cannot be written as JSON", e);
    }
  }

  private static void putAnswer(Map<String, Object> recorded, String field, Object value) {
    if (value instanceof Date date) {
      recorded.put(field, LondonTime.format(date));
    } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      recorded.put(field, value);
    } else if (value != null) {
      recorded.put(field, value.toString());
    }
  }

  /**
   * When the step was due and when it was met (the recorded event's time, or now). The due date
   * is the task's own, set from the deadline variable when the task opened: a variable sent
   * with the completion cannot move it.
   */
  private static Deadline deadline(TaskRules rules, DelegateTask task, Answers answers, Instant now) {
    ZonedDateTime due = task.getDueDate() != null ? LondonTime.toLondon(task.getDueDate().toInstant())
        : answers.dateTime(rules.deadlineVariable());
    if (due == null) {
      return null;
    }
    ZonedDateTime metAt = rules.metAtField() == null ? null : answers.dateTime(rules.metAtField());
    return new Deadline(due, metAt != null ? metAt : LondonTime.toLondon(now));
  }

  private static Optional<Problem> lateReasonProblem(Answers answers, Deadline deadline) {
    Object reason = answers.get(TaskRules.LATE_REASON);
    if (!(reason instanceof String text) || text.isBlank()) {
      return Optional.of(new Problem(TaskRules.LATE_REASON, "is required because this step was due by "
          + LondonTime.format(deadline.due()) + " and is late"));
    }
    // the same rules as every other text answer: its length, and no markup
    return FieldType.TEXT.problemWith(text).map(problem -> new Problem(TaskRules.LATE_REASON, problem));
  }

  private record Deadline(ZonedDateTime due, ZonedDateTime metAt) {
    boolean late() {
      return metAt.isAfter(due);
    }
  }

  private Optional<Problem> fourEyesProblem(TaskRules rules, String processInstanceId, String user) {
    if (user == null) {
      return Optional.of(new Problem(rules.taskKey(), "a sign-off must be completed by an identified user"));
    }
    if (steps.existsByProcessInstanceIdAndTaskKeyInAndCompletedBy(processInstanceId, rules.signsOffTaskKeys(), user)) {
      return Optional.of(new Problem(rules.taskKey(), "four eyes: " + user + " did the work this signs off ("
          + String.join(", ", rules.signsOffTaskKeys()) + ") and cannot sign it off; someone else must"));
    }
    return Optional.empty();
  }

  static Step step(String processKey, DelegateExecution execution, BreachCode code, String taskKey,
      Instant dueAt) {
    Object childId = execution.getVariable(CHILD_ID);
    return new Step(code, processKey, execution.getProcessInstanceId(),
        childId == null ? null : childId.toString(), taskKey, dueAt);
  }

  /** Managers (and administrators) may complete a step that a worker of theirs has claimed. */
  private static boolean isManager() {
    CommandContext commandContext = Context.getCommandContext();
    List<String> groups = commandContext == null || commandContext.getAuthentication() == null ? null
        : commandContext.getAuthentication().getGroupIds();
    return groups != null && (groups.contains(Groups.TEAM_MANAGERS) || groups.contains(Groups.SERVICE_MANAGERS)
        || groups.contains(Groups.CAMUNDA_ADMIN));
  }

  private static String currentUser() {
    CommandContext commandContext = Context.getCommandContext();
    return commandContext == null ? null : commandContext.getAuthenticatedUserId();
  }
}
