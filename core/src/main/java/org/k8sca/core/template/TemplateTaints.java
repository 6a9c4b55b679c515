package org.k8sca.core.template;

import org.k8sca.core.model.Taint;

import java.util.List;
import java.util.Set;

/**
 * Which node taints a template leaves out. A new node does not start cordoned, being deleted,
 * not-ready or under pressure, and startup and status taints are temporary by definition; keeping
 * any of them would make the simulation reject pods that the real node will accept.
 */
public final class TemplateTaints {

    public static final String TO_BE_DELETED = "ToBeDeletedByClusterAutoscaler";
    public static final String DELETION_CANDIDATE = "DeletionCandidateOfClusterAutoscaler";
    public static final String STARTUP_TAINT_PREFIX =
            "startup-taint.cluster-autoscaler.kubernetes.io/";
    public static final String IGNORE_TAINT_PREFIX =
            "ignore-taint.cluster-autoscaler.kubernetes.io/";
    public static final String STATUS_TAINT_PREFIX =
            "status-taint.cluster-autoscaler.kubernetes.io/";

    private static final Set<String> DROPPED_KEYS =
            Set.of(
                    TO_BE_DELETED,
                    DELETION_CANDIDATE,
                    "node.kubernetes.io/not-ready",
                    "node.kubernetes.io/unreachable",
                    "node.kubernetes.io/unschedulable",
                    "node.kubernetes.io/memory-pressure",
                    "node.kubernetes.io/disk-pressure",
                    "node.kubernetes.io/network-unavailable",
                    "node.kubernetes.io/pid-pressure",
                    "node.kubernetes.io/out-of-service",
                    "node.cloudprovider.kubernetes.io/uninitialized",
                    "node.cloudprovider.kubernetes.io/shutdown");

    private static final List<String> DROPPED_PREFIXES =
            List.of(STARTUP_TAINT_PREFIX, IGNORE_TAINT_PREFIX, STATUS_TAINT_PREFIX);

    private TemplateTaints() {}

    /** Whether a template keeps {@code taint}. */
    public static boolean kept(Taint taint) {
        if (DROPPED_KEYS.contains(taint.key())) {
            return false;
        }
        for (String prefix : DROPPED_PREFIXES) {
            if (taint.key().startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the node carries the taint the autoscaler puts on nodes it is deleting. */
    public static boolean beingDeleted(List<Taint> taints) {
        for (Taint t : taints) {
            if (TO_BE_DELETED.equals(t.key())) {
                return true;
            }
        }
        return false;
    }
}
