package org.opencsc.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Which node of a cluster this is: the {@code OPENCSC_NODE_ID} (opencsc.node.id) setting where
 * given (containers often share a host name pattern), else this machine's host name. Every
 * metric is tagged {@code node=<id>}, and the engine records the id as the host name of each
 * job it runs (history job log, Cockpit), so an operator can tell which node did what.
 */
@Component
class ClusterNode extends AbstractProcessEnginePlugin implements MeterRegistryCustomizer<MeterRegistry> {

  private final String id;

  ClusterNode(@Value("${opencsc.node.id:}") String configured) {
    this.id = configured.isBlank() ? hostName() : configured;
  }

  String id() {
    return id;
  }

  @Override
  public void customize(MeterRegistry registry) {
    registry.config().commonTags("node", id);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(id);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
