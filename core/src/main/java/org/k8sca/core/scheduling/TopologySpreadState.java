package org.k8sca.core.scheduling;

import org.k8sca.core.model.Pod;
import org.k8sca.core.model.TopologySpreadConstraint;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PodTopologySpread (DoNotSchedule constraints only) for one pod against one snapshot state:
 * matching pods per domain and the global minimum, computed once, then checked per node. Which
 * domains are eligible comes from {@link SpreadDomains}, cached across pods; only the matching pods
 * are counted here, through the snapshot's label index.
 */
final class TopologySpreadState {

    private static final PredicateFailure MISSING_LABEL =
            PredicateFailure.of(Reasons.POD_TOPOLOGY_SPREAD, Reasons.SPREAD_MISSING_LABEL);
    private static final PredicateFailure SKEW =
            PredicateFailure.of(Reasons.POD_TOPOLOGY_SPREAD, Reasons.SPREAD_MISMATCH);

    /** One DoNotSchedule constraint with its counts. */
    private static final class ConstraintCounts {
        final TopologySpreadConstraint constraint;

        /** The eligible domains that hold matching pods, with their number. */
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

    /**
     * The state, or {@code null} when the pod has no DoNotSchedule constraint.
     *
     * @param domains the checker's cache of eligible domains, which depends on the nodes only
     */
    static TopologySpreadState compute(Pod pod, ClusterSnapshot snapshot, SpreadDomains domains) {
        List<TopologySpreadConstraint> hard = new ArrayList<>();
        for (TopologySpreadConstraint c : pod.spreadConstraints()) {
            if (c.doNotSchedule()) {
                hard.add(c);
            }
        }
        if (hard.isEmpty()) {
            return null;
        }
        SpreadDomains.Eligibility eligibility = domains.eligibility(pod, hard, snapshot);
        List<ConstraintCounts> counts = new ArrayList<>(hard.size());
        for (int i = 0; i < hard.size(); i++) {
            TopologySpreadConstraint c = hard.get(i);
            ConstraintCounts cc = new ConstraintCounts(c, c.selector().matches(pod.labels()));
            counts.add(cc);
            for (Collection<Pod> group : snapshot.candidatePods(c.selector())) {
                for (Pod existing : group) {
                    if (!existing.namespace().equals(pod.namespace())
                            || existing.terminating()
                            || !c.selector().matches(existing.labels())) {
                        continue;
                    }
                    String domain = eligibility.domainAt(i, snapshot.slotOf(existing.nodeName()));
                    if (domain != null) {
                        cc.countByDomain.merge(domain, 1, Integer::sum);
                    }
                }
            }
            // Only domains with matching pods are in the map; the others count 0.
            int domainCount = eligibility.domainCount(i);
            if (domainCount < c.minDomains() || cc.countByDomain.size() < domainCount) {
                // Fewer eligible domains than minDomains (the global minimum counts as 0 then), or
                // an
                // eligible domain without matching pods.
                cc.minMatch = 0;
            } else {
                int min = Integer.MAX_VALUE;
                for (int n : cc.countByDomain.values()) {
                    min = Math.min(min, n);
                }
                cc.minMatch = min;
            }
        }
        return new TopologySpreadState(counts);
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
