package org.k8sca.app.loop;

import org.k8sca.core.scaledown.actuation.ClusterOperationException;

import java.time.Instant;

/**
 * The soft taint {@code DeletionCandidateOfClusterAutoscaler=<unix>:PreferNoSchedule} on nodes the
 * planner found unneeded, which steers the scheduler away from them. Best effort: a failure is
 * logged and retried by a later loop's plan.
 */
public interface NodeMarks {

    /** Adds the soft taint, with the time the node became unneeded. */
    void addDeletionCandidate(String node, Instant since) throws ClusterOperationException;

    /** Removes the soft taint. */
    void removeDeletionCandidate(String node) throws ClusterOperationException;

    /** Marks nothing (tests, or {@code --max-bulk-soft-taint-count=0}). */
    NodeMarks NONE =
            new NodeMarks() {
                @Override
                public void addDeletionCandidate(String node, Instant since) {}

                @Override
                public void removeDeletionCandidate(String node) {}
            };
}
