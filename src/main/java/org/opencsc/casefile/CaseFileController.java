package org.opencsc.casefile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.opencsc.calendar.LondonTime;
import org.opencsc.child.Child;
import org.opencsc.child.ChildRegistry;
import org.opencsc.child.LookedAfterPeriod;
import org.opencsc.child.LookedAfterPeriods;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRepository;
import org.opencsc.engine.CompletedStep;
import org.opencsc.engine.CompletedStepRepository;
import org.opencsc.notifications.Notification;
import org.opencsc.notifications.Notifications;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/children/{id}}: a child's case file, as a practitioner or inspector reads it:
 * the child, their open and closed cases, every step done (who, when, against which deadline),
 * the breaches and the mails sent. It reads every feature below it, so it sits on top.
 */
@RestController
@RequestMapping("/api/children")
public class CaseFileController {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final int MAX_CASES = 1000;

  private final ChildRegistry registry;
  private final HistoryService history;
  private final BreachRepository breaches;
  private final CompletedStepRepository steps;
  private final Notifications notifications;
  private final LookedAfterPeriods periods;

  public CaseFileController(ChildRegistry registry, HistoryService history, BreachRepository breaches,
      CompletedStepRepository steps, Notifications notifications, LookedAfterPeriods periods) {
    this.periods = periods;
    this.registry = registry;
    this.history = history;
    this.breaches = breaches;
    this.steps = steps;
    this.notifications = notifications;
  }

  @GetMapping("/{id}")
  public Map<String, Object> read(@PathVariable String id) {
    Child child = registry.find(id).orElseThrow(
        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No child with id " + id));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", child.getId());
    view.put("name", child.getName());
    view.put("dateOfBirth", child.getDateOfBirth().toString());
    view.put("lookedAfter", child.isLookedAfter());
    view.put("disabled", child.isDisabled());
    Child.ReturnDetails details = child.getReturnDetails();
    view.put("laChildId", details.laChildId());
    view.put("upn", details.upn());
    view.put("gender", details.gender());
    view.put("ethnicity", details.ethnicity());
    view.put("uasc", details.uasc());
    view.put("allocatedTeam", details.allocatedTeam());
    view.put("allocatedWorker", details.allocatedWorker());
    view.put("lookedAfterPeriods", periods.of(id).stream().map(LookedAfterPeriod::view).toList());
    List<Map<String, Object>> open = new ArrayList<>();
    List<Map<String, Object>> closed = new ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .variableValueEquals("childId", id).orderByProcessInstanceStartTime().asc()
        .listPage(0, MAX_CASES)) {
      (instance.getEndTime() == null ? open : closed).add(caseView(instance));
    }
    view.put("openCases", open);
    view.put("closedCases", closed);
    List<String> cases = new ArrayList<>();
    open.forEach(c -> cases.add((String) c.get("processInstanceId")));
    closed.forEach(c -> cases.add((String) c.get("processInstanceId")));
    view.put("timeline", cases.isEmpty() ? List.of()
        : steps.findByProcessInstanceIdInOrderByCompletedAt(cases).stream().map(CaseFileController::stepView).toList());
    view.put("breaches", breaches.findByChildIdAndWithdrawnAtIsNullOrderByDueAt(id).stream().map(Breach::view)
        .toList());
    // the mails sent (or due) about this child's steps: what, to whom, when; never their content
    view.put("notifications", notifications.forChild(id).stream().map(Notification::view).toList());
    return view;
  }

  /** One step of the child's timeline: what was done, by whom, when, against which deadline. */
  private static Map<String, Object> stepView(CompletedStep step) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("process", step.getProcessKey());
    view.put("processInstanceId", step.getProcessInstanceId());
    view.put("task", step.getTaskKey());
    view.put("completedBy", step.getCompletedBy());
    view.put("completedAt", LondonTime.format(step.getCompletedAt()));
    view.put("dueAt", step.getDueAt() == null ? null : LondonTime.format(step.getDueAt()));
    view.put("late", step.isLate());
    view.put("answers", answers(step));
    return view;
  }

  /** What the step recorded, as given (steps completed before answers were recorded have none). */
  private static JsonNode answers(CompletedStep step) {
    try {
      return step.getAnswers() == null ? null : JSON.readTree(step.getAnswers());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Step record " + step.getTaskId() + " holds answers that are not JSON", e);
    }
  }

  private static Map<String, Object> caseView(HistoricProcessInstance instance) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("processInstanceId", instance.getId());
    view.put("process", instance.getProcessDefinitionKey());
    view.put("businessKey", instance.getBusinessKey());
    view.put("startedAt", LondonTime.format(instance.getStartTime()));
    view.put("endedAt", instance.getEndTime() == null ? null : LondonTime.format(instance.getEndTime()));
    view.put("state", instance.getState());
    return view;
  }
}
