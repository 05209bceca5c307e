package org.opencsc.notifications;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The engine job that sends one {@link Notification}. A failure (the mail server down) fails the
 * job: the engine tries again ({@code failed-job-retry-time-cycle}) and then raises an incident.
 */
public class MailJobHandler implements JobHandler<MailJobHandler.Configuration> {

  public static final String TYPE = "opencsc-mail";

  private final ObjectProvider<NotificationSender> sender;

  public MailJobHandler(ObjectProvider<NotificationSender> sender) {
    this.sender = sender;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    sender.getObject().send(configuration.notificationId());
  }

  @Override
  public Configuration newConfiguration(String canonicalString) {
    return new Configuration(canonicalString);
  }

  @Override
  public void onDelete(Configuration configuration, JobEntity jobEntity) {
    // the notification row stays, pending, for the timeline
  }

  /** The notification's id. */
  public record Configuration(String notificationId) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return notificationId;
    }
  }
}
