package org.opencsc.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up work that every node of a cluster does and only one may do at a time: one transaction
 * that first takes the engine's cluster-wide lock (the row lock on ACT_GE_PROPERTY that
 * deployments take), so nodes starting together do it one after the other, each seeing what the
 * one before wrote, and none fails on a duplicate key. Each engine service call inside is its own
 * command in this transaction.
 */
public final class ClusterWide {

  private ClusterWide() {
  }

  public static void oneNodeAtATime(ProcessEngine engine, PlatformTransactionManager transactions, Runnable work) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
          .execute(context -> {
            context.getPropertyManager().acquireExclusiveLock();
            return null;
          });
      work.run();
    });
  }
}
