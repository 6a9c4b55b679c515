package org.k8sca.kube.ops;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.k8sca.core.model.Taint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NodeTainter} on fabric8. Each attempt reads the node fresh and writes the whole taint
 * list with a JSON merge patch that carries the node's {@code resourceVersion}, so a concurrent
 * writer makes the API answer 409 Conflict instead of one change silently losing the other. A
 * conflict is retried after {@code retryInterval} until {@code retryTimeout} has passed (upstream:
 * every 750 ms for up to 5 s).
 */
public final class KubeNodeTainter implements NodeTainter {

  private static final Logger LOG = LoggerFactory.getLogger(KubeNodeTainter.class);

  public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofMillis(750);
  public static final Duration DEFAULT_RETRY_TIMEOUT = Duration.ofSeconds(5);

  private final KubernetesClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration retryInterval;
  private final Duration retryTimeout;

  public KubeNodeTainter(KubernetesClient client, Clock clock, Sleeper sleeper, Duration retryInterval,
      Duration retryTimeout) {
    this.client = client;
    this.clock = clock;
    this.sleeper = sleeper;
    this.retryInterval = retryInterval;
    this.retryTimeout = retryTimeout;
  }

  /** With upstream's retry timing, on the real clock. */
  public KubeNodeTainter(KubernetesClient client) {
    this(client, Clock.systemUTC(), Sleeper.SYSTEM, DEFAULT_RETRY_INTERVAL, DEFAULT_RETRY_TIMEOUT);
  }

  /** How one attempt changes the node's spec; null means "already as wanted". */
  @FunctionalInterface
  private interface SpecChange {
    Map<String, Object> patchFor(NodeSpec current);
  }

  @Override
  public TaintChange addTaint(String nodeName, Taint taint, boolean cordon) {
    return update(nodeName, "add taint " + taint.key(), spec -> {
      List<io.fabric8.kubernetes.api.model.Taint> taints = spec.getTaints() == null ? List.of() : spec.getTaints();
      boolean hasTaint = taints.stream().anyMatch(t -> taint.key().equals(t.getKey()));
      boolean cordoned = Boolean.TRUE.equals(spec.getUnschedulable());
      if (hasTaint && (!cordon || cordoned)) {
        return null;
      }
      Map<String, Object> patch = new LinkedHashMap<>();
      if (!hasTaint) {
        List<io.fabric8.kubernetes.api.model.Taint> updated = new ArrayList<>(taints);
        updated.add(new TaintBuilder()
            .withKey(taint.key())
            .withValue(taint.value().isEmpty() ? null : taint.value())
            .withEffect(taint.effect().kubernetesName())
            .build());
        patch.put("taints", updated);
      }
      if (cordon && !cordoned) {
        patch.put("unschedulable", true);
      }
      return patch;
    });
  }

  @Override
  public TaintChange removeTaint(String nodeName, String taintKey, boolean uncordon) {
    return update(nodeName, "remove taint " + taintKey, spec -> {
      List<io.fabric8.kubernetes.api.model.Taint> taints = spec.getTaints() == null ? List.of() : spec.getTaints();
      List<io.fabric8.kubernetes.api.model.Taint> kept = new ArrayList<>();
      for (io.fabric8.kubernetes.api.model.Taint t : taints) {
        if (!taintKey.equals(t.getKey())) {
          kept.add(t);
        }
      }
      boolean cordoned = Boolean.TRUE.equals(spec.getUnschedulable());
      boolean hadTaint = kept.size() != taints.size();
      if (!hadTaint && (!uncordon || !cordoned)) {
        return null;
      }
      Map<String, Object> patch = new LinkedHashMap<>();
      if (hadTaint) {
        patch.put("taints", kept);
      }
      if (uncordon && cordoned) {
        patch.put("unschedulable", false);
      }
      return patch;
    });
  }

  private TaintChange update(String nodeName, String what, SpecChange change) {
    Instant deadline = clock.instant().plus(retryTimeout);
    int conflicts = 0;
    while (true) {
      try {
        Node node = client.nodes().withName(nodeName).get();
        if (node == null) {
          return new TaintChange(TaintChange.Outcome.NODE_NOT_FOUND, "node " + nodeName + " not found");
        }
        Map<String, Object> specPatch = change.patchFor(node.getSpec() == null ? new NodeSpec() : node.getSpec());
        if (specPatch == null) {
          return new TaintChange(TaintChange.Outcome.ALREADY_IN_PLACE, "");
        }
        Map<String, Object> patch = Map.of(
            "metadata", Map.of("resourceVersion", node.getMetadata().getResourceVersion()),
            "spec", specPatch);
        client.nodes().withName(nodeName).patch(PatchContext.of(PatchType.JSON_MERGE),
            client.getKubernetesSerialization().asJson(patch));
        return new TaintChange(TaintChange.Outcome.APPLIED, "");
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return new TaintChange(TaintChange.Outcome.NODE_NOT_FOUND, "node " + nodeName + " not found");
        }
        if (e.getCode() != 409) {
          return new TaintChange(TaintChange.Outcome.FAILED, what + " on node " + nodeName + ": " + e.getMessage());
        }
        conflicts++;
        if (!clock.instant().plus(retryInterval).isBefore(deadline)) {
          return new TaintChange(TaintChange.Outcome.FAILED, what + " on node " + nodeName + ": still conflicting after "
              + conflicts + " attempts in " + retryTimeout.toMillis() + " ms");
        }
        LOG.debug("conflict on node {} ({}), retrying in {} ms", nodeName, what, retryInterval.toMillis());
        try {
          sleeper.sleep(retryInterval);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return new TaintChange(TaintChange.Outcome.FAILED, what + " on node " + nodeName + ": interrupted");
        }
      }
    }
  }
}
