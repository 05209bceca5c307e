package org.opencsc.notifications;

import java.time.Duration;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Camunda spaces retries by {@code failed-job-retry-time-cycle} only for jobs of a BPMN activity;
 * a mail job has none, so it would be retried at once, three times. This gives mail jobs the same
 * cycle (e.g. {@code R5/PT5M}): the next try that long after a failure. Other jobs are unchanged.
 */
class MailJobRetry extends DefaultJobRetryCmd {

  private static final Pattern CYCLE = Pattern.compile("R(\\d+)/(P.+)");

  private final Duration delay;

  MailJobRetry(String jobId, Throwable exception, Duration delay) {
    super(jobId, exception);
    this.delay = delay;
  }

  @Override
  protected void executeStandardStrategy(CommandContext commandContext) {
    JobEntity job = getJob();
    if (job != null && MailJobHandler.TYPE.equals(job.getJobHandlerType()) && delay != null) {
      job.setDuedate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(delay)));
    }
    super.executeStandardStrategy(commandContext);
  }

  /** The tries and the pause of a simple cycle such as {@code R5/PT5M}; null for anything else. */
  static Cycle parse(String cycle) {
    Matcher matcher = cycle == null ? null : CYCLE.matcher(cycle.trim());
    return matcher != null && matcher.matches()
        ? new Cycle(Integer.parseInt(matcher.group(1)), Duration.parse(matcher.group(2))) : null;
  }

  record Cycle(int retries, Duration delay) {
  }
}
