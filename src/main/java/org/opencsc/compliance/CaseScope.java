package org.opencsc.compliance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.opencsc.engine.AsSystem;
import org.opencsc.engine.CaseEntity;
import org.opencsc.rules.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Which cases a caller may see in the compliance figures: managers, service managers, analysts
 * and administrators see every case; a social worker sees the cases they started, worked on or
 * hold a task in.
 */
@Component
public class CaseScope {

  /** Everything the caller may see; {@link #cases()} is then null. */
  static final CaseScope.Visible ALL = new Visible(null);

  private static final int MAX_OWN_CASES = 10_000;

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;

  public CaseScope(JdbcTemplate jdbc, HistoryService history, TaskService tasks, IdentityService identity) {
    this.jdbc = jdbc;
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
  }

  public Visible of(Authentication caller) {
    Set<String> groups = new HashSet<>();
    caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(groups::add);
    if (groups.contains(Groups.TEAM_MANAGERS) || groups.contains(Groups.SERVICE_MANAGERS)
        || groups.contains(Groups.HEADS_OF_SERVICE) || groups.contains(Groups.PROCESS_ANALYSTS) || groups.contains(Groups.CAMUNDA_ADMIN)) {
      return ALL;
    }
    String user = caller.getName();
    Set<String> own = new HashSet<>(jdbc.queryForList(
        "select distinct process_instance_id from step_record where completed_by = ?", String.class, user));
    // As the system: the figures decide visibility themselves (and the API's result limit is for callers).
    AsSystem.call(identity, () -> history.createHistoricProcessInstanceQuery().startedBy(user)
        .listPage(0, MAX_OWN_CASES)).stream().map(HistoricProcessInstance::getId).forEach(own::add);
    AsSystem.call(identity, () -> tasks.createTaskQuery().taskAssignee(user).listPage(0, MAX_OWN_CASES)).stream()
        .map(Task::getProcessInstanceId).filter(id -> id != null).forEach(own::add);
    return new Visible(own);
  }

  /** The cases visible to one caller: all (null) or these process instance ids. */
  /** The cases of a case table the caller may see, in their order. */
  public <T extends CaseEntity> List<T> visibleOf(Authentication caller, List<T> cases) {
    Visible visible = of(caller);
    return cases.stream().filter(entity -> visible.includes(entity.getProcessInstanceId())).toList();
  }

  public record Visible(Set<String> cases) {

    public boolean all() {
      return cases == null;
    }

    public boolean includes(String processInstanceId) {
      return cases == null || cases.contains(processInstanceId);
    }
  }
}
