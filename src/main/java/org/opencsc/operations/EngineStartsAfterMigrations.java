package org.opencsc.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The engine is built only after Flyway has migrated the database, because Flyway creates the
 * engine's tables (EngineSchemaMigration) and the engine merely checks them.
 */
@Component
class EngineStartsAfterMigrations extends AbstractDependsOnBeanFactoryPostProcessor {

  EngineStartsAfterMigrations() {
    super(ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer");
  }
}
