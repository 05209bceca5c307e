package org.opencsc.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.CaseScope.Visible;
import org.opencsc.engine.AsSystem;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRepository;
import org.opencsc.engine.ProcessCatalogue;
import org.opencsc.rules.BreachCode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compliance figures, from our own tables (one row per case, per completed step, per breach)
 * and the engine's open tasks. Each figure is one indexed aggregate per process, so it stays
 * fast however much engine history builds up.
 */
@Service
@Transactional(readOnly = true)
public class ComplianceReport {

  static final int MAX_OPEN_STEPS = 500;

  private final NamedParameterJdbcTemplate jdbc;
  private final TaskService tasks;
  private final IdentityService identity;
  private final BreachRepository breachRepository;
  private final ProcessCatalogue catalogue;

  public ComplianceReport(NamedParameterJdbcTemplate jdbc, TaskService tasks, IdentityService identity,
      BreachRepository breachRepository, ProcessCatalogue catalogue) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.tasks = tasks;
    this.identity = identity;
    this.breachRepository = breachRepository;
  }

  /**
   * Per process: cases; steps due (every step with a due date, completed or now overdue); steps
   * done on time; the rate; open and overdue steps now.
   */
  public List<Map<String, Object>> summary(Visible scope) {
    Instant now = LondonTime.now().toInstant();
    List<Map<String, Object>> processes = new ArrayList<>();
    for (String process : catalogue.caseProcesses()) {
      MapSqlParameterSource params = params(scope).addValue("process", process);
      long cases = count("select count(*) from " + catalogue.caseTable(process).orElseThrow()
          + where(scope, "process_instance_id"), params);
      Map<String, Object> done = jdbc.queryForMap("select count(*) as completed, "
          + "coalesce(sum(case when late then 0 else 1 end), 0) as on_time from step_record "
          + "where process_key = :process and due_at is not null" + and(scope, "process_instance_id"), params);
      long completed = ((Number) done.get("completed")).longValue();
      long onTime = ((Number) done.get("on_time")).longValue();
      long open = AsSystem.call(identity, () -> openTasks(process, scope).dueAfter(new Date(0)).count());
      long overdue = AsSystem.call(identity, () -> openTasks(process, scope).dueBefore(Date.from(now)).count());
      long due = completed + overdue;
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("process", process);
      figures.put("name", catalogue.title(process));
      figures.put("cases", cases);
      figures.put("stepsDue", due);
      figures.put("stepsOnTime", onTime);
      figures.put("rate", due == 0 ? null : Math.round(1000.0 * onTime / due) / 1000.0);
      figures.put("openSteps", open);
      figures.put("overdueSteps", overdue);
      processes.add(figures);
    }
    return processes;
  }

  /** Completed steps with a due date per calendar month: how many, how many on time. */
  public List<Map<String, Object>> trend(Visible scope, String process) {
    MapSqlParameterSource params = params(scope).addValue("process", process);
    return jdbc.query("select extract(year from completed_at) as y, extract(month from completed_at) as m, "
        + "count(*) as due, coalesce(sum(case when late then 0 else 1 end), 0) as on_time from step_record "
        + "where process_key = :process and due_at is not null" + and(scope, "process_instance_id")
        + " group by extract(year from completed_at), extract(month from completed_at) order by 1, 2", params,
        (row, i) -> {
          Map<String, Object> month = new LinkedHashMap<>();
          month.put("month", String.format("%04d-%02d", row.getInt("y"), row.getInt("m")));
          month.put("stepsDue", row.getLong("due"));
          month.put("stepsOnTime", row.getLong("on_time"));
          return month;
        });
  }

  /** Open steps with a due date, soonest first, with who holds them. */
  public List<Map<String, Object>> openSteps(Visible scope) {
    Instant now = LondonTime.now().toInstant();
    if (!scope.all() && scope.cases().isEmpty()) {
      return List.of(); // an empty id list would mean "no filter" to the engine's task query
    }
    List<Task> open = AsSystem.call(identity, () -> {
      TaskQuery query = tasks.createTaskQuery().processDefinitionKeyIn(catalogue.caseProcesses().toArray(String[]::new))
          .dueAfter(new Date(0)).orderByDueDate().asc();
      if (!scope.all()) {
        query.processInstanceIdIn(scope.cases().toArray(String[]::new));
      }
      return query.listPage(0, MAX_OPEN_STEPS);
    });
    Map<String, String> children = childrenOf(open.stream().map(Task::getProcessInstanceId).toList());
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Task task : open) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("task", task.getTaskDefinitionKey());
      step.put("name", task.getName());
      step.put("processInstanceId", task.getProcessInstanceId());
      step.put("childId", children.get(task.getProcessInstanceId()));
      step.put("dueAt", LondonTime.format(task.getDueDate()));
      step.put("overdue", task.getDueDate().toInstant().isBefore(now));
      step.put("assignee", task.getAssignee());
      step.put("candidateGroups", AsSystem.call(identity, () -> tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList()));
      steps.add(step);
    }
    return steps;
  }

  /** The breach register, without withdrawn breaches, filtered. */
  public List<Breach> breaches(Visible scope, BreachFilter filter) {
    MapSqlParameterSource params = params(scope);
    StringBuilder sql = new StringBuilder("select id from breach where withdrawn_at is null");
    if (filter.process() != null) {
      sql.append(" and process_key = :process");
      params.addValue("process", filter.process());
    }
    if (filter.code() != null) {
      sql.append(" and code = :code");
      params.addValue("code", filter.code().name());
    }
    if (filter.childId() != null) {
      sql.append(" and child_id = :childId");
      params.addValue("childId", filter.childId());
    }
    if (filter.from() != null) {
      sql.append(" and due_at >= :from");
      params.addValue("from", Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      sql.append(" and due_at < :to");
      params.addValue("to", Timestamp.from(filter.to()));
    }
    sql.append(and(scope, "process_instance_id")).append(" order by due_at, id");
    List<Long> ids = jdbc.queryForList(sql.toString(), params, Long.class);
    return ids.isEmpty() ? List.of() : breachRows(ids);
  }

  private List<Breach> breachRows(List<Long> ids) {
    return breachRepository.findAllById(ids).stream()
        .sorted(Comparator.comparing(Breach::getDueAt).thenComparing(Breach::getId)).toList();
  }

  /** Process instance → child, from the case tables. */
  Map<String, String> childrenOf(List<String> processInstanceIds) {
    Map<String, String> children = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return children;
    }
    MapSqlParameterSource params = new MapSqlParameterSource("ids", processInstanceIds);
    for (String table : catalogue.caseTables()) {
      jdbc.query("select process_instance_id, child_id from " + table + " where process_instance_id in (:ids)", params,
          row -> {
            children.put(row.getString(1), row.getString(2));
          });
    }
    return children;
  }

  private TaskQuery openTasks(String process, Visible scope) {
    TaskQuery query = tasks.createTaskQuery().processDefinitionKey(process);
    if (!scope.all()) {
      query.processInstanceIdIn(scope.cases().isEmpty() ? new String[] {"-"} : scope.cases().toArray(String[]::new));
    }
    return query;
  }

  private long count(String sql, MapSqlParameterSource params) {
    Long count = jdbc.queryForObject(sql, params, Long.class);
    return count == null ? 0 : count;
  }

  static MapSqlParameterSource params(Visible scope) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    if (!scope.all()) {
      params.addValue("visible", scope.cases().isEmpty() ? List.of("-") : new ArrayList<>(scope.cases()));
    }
    return params;
  }

  static String where(Visible scope, String column) {
    return scope.all() ? "" : " where " + column + " in (:visible)";
  }

  static String and(Visible scope, String column) {
    return scope.all() ? "" : " and " + column + " in (:visible)";
  }

  /** Filters of {@code GET /api/compliance/breaches}; null means any. */
  public record BreachFilter(String process, BreachCode code, String childId, Instant from, Instant to) {
  }
}
