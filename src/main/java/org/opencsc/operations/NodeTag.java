package org.opencsc.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tags every metric with the node that reports it, so a cluster's nodes are told apart: the
 * {@code OPENCSC_NODE_ID} (opencsc.node.id) setting where given (containers often share a host name pattern),
 * else this machine's host name.
 */
@Component
class NodeTag implements MeterRegistryCustomizer<MeterRegistry> {

  private final String node;

  NodeTag(@Value("${opencsc.node.id:}") String configured) {
    this.node = configured.isBlank() ? hostName() : configured;
  }

  @Override
  public void customize(MeterRegistry registry) {
    registry.config().commonTags("node", node);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
