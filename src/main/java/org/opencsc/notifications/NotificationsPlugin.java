package org.opencsc.notifications;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.opencsc.engine.EnginePlugins;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Registers the mail job with the engine, so the job executor of any node can send mail. */
@Component
public class NotificationsPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<NotificationSender> sender;

  public NotificationsPlugin(ObjectProvider<NotificationSender> sender) {
    this.sender = sender;
  }

  private volatile int mailJobRetries = 3;

  /** Tries a mail job gets, from the engine's {@code failed-job-retry-time-cycle} (else Camunda's 3). */
  int mailJobRetries() {
    return mailJobRetries;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EnginePlugins.append(configuration.getCustomJobHandlers(), configuration::setCustomJobHandlers,
        new MailJobHandler(sender));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    MailJobRetry.Cycle cycle = MailJobRetry.parse(configuration.getFailedJobRetryTimeCycle());
    if (cycle != null) {
      mailJobRetries = cycle.retries();
      configuration.setFailedJobCommandFactory(
          (jobId, exception) -> new MailJobRetry(jobId, exception, cycle.delay()));
    }
  }
}
