package org.k8sca.app.status;

import org.k8sca.core.clusterstate.Backoff;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.core.clusterstate.ScaleUpActivity;
import org.k8sca.core.clusterstate.ScaleUpRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the {@code /status} page shows, as one immutable value: what the last loop observed
 * ({@link LoopView}, published once per loop) and the Kamatera API health at {@code now}.
 *
 * @param now when the page is rendered, on the autoscaler's clock
 * @param loop what the last finished loop observed; empty until a loop has finished
 * @param api the Kamatera API calls of the last minutes
 */
public record StatusModel(Instant now, Optional<LoopView> loop, ApiHealth api) {

    public StatusModel {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(api, "api");
    }

    /**
     * What one loop observed. A section the loop did not reach (for example scale-up is skipped
     * while the cluster is unhealthy) keeps what an earlier loop observed; its {@code asOf} says
     * when.
     *
     * @param started when the loop started
     * @param took how long it took
     * @param error why it stopped early, if it did (a message; never secrets)
     * @param groups the node groups, or empty before any loop reached the cluster state
     * @param pending the pending pods
     * @param nodes the nodes
     * @param deletionsInProgress node deletions (drains) still running as the loop ended
     * @param events recent scale events, newest first
     * @param history one sample per loop, oldest first
     */
    public record LoopView(
            Instant started,
            Duration took,
            Optional<String> error,
            Optional<GroupsSection> groups,
            Optional<PendingSection> pending,
            Optional<NodesSection> nodes,
            int deletionsInProgress,
            List<ScaleEvent> events,
            List<HistorySample> history) {

        public LoopView {
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(took, "took");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(groups, "groups");
            Objects.requireNonNull(pending, "pending");
            Objects.requireNonNull(nodes, "nodes");
            events = List.copyOf(events);
            history = List.copyOf(history);
        }
    }

