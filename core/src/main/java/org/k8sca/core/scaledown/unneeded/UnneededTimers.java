package org.k8sca.core.scaledown.unneeded;

import org.k8sca.core.model.Node;
import org.k8sca.core.scaledown.taints.ScaleDownTaints;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Since when each node has been unneeded. A node keeps its time while it stays unneeded and loses
 * it as soon as it is not; the set is replaced by each loop's findings.
 *
 * <p>Restart recovery: a node that is newly unneeded but carries the soft taint {@code
 * DeletionCandidateOfClusterAutoscaler=<unix-seconds>} not older than {@code
 * --node-deletion-candidate-ttl} resumes from that time, so a restart does not reset every timer.
 * With a TTL of zero the taint is not trusted (upstream default).
 */
public final class UnneededTimers {

    private final Duration candidateTtl;
    private Map<String, Instant> since = new HashMap<>();

    /**
     * @param candidateTtl {@code --node-deletion-candidate-ttl}; zero disables restart recovery
     */
    public UnneededTimers(Duration candidateTtl) {
        this.candidateTtl = Objects.requireNonNull(candidateTtl, "candidateTtl");
    }

    /**
     * Replaces the unneeded set with {@code unneeded}: known nodes keep their time, new ones start
     * now (or at their soft taint's time), all others are forgotten.
     */
    public void update(Collection<Node> unneeded, Instant now) {
        Map<String, Instant> next = new HashMap<>();
        for (Node node : unneeded) {
            Instant known = since.get(node.name());
            next.put(node.name(), known != null ? known : recovered(node, now).orElse(now));
        }
        since = next;
    }

    /** When {@code node} became unneeded, or empty when it is not unneeded. */
    public Optional<Instant> since(String node) {
        return Optional.ofNullable(since.get(node));
    }

    /** How long {@code node} has been unneeded (zero when it is not). */
    public Duration unneededFor(String node, Instant now) {
        Instant s = since.get(node);
        return s == null ? Duration.ZERO : Duration.between(s, now);
    }

    public boolean contains(String node) {
        return since.containsKey(node);
    }

    public int size() {
        return since.size();
    }

    /** Forgets every timer (the cluster is unhealthy or empty). */
    public void clear() {
        since = new HashMap<>();
    }

    /** Forgets one node's timer (e.g. when its deletion starts). */
    public void remove(String node) {
        since.remove(node);
    }

    private Optional<Instant> recovered(Node node, Instant now) {
        if (candidateTtl.isZero() || candidateTtl.isNegative()) {
            return Optional.empty();
        }
        return ScaleDownTaints.timestamp(node, ScaleDownTaints.DELETION_CANDIDATE)
                .filter(t -> !t.isAfter(now) && !t.plus(candidateTtl).isBefore(now));
    }
}
