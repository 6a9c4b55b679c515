package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.InstanceError.ErrorClass;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Something the registry noticed during an update that deserves an event or a log line. */
public sealed interface ClusterStateEvent {

    String groupId();

    /** A human-readable message in the upstream wording. */
    String message();

    /**
     * All nodes of a scale-up request are registered and ready (or gone from the upcoming count).
     */
    record ScaleUpCompleted(String groupId, int increase, Instant requestedAt, Instant completedAt)
            implements ClusterStateEvent {
        @Override
        public String message() {
            return "Scale-up of group " + groupId + " by " + increase + " completed";
        }
    }

    /**
     * The request's nodes did not register within max-node-provision-time: the group is backed off
     * and the request dropped (event {@code ScaleUpTimedOut}).
     */
    record ScaleUpTimedOut(String groupId, int increase, Duration maxNodeProvisionTime)
            implements ClusterStateEvent {
        @Override
        public String message() {
            return "Nodes added to group "
                    + groupId
                    + " failed to register within "
                    + DurationText.of(maxNodeProvisionTime);
        }
    }

    /**
     * The cloud reported instances of the group that failed to create: the group is backed off at
     * once (event {@code ScaleUpFailed}).
     */
    record ScaleUpFailed(
            String groupId,
            int failedCount,
            ErrorClass errorClass,
            String errorCode,
            List<String> sourceErrors)
            implements ClusterStateEvent {
        public ScaleUpFailed {
            sourceErrors = List.copyOf(sourceErrors);
        }

        @Override
        public String message() {
            return "Failed adding "
                    + failedCount
                    + " nodes to group "
                    + groupId
                    + " due to "
                    + errorClass
                    + "."
                    + errorCode
                    + "; source errors: "
                    + String.join(", ", sourceErrors);
        }
    }
}