    /**
     * The node groups, from the cluster-state registry.
     *
     * @param asOf when the loop that observed them started
     * @param health the cluster's health
     * @param scaleUp the cluster-wide scale-up state
     * @param rows one per group, in the view's order
     */
    public record GroupsSection(
            Instant asOf, Health health, ScaleUpActivity scaleUp, List<GroupRow> rows) {
        public GroupsSection {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One node group.
     *
     * @param id the group id
     * @param min its min size
     * @param current registered nodes (stopped warm-pool nodes excluded)
     * @param target the cloud's target size
     * @param max its max size
     * @param ready registered nodes that are ready
     * @param upcoming nodes on their way (booting, or machines without a node yet)
     * @param warmPool nodes whose machine is powered off in the warm pool
     * @param health whether the group may be scaled up
     * @param scaleUp its scale-up state
     * @param request the scale-up in flight, if any
     * @param backoff the backoff after a failed scale-up, if any
     * @param lastPlan what the last scale-up plan made of the group (why it was skipped, or a
     *     note); empty when nothing to say
     */
    public record GroupRow(
            String id,
            int min,
            int current,
            int target,
            int max,
            int ready,
            int upcoming,
            int warmPool,
            Health health,
            ScaleUpActivity scaleUp,
            Optional<ScaleUpRequest> request,
            Optional<Backoff> backoff,
            String lastPlan) {}

    /**
     * The pods waiting for a node.
     *
     * @param asOf when the loop that observed them started
     * @param planned whether scale-up planning looked at them (otherwise they are the view's
     *     unschedulable pods, without a verdict)
     * @param outcome the plan's overall outcome and summary (empty when not planned)
     * @param rows one per pod, by {@code namespace/name}
     */
    public record PendingSection(
            Instant asOf, boolean planned, String outcome, List<PendingPodRow> rows) {
        public PendingSection {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One pending pod.
     *
     * @param pod {@code namespace/name}
     * @param verdict what planning decided, in words (e.g. "no group can take it")
     * @param target the node or node group it goes to, or empty
     * @param message the line reported in the pod's event (e.g. NotTriggerScaleUp's text), or empty
     * @param reasonsByGroup per node group, why it cannot take the pod (sorted by group)
     */
    public record PendingPodRow(
            String pod,
            String verdict,
            String target,
            String message,
            Map<String, List<String>> reasonsByGroup) {
        public PendingPodRow {
            TreeMap<String, List<String>> sorted = new TreeMap<>();
            reasonsByGroup.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
            reasonsByGroup = Collections.unmodifiableMap(sorted);
        }
    }

    /**
     * The nodes.
     *
     * @param asOf when the loop that observed them started
     * @param planned whether scale-down planning looked at them (utilization and reasons known)
     * @param cooldown why deletions wait, if they do
     * @param rows one per node, by name
     */
    public record NodesSection(
            Instant asOf, boolean planned, Optional<String> cooldown, List<NodeRow> rows) {
        public NodesSection {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One node.
     *
     * @param name the node
     * @param group its node group, or empty when it has none (or it is not known)
     * @param ready whether its Ready condition is True
     * @param cordoned whether it is marked unschedulable
     * @param utilization its utilization (0..1), or NaN when not computed
     * @param unneededSince since when scale-down finds it unneeded
     * @param removableAt when its unneeded time ends (with {@code --scale-down-unneeded-time})
     * @param removing whether this loop started its deletion
     * @param keptBecause why it is kept (upstream's reason, the blocking pod, details), or empty
     */
    public record NodeRow(
            String name,
            String group,
            boolean ready,
            boolean cordoned,
            double utilization,
            Optional<Instant> unneededSince,
            Optional<Instant> removableAt,
            boolean removing,
            String keptBecause) {}

    /** Something the autoscaler did to the cluster's size, or failed to do. */
    public record ScaleEvent(Instant time, Kind kind, String group, String message) {

        /** What kind of change. */
        public enum Kind {
            SCALE_UP("scale-up", false),
            SCALE_UP_FAILED("scale-up failed", true),
            SCALE_UP_COMPLETED("scale-up completed", false),
            SCALE_UP_TIMED_OUT("scale-up timed out", true),
            NODE_REMOVAL_STARTED("removing node", false),
            NODE_REMOVED("node removed", false),
            NODE_REMOVAL_FAILED("node removal failed", true),
            UNREGISTERED_REMOVED("unregistered removed", false);

            private final String label;
            private final boolean failure;

            Kind(String label, boolean failure) {
                this.label = label;
                this.failure = failure;
            }

            public String label() {
                return label;
            }

            public boolean failure() {
                return failure;
            }
        }
    }

    /** One point of the chart: the cluster as one loop saw it. */
    public record HistorySample(Instant time, int nodes, int pendingPods, int upcomingNodes) {}

    /**
     * The Kamatera API calls of the last {@code window}.
     *
     * @param window how far back the recent counts go
     * @param endpoints one per endpoint called since start, by name
     */
    public record ApiHealth(Duration window, List<EndpointHealth> endpoints) {
        public ApiHealth {
            endpoints = List.copyOf(endpoints);
        }

        public static final ApiHealth NONE = new ApiHealth(Duration.ofMinutes(15), List.of());
    }

    /**
     * The calls to one Kamatera endpoint (logical calls, after retries).
     *
     * @param endpoint the endpoint's metric name, e.g. {@code create_server}
     * @param recentCalls calls within the window
     * @param recentErrors failed calls within the window
     * @param totalCalls calls since start
     * @param totalErrors failed calls since start
     * @param lastCall when the last call ended
     * @param lastError the last failure, if any
     */
    public record EndpointHealth(
            String endpoint,
            long recentCalls,
            long recentErrors,
            long totalCalls,
            long totalErrors,
            Optional<Instant> lastCall,
            Optional<ApiError> lastError) {}

    /**
     * One failed call, described only by what the client's listener reports (endpoint, outcome
     * class, HTTP status): the listener carries no free text, so no secret can reach the page.
     *
     * @param time when it failed
     * @param outcome the outcome label, e.g. {@code http_5xx} or {@code timeout}
     * @param httpStatus the HTTP status, 0 when there was no response
     * @param attempts HTTP attempts made
     */
    public record ApiError(Instant time, String outcome, int httpStatus, int attempts) {

        /** For example {@code http_5xx (HTTP 503) after 3 attempts}. */
        public String describe() {
            return outcome
                    + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "")
                    + " after "
                    + attempts
                    + (attempts == 1 ? " attempt" : " attempts");
        }
    }
}
