package org.k8sca.core.scaledown.taints;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;

import java.time.Instant;
import java.util.Optional;

/** Builds and reads the autoscaler's scale-down taints. */
public final class ScaleDownTaints {

    /** Hard taint: the node is being drained and deleted. */
    public static final String TO_BE_DELETED = "ToBeDeletedByClusterAutoscaler";

    /** Soft taint: the node is unneeded and may be removed soon. */
    public static final String DELETION_CANDIDATE = "DeletionCandidateOfClusterAutoscaler";

    private ScaleDownTaints() {}

    public static Taint toBeDeleted(Instant at) {
        return new Taint(
                TO_BE_DELETED, Long.toString(at.getEpochSecond()), TaintEffect.NO_SCHEDULE);
    }

    public static Taint deletionCandidate(Instant at) {
        return new Taint(
                DELETION_CANDIDATE,
                Long.toString(at.getEpochSecond()),
                TaintEffect.PREFER_NO_SCHEDULE);
    }

    public static boolean has(Node node, String key) {
        return find(node, key).isPresent();
    }

    /** The taint with {@code key} on {@code node}, if any. */
    public static Optional<Taint> find(Node node, String key) {
        for (Taint t : node.taints()) {
            if (t.key().equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The timestamp in the value of taint {@code key}: empty when the node lacks the taint or the
     * value is not a Unix time in seconds (e.g. set by hand), so callers treat it as unknown.
     */
    public static Optional<Instant> timestamp(Node node, String key) {
        Optional<Taint> taint = find(node, key);
        if (taint.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(taint.get().value())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
