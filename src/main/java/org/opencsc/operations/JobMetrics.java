package org.opencsc.operations;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * What an operator watches on the engine's work, on {@code /actuator/prometheus}: timers and other
 * jobs due and waiting for a job executor, jobs that have run out of retries, open incidents, and
 * whether this node's job executor is running. The counts come from the shared database, so every
 * node reports the same backlog; a backlog that keeps growing means the nodes are not keeping up
 * (statutory deadlines are timers), and failed jobs or incidents need someone to look in Cockpit.
 */
@Component
class JobMetrics implements MeterBinder {

  private final ProcessEngine engine;

  JobMetrics(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    ManagementService management = engine.getManagementService();
    gauge(registry, "opencsc.jobs.due", "Jobs (timers included) due now with retries left, waiting to run",
        () -> management.createJobQuery().executable().count());
    gauge(registry, "opencsc.jobs.failed", "Jobs with no retries left",
        () -> management.createJobQuery().noRetriesLeft().count());
    gauge(registry, "opencsc.incidents.open", "Open incidents",
        () -> engine.getRuntimeService().createIncidentQuery().count());
    gauge(registry, "opencsc.job.executor.active", "1 when this node's job executor is acquiring jobs",
        () -> engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl configuration
            && configuration.getJobExecutor() != null && configuration.getJobExecutor().isActive() ? 1 : 0);
  }

  private static void gauge(MeterRegistry registry, String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }
}
