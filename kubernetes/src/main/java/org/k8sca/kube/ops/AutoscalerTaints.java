package org.k8sca.kube.ops;

import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;

import java.time.Instant;

/**
 * The taints the autoscaler puts on nodes, with upstream's keys, effects and values (the Unix time
 * in seconds when the taint was added), so a restarted autoscaler, or the upstream one, reads them.
 */
public final class AutoscalerTaints {

    /** The node is being deleted: no new pods. */
    public static final String TO_BE_DELETED = "ToBeDeletedByClusterAutoscaler";

    /** The node is unneeded and may be deleted soon: prefer other nodes. */
    public static final String DELETION_CANDIDATE = "DeletionCandidateOfClusterAutoscaler";

    private AutoscalerTaints() {}

    public static Taint toBeDeleted(Instant now) {
        return new Taint(
                TO_BE_DELETED, Long.toString(now.getEpochSecond()), TaintEffect.NO_SCHEDULE);
    }

    public static Taint deletionCandidate(Instant now) {
        return new Taint(
                DELETION_CANDIDATE,
                Long.toString(now.getEpochSecond()),
                TaintEffect.PREFER_NO_SCHEDULE);
    }

    /**
     * When an autoscaler taint was added, read from its value; null when the value is not a Unix
     * time (a taint set by hand, say).
     */
    public static Instant addedAt(Taint taint) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(taint.value()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
