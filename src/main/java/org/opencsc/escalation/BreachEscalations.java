package org.opencsc.escalation;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.AsSystem;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRecorded;
import org.opencsc.engine.BreachRegister;
import org.opencsc.engine.ProcessCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts one breachEscalation case per breach: for each new breach in the transaction that writes
 * it (so a rolled-back step starts none), and at start-up for open breaches written before
 * escalation existed. The breach row records the case, so a breach is never watched twice.
 */
@Component
public class BreachEscalations {

  private static final Logger log = LoggerFactory.getLogger(BreachEscalations.class);

  private final ObjectProvider<ProcessEngine> engine;
  private final BreachRegister register;
  private final ProcessCatalogue catalogue;
  private final TransactionTemplate eachBreach;
  private final boolean watchOnStart;

  public BreachEscalations(ObjectProvider<ProcessEngine> engine, BreachRegister register, ProcessCatalogue catalogue,
      PlatformTransactionManager transactions,
      @Value("${opencsc.escalation.watch-open-breaches-on-start:true}") boolean watchOnStart) {
    this.engine = engine;
    this.register = register;
    this.catalogue = catalogue;
    this.eachBreach = new TransactionTemplate(transactions);
    this.watchOnStart = watchOnStart;
  }

  @EventListener
  public void breachRecorded(BreachRecorded recorded) {
    watch(recorded.breach());
  }

  /**
   * Open breaches from before this release get their escalation too, once; {@code
   * opencsc.escalation.watch-open-breaches-on-start: false} leaves them (new breaches are still
   * escalated).
   */
  @EventListener(PostDeployEvent.class)
  @Order(100) // after the running cases moved to their new versions
  public void onStart() {
    if (watchOnStart) {
      watchOpenBreaches();
    }
  }

  /** Starts the escalation of every open breach no case watches yet. */
  public void watchOpenBreaches() {
    int started = 0;
    for (Breach breach : register.unwatched()) {
      Boolean watched = eachBreach.execute(status -> watch(breach));
      started += Boolean.TRUE.equals(watched) ? 1 : 0;
    }
    if (started > 0) {
      log.info("Started the escalation of {} open breach(es) written before breaches were escalated", started);
    }
  }

  /** Starts the breach's escalation case unless one already watches it; true when it started one. */
  boolean watch(Breach breach) {
    ProcessEngine processEngine = engine.getObject();
    return AsSystem.call(processEngine.getIdentityService(), () -> register.watchedBy(breach.getId(),
        () -> processEngine.getRuntimeService().startProcessInstanceByKey(BreachEscalationRules.PROCESS_KEY,
            "breach-" + breach.getId(), facts(breach)).getId()));
  }

  /** What the service manager's form shows of the breach and its case. */
  private Map<String, Object> facts(Breach breach) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("breachId", String.valueOf(breach.getId()));
    facts.put("breachCode", breach.getCode().name());
    facts.put("caseProcess", catalogue.title(breach.getProcessKey()));
    facts.put("caseProcessInstanceId", breach.getProcessInstanceId());
    facts.put("childId", breach.getChildId());
    facts.put("breachDueAt", LondonTime.format(breach.getDueAt()));
    facts.put("breachRecordedAt", LondonTime.format(breach.getRecordedAt()));
    return facts;
  }
}
