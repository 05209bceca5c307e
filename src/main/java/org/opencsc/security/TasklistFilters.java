package org.opencsc.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.opencsc.rules.Groups;

/**
 * The Tasklist filters every practitioner starts with, each sorted by due date so the most
 * urgent statutory step is at the top. They are stored by the system (no owner) and may use
 * expressions such as {@code ${currentUser()}}: only stored filters evaluate expressions, and
 * only administrators may store them (see {@link ExpressionGuard}).
 */
final class TasklistFilters {

  static final String MY_TASKS = "My tasks";
  static final String MY_TEAMS_TASKS = "My team's tasks";
  static final String OVERDUE = "Overdue";
  static final String DUE_IN_24_HOURS = "Due in the next 24 hours";
  static final String WAITING = "Waiting: missing children, visit requests";
  /**
   * A step of priority 0 waits for something to happen (a missing child's return, a request for
   * a visit) rather than being work to do now: it has its own list, not the team's worklist.
   */
  static final int WAITING_PRIORITY = 0;
  /** Whose case and when due, under each task in every list. */
  static final List<Map<String, String>> SHOWN = List.of(Map.of("name", "childName", "label", "Child"),
      Map.of("name", "childReference", "label", "Child reference"), Map.of("name", "dueBy", "label", "Due by"));

  private static final JsonTaskQueryConverter FILTER_QUERY = new JsonTaskQueryConverter();

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  void create() {
    ensure(MY_TASKS, -20, true, "Tasks assigned to me, soonest due first",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(MY_TEAMS_TASKS, -10, false, "Tasks for my groups (claimed or not), soonest due first",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().taskMinPriority(WAITING_PRIORITY + 1).orderByDueDate().asc());
    ensure(OVERDUE, 0, false, "Statutory steps past their deadline",
        tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
    ensure(DUE_IN_24_HOURS, 10, true, "Steps due within the next 24 hours",
        tasks.createTaskQuery().dueAfterExpression("${now()}")
            .dueBeforeExpression("${dateTime().plusHours(24).toDate()}").orderByDueDate().asc());
    ensure(WAITING, 20, false, "Steps that wait for news: a missing child's return, a request for a visit",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().taskMaxPriority(WAITING_PRIORITY).orderByTaskCreateTime().asc());
  }

  /**
   * {@code refresh}: Tasklist reloads the open filter's list and its count every 10 seconds. Only
   * for the short lists: counting a team's or a council's overdue tasks checks every visible
   * task (about 0.4 s at 50,000 on PostgreSQL), and every open Tasklist would do it 6 times a
   * minute. Those two lists reload when the practitioner acts or opens them.
   */
  private void ensure(String name, int priority, boolean refresh, String description, TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).list().stream()
        .filter(existing -> existing.getOwner() == null)
        .findFirst().orElse(null);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", refresh);
    properties.put("variables", SHOWN);
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    } else if (same(filter, query, properties)) {
      grantRead(filter);
      return;
    }
    // New, or as an earlier release stored it: this release's query and columns.
    filter.setQuery(query);
    filter.setProperties(properties);
    filters.saveFilter(filter);
    grantRead(filter);
  }

  private static boolean same(Filter filter, TaskQuery query, Map<String, Object> properties) {
    return String.valueOf(properties).equals(String.valueOf(filter.getProperties()))
        && FILTER_QUERY.toJson(query).equals(FILTER_QUERY.toJson(filter.getQuery()));
  }

  private void grantRead(Filter filter) {
    for (String group : Groups.PRACTICE) {
      AccessBootstrap.grant(authorizations, group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
