package org.opencsc.versioning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opencsc.engine.AsSystem;
import org.opencsc.engine.ProcessCatalogue;
import org.opencsc.rules.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running cases of a process from older versions to the latest one (Cockpit's migration
 * screen is Enterprise-only). Each case moves in its own transaction; a dry run does the same
 * work and rolls every case back, so it reports exactly which cases would fail and why.
 */
@Service
public class CaseMigration {

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final TaskService tasks;
  private final ProcessCatalogue catalogue;
  private final TransactionTemplate eachCase;

  public CaseMigration(RepositoryService repository, RuntimeService runtime, IdentityService identity,
      TaskService tasks, ProcessCatalogue catalogue, PlatformTransactionManager transactions) {
    this.tasks = tasks;
    this.repository = repository;
    this.runtime = runtime;
    this.identity = identity;
    this.catalogue = catalogue;
    this.eachCase = new TransactionTemplate(transactions);
    this.eachCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Every deployed version of the process with its running cases, newest first. */
  public List<Map<String, Object>> versions(String processKey) {
    return AsSystem.call(identity, () -> definitions(processKey).stream().map(definition -> {
      Map<String, Object> version = new LinkedHashMap<>();
      version.put("id", definition.getId());
      version.put("version", definition.getVersion());
      version.put("versionTag", definition.getVersionTag());
      version.put("runningCases", runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count());
      return version;
    }).toList());
  }

  /**
   * Migrates (or, on a dry run, tries and rolls back) every running case of the older versions
   * (or of one version) to the latest version.
   */
  public Map<String, Object> toLatest(String processKey, Integer fromVersion, boolean dryRun) {
    return AsSystem.call(identity, () -> {
      List<ProcessDefinition> all = definitions(processKey);
      if (all.isEmpty()) {
        throw RuleViolation.of("processKey", "no process " + processKey + " is deployed");
      }
      ProcessDefinition target = all.get(0);
      List<ProcessDefinition> sources = all.stream().skip(1)
          .filter(definition -> fromVersion == null || definition.getVersion() == fromVersion).toList();
      if (fromVersion != null && sources.isEmpty()) {
        throw RuleViolation.of("fromVersion", "must be an older deployed version of " + processKey + " than "
            + target.getVersion());
      }
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("processKey", processKey);
      report.put("dryRun", dryRun);
      report.put("target", Map.of("id", target.getId(), "version", target.getVersion(),
          "versionTag", String.valueOf(target.getVersionTag())));
      List<Map<String, Object>> fromVersions = new ArrayList<>();
      for (ProcessDefinition source : sources) {
        fromVersions.add(migrate(source, target, dryRun));
      }
      report.put("sources", fromVersions);
      return report;
    });
  }

  private Map<String, Object> migrate(ProcessDefinition source, ProcessDefinition target, boolean dryRun) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("version", source.getVersion());
    result.put("versionTag", String.valueOf(source.getVersionTag()));
    List<String> cases = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list().stream()
        .map(ProcessInstance::getId).toList();
    List<String> movable = new ArrayList<>();
    List<Map<String, Object>> failed = new ArrayList<>();
    MigrationPlan plan;
    try {
      plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers()
          .build();
    } catch (MigrationPlanValidationException invalid) {
      List<String> reasons = new ArrayList<>();
      for (MigrationInstructionValidationReport instruction : invalid.getValidationReport().getInstructionReports()) {
        reasons.addAll(instruction.getFailures());
      }
      reasons.addAll(invalid.getValidationReport().getVariableReports().values().stream()
          .flatMap(variable -> variable.getFailures().stream()).toList());
      cases.forEach(id -> failed.add(Map.of("processInstanceId", id, "reasons", reasons)));
      result.put(dryRun ? "wouldMigrate" : "migrated", movable);
      result.put("cannotMigrate", failed);
      return result;
    }
    for (String processInstanceId : cases) {
      List<String> reasons = eachCase.execute(status -> {
        try {
          runtime.newMigration(plan).processInstanceIds(processInstanceId).execute();
          startStandingSteps(target.getKey(), processInstanceId);
          takeNewPriorities(target, processInstanceId);
          if (dryRun) {
            status.setRollbackOnly();
          }
          return List.<String>of();
        } catch (MigratingProcessInstanceValidationException invalid) {
          status.setRollbackOnly();
          return reasonsOf(invalid);
        } catch (ProcessEngineException error) {
          status.setRollbackOnly();
          return List.of(String.valueOf(error.getMessage()));
        }
      });
      if (reasons.isEmpty()) {
        movable.add(processInstanceId);
      } else {
        failed.add(Map.of("processInstanceId", processInstanceId, "reasons", reasons));
      }
    }
    result.put(dryRun ? "wouldMigrate" : "migrated", movable);
    result.put("cannotMigrate", failed);
    return result;
  }

  /** Starts, in each open scope, a standing step the moved case is not waiting at (a step the new version added). */
  private void startStandingSteps(String processKey, String processInstanceId) {
    catalogue.processes().stream().filter(process -> process.processKey().equals(processKey))
        .flatMap(process -> process.standingSteps().stream())
        .forEach(step -> {
          ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
          for (ActivityInstance scope : tree.getActivityInstances(step.scopeId())) {
            if (!waitsAt(scope, step.activityId())) {
              runtime.createProcessInstanceModification(processInstanceId)
                  .startBeforeActivity(step.activityId(), scope.getId()).execute();
            }
          }
        });
  }

  /**
   * Open steps take the priority their step has in the new version (a step that now waits for
   * news, priority 0, leaves the team's worklist); moving a case keeps each task's old one.
   */
  private void takeNewPriorities(ProcessDefinition target, String processInstanceId) {
    BpmnModelInstance diagram = repository.getBpmnModelInstance(target.getId());
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      UserTask step = diagram.getModelElementById(task.getTaskDefinitionKey());
      String priority = step == null ? null : step.getCamundaPriority();
      if (priority != null && priority.matches("\\d{1,9}") && Integer.parseInt(priority) != task.getPriority()) {
        task.setPriority(Integer.parseInt(priority));
        tasks.saveTask(task);
      }
    }
  }

  private static boolean waitsAt(ActivityInstance scope, String activityId) {
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      if (child.getActivityId().equals(activityId) || waitsAt(child, activityId)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> reasonsOf(MigratingProcessInstanceValidationException invalid) {
    List<String> reasons = new ArrayList<>(invalid.getValidationReport().getFailures());
    for (MigratingActivityInstanceValidationReport activity : invalid.getValidationReport().getActivityInstanceReports()) {
      activity.getFailures().forEach(failure -> reasons.add(activity.getSourceScopeId() + ": " + failure));
    }
    for (MigratingTransitionInstanceValidationReport transition : invalid.getValidationReport().getTransitionInstanceReports()) {
      transition.getFailures().forEach(failure -> reasons.add(transition.getSourceScopeId() + ": " + failure));
    }
    return reasons;
  }

  private List<ProcessDefinition> definitions(String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).list().stream()
        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion).reversed()).toList();
  }
}
