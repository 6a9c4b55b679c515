package org.k8sca.core.scheduling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.TopologySpreadConstraint;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;

/**
 * PodTopologySpread (DoNotSchedule constraints only) for one pod against one snapshot state:
 * matching pods per domain and the global minimum, computed once, then checked per node.
 */
final class TopologySpreadState {

  private static final PredicateFailure MISSING_LABEL =
      PredicateFailure.of(Reasons.POD_TOPOLOGY_SPREAD, Reasons.SPREAD_MISSING_LABEL);
  private static final PredicateFailure SKEW =
      PredicateFailure.of(Reasons.POD_TOPOLOGY_SPREAD, Reasons.SPREAD_MISMATCH);

  /** One DoNotSchedule constraint with its counts. */
  private static final class ConstraintCounts {
    final TopologySpreadConstraint constraint;
    /** Every eligible domain, with its number of matching pods (possibly 0). */
    final Map<String, Integer> countByDomain = new HashMap<>();
    final boolean selfMatch;
    int minMatch;

    ConstraintCounts(TopologySpreadConstraint constraint, boolean selfMatch) {
      this.constraint = constraint;
      this.selfMatch = selfMatch;
    }
  }

  private final List<ConstraintCounts> constraints;

  private TopologySpreadState(List<ConstraintCounts> constraints) {
    this.constraints = constraints;
  }

  /** The state, or {@code null} when the pod has no DoNotSchedule constraint. */
  static TopologySpreadState compute(Pod pod, ClusterSnapshot snapshot) {
    List<TopologySpreadConstraint> hard = new ArrayList<>();
    for (TopologySpreadConstraint c : pod.spreadConstraints()) {
      if (c.doNotSchedule()) {
        hard.add(c);
      }
    }
    if (hard.isEmpty()) {
      return null;
    }
    List<ConstraintCounts> counts = new ArrayList<>(hard.size());
    int slots = snapshot.nodeSlotCount();
    List<boolean[]> eligible = new ArrayList<>(hard.size());
    for (TopologySpreadConstraint c : hard) {
      counts.add(new ConstraintCounts(c, c.selector().matches(pod.labels())));
      eligible.add(new boolean[slots]);
    }
    // Domains: nodes that carry every constraint's key and pass the constraint's inclusion policies.
    for (int slot = 0; slot < slots; slot++) {
      NodeInfo info = snapshot.nodeAt(slot);
      if (info == null || !hasAllKeys(info.node(), hard)) {
        continue;
      }
      for (int i = 0; i < hard.size(); i++) {
        TopologySpreadConstraint c = hard.get(i);
        if (passesInclusionPolicies(pod, info.node(), c)) {
          eligible.get(i)[slot] = true;
          counts.get(i).countByDomain.putIfAbsent(info.node().labels().get(c.topologyKey()), 0);
        }
      }
    }
    for (int i = 0; i < hard.size(); i++) {
      ConstraintCounts cc = counts.get(i);
      boolean[] eligibleSlots = eligible.get(i);
      for (Collection<Pod> group : snapshot.candidatePods(cc.constraint.selector())) {
        for (Pod existing : group) {
          if (!existing.namespace().equals(pod.namespace())
              || existing.terminating()
              || !cc.constraint.selector().matches(existing.labels())) {
            continue;
          }
          int slot = snapshot.slotOf(existing.nodeName());
          if (!eligibleSlots[slot]) {
            continue;
          }
          String domain = snapshot.nodeAt(slot).node().labels().get(cc.constraint.topologyKey());
          cc.countByDomain.merge(domain, 1, Integer::sum);
        }
      }
      if (cc.countByDomain.size() < cc.constraint.minDomains()) {
        // Fewer eligible domains than minDomains: the global minimum counts as 0.
        cc.minMatch = 0;
      } else {
        int min = Integer.MAX_VALUE;
        for (int c : cc.countByDomain.values()) {
          min = Math.min(min, c);
        }
        cc.minMatch = min;
      }
    }
    return new TopologySpreadState(counts);
  }

  private static boolean hasAllKeys(Node node, List<TopologySpreadConstraint> constraints) {
    for (TopologySpreadConstraint c : constraints) {
      if (!node.labels().containsKey(c.topologyKey())) {
        return false;
      }
    }
    return true;
  }

  private static boolean passesInclusionPolicies(Pod pod, Node node, TopologySpreadConstraint c) {
    if (c.honorNodeAffinity() && !NodeFilters.matchesNodeSelectorAndAffinity(pod, node)) {
      return false;
    }
    return !c.honorNodeTaints() || NodeFilters.firstUntoleratedTaint(pod, node) == null;
  }

  PredicateFailure filter(NodeInfo nodeInfo) {
    for (int i = 0; i < constraints.size(); i++) {
      ConstraintCounts cc = constraints.get(i);
      String domain = nodeInfo.node().labels().get(cc.constraint.topologyKey());
      if (domain == null) {
        return MISSING_LABEL;
      }
      Integer matching = cc.countByDomain.get(domain);
      int skew = (matching == null ? 0 : matching) + (cc.selfMatch ? 1 : 0) - cc.minMatch;
      if (skew > cc.constraint.maxSkew()) {
        return SKEW;
      }
    }
    return null;
  }
}
