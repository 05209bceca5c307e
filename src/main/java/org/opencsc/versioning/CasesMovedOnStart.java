package org.opencsc.versioning;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.opencsc.engine.ClusterWide;
import org.opencsc.engine.ProcessCatalogue;
import org.opencsc.rules.ProcessRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * When a release brings a new version of a diagram, the cases already running move to it on the
 * first start, so a statutory fix reaches open cases too, not only new ones. Each case moves as
 * {@link CaseMigration} moves it (equal step ids, one transaction each); a case that cannot move
 * stays on its version, is named in the log, and is left to the analysts' migration screen. Once
 * per version: the latest version moved to is recorded, so later starts do nothing.
 * {@code opencsc.versioning.move-running-cases-on-start: false} leaves every case where it is.
 */
@Component
public class CasesMovedOnStart {

  static final String PROPERTY_PREFIX = "opencsc.moved-to.";
  private static final Logger log = LoggerFactory.getLogger(CasesMovedOnStart.class);

  private final ProcessCatalogue catalogue;
  private final CaseMigration migration;
  private final RepositoryService repository;
  private final ManagementService management;
  private final boolean enabled;
  private final ProcessEngine engine;
  private final PlatformTransactionManager transactions;

  public CasesMovedOnStart(ProcessCatalogue catalogue, CaseMigration migration, RepositoryService repository,
      ManagementService management, ProcessEngine engine, PlatformTransactionManager transactions,
      @Value("${opencsc.versioning.move-running-cases-on-start:true}") boolean enabled) {
    this.engine = engine;
    this.transactions = transactions;
    this.catalogue = catalogue;
    this.migration = migration;
    this.repository = repository;
    this.management = management;
    this.enabled = enabled;
  }

  @EventListener(PostDeployEvent.class)
  public void afterDeployment() {
    if (enabled) {
      // Nodes starting together: the first moves the cases and records it; the others then read
      // the record and do nothing.
      ClusterWide.oneNodeAtATime(engine, transactions, () -> {
        Map<String, String> movedTo = management.getProperties();
        catalogue.processes().forEach(process -> moveToLatest(process, movedTo));
      });
    }
  }

  /** Moves the process's running cases unless {@code movedTo} shows its latest version already had them. */
  void moveToLatest(ProcessRules process, Map<String, String> movedTo) {
    String key = process.processKey();
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult();
    String property = PROPERTY_PREFIX + key;
    if (latest == null || latest.getId().equals(movedTo.get(property))) {
      return;
    }
    Map<String, Object> report = migration.toLatest(key, null, false);
    int moved = 0;
    for (Object source : (List<?>) report.get("sources")) {
      Map<?, ?> version = (Map<?, ?>) source;
      moved += ((List<?>) version.get("migrated")).size();
      for (Object failure : (List<?>) version.get("cannotMigrate")) {
        log.warn("A running case of {} version {} could not move to version {} and stays where it is: {}", key,
            version.get("version"), latest.getVersion(), failure);
      }
    }
    if (moved > 0) {
      log.info("Moved {} running case(s) of {} to version {} ({})", moved, key, latest.getVersion(),
          latest.getVersionTag());
    }
    management.setProperty(property, latest.getId());
  }
}
