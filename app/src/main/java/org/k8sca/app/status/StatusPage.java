package org.k8sca.app.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.k8sca.app.loop.LoopObserver;
import org.k8sca.app.status.StatusModel.GroupRow;
import org.k8sca.app.status.StatusModel.GroupsSection;
import org.k8sca.app.status.StatusModel.HistorySample;
import org.k8sca.app.status.StatusModel.LoopView;
import org.k8sca.app.status.StatusModel.NodesSection;
import org.k8sca.app.status.StatusModel.PendingSection;
import org.k8sca.app.status.StatusModel.ScaleEvent;
import org.k8sca.app.status.StatusModel.ScaleEvent.Kind;
import org.k8sca.core.clusterstate.ClusterStateEvent;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.kamatera.api.ApiCallListener;
import org.k8sca.kube.objects.ClusterObjects;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code /status} page: a loop observer that keeps what the page shows, and the HTTP handler
 * that renders it. Observers run on the loop thread and the handler on HTTP threads, so what the
 * loop observed is published as one immutable {@link LoopView} when the loop finishes; the Kamatera
 * API health is counted apart (the client calls {@link #apiCalls()} on its own threads). Every time
 * comes from the injected clock (the sandbox runs a virtual one).
 */
public final class StatusPage implements LoopObserver {

    private final Clock clock;
    private final StatusPageSettings settings;
    private final KamateraApiHealth api;
    private final AtomicReference<LoopView> latest = new AtomicReference<>();

    // Loop-thread state: this loop's reports, and what outlives a loop.
    private ClusterObjects objects;
    private ClusterStatus status;
    private ScaleUpResult scaleUp;
    private ScaleDownPlan scaleDown;
    private int deletionsInProgress;
    private GroupsSection groups;
    private PendingSection pending;
    private NodesSection nodes;
    private final ArrayDeque<ScaleEvent> events = new ArrayDeque<>();
    private final ArrayDeque<HistorySample> history = new ArrayDeque<>();

    /**
     * @param clock the autoscaler's clock (the page shows times and ages on it, not on the wall
     *     clock)
     */
    public StatusPage(Clock clock) {
        this(clock, StatusPageSettings.DEFAULTS);
    }

    public StatusPage(Clock clock, StatusPageSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.api = new KamateraApiHealth(clock);
    }

    /**
     * The listener to give the Kamatera client (with the metrics' one) so the page shows calls and
     * errors per endpoint.
     */
    public ApiCallListener apiCalls() {
        return api;
    }

    @Override
    public void loopStarted(Instant now) {
        objects = null;
        status = null;
        scaleUp = null;
        scaleDown = null;
        deletionsInProgress = 0;
    }

    @Override
    public void clusterObjects(ClusterObjects objects) {
        this.objects = objects;
    }

    @Override
    public void clusterState(ClusterStatus status, ClusterStateUpdate update) {
        this.status = status;
        for (ClusterStateEvent e : update.events()) {
            Kind kind;
            if (e instanceof ClusterStateEvent.ScaleUpCompleted) {
                kind = Kind.SCALE_UP_COMPLETED;
            } else if (e instanceof ClusterStateEvent.ScaleUpTimedOut) {
                kind = Kind.SCALE_UP_TIMED_OUT;
            } else {
                kind = Kind.SCALE_UP_FAILED;
            }
            event(kind, e.groupId(), e.message());
        }
    }

    @Override
    public void scaleUp(ScaleUpResult result, List<IncreaseAttempt> executed) {
        scaleUp = result;
        for (IncreaseAttempt a : executed) {
            switch (a.outcome()) {
                case SUCCEEDED -> event(Kind.SCALE_UP, a.increase().nodeGroupId(), a.message());
                case FAILED -> event(Kind.SCALE_UP_FAILED, a.increase().nodeGroupId(), a.message());
                case NOT_ATTEMPTED -> {}
            }
        }
    }

    @Override
    public void scaleDown(ScaleDownPlan plan) {
        scaleDown = plan;
        if (plan.cooldown().isPresent()) {
            return;
        }
        for (NodeRemoval r : plan.deleteEmpty()) {
            event(
                    Kind.NODE_REMOVAL_STARTED,
                    groupOf(r.nodeName()),
                    "removing empty node " + r.nodeName());
        }
        for (NodeRemoval r : plan.drain()) {
            event(
                    Kind.NODE_REMOVAL_STARTED,
                    groupOf(r.nodeName()),
                    "draining node "
                            + r.nodeName()
                            + " ("
                            + r.podsToMove().size()
                            + " pod(s) to move)");
        }
    }

    @Override
    public void deletionsFinished(List<DeletionResult> finished) {
        for (DeletionResult r : finished) {
            if (r.success()) {
                event(
                        Kind.NODE_REMOVED,
                        r.groupId(),
                        (r.empty() ? "empty node " : "drained node ")
                                + r.nodeName()
                                + " removed: "
                                + r.message());
            } else {
                event(
                        Kind.NODE_REMOVAL_FAILED,
                        r.groupId(),
                        "removing node " + r.nodeName() + " failed: " + r.message());
            }
        }
    }

    @Override
    public void unregisteredNodesRemoved(int count) {
        event(
                Kind.UNREGISTERED_REMOVED,
                "",
                "deleted " + count + " machine(s) that never registered as nodes in time");
    }

    @Override
    public void pendingNodeDeletions(int count) {
        deletionsInProgress = count;
    }

    @Override
    public void loopFinished(Instant started, Duration took, Optional<Throwable> error) {
        if (status != null) {
            groups = LoopSections.groups(status, scaleUp, started);
        }
        if (scaleUp != null) {
            pending = LoopSections.pendingFromPlan(scaleUp, started);
        } else if (objects != null) {
            pending = LoopSections.pendingFromObjects(objects, started);
        }
        if (objects != null) {
            nodes =
                    LoopSections.nodes(
                            objects,
                            scaleDown,
                            settings.groupOfNode(),
                            settings.scaleDownUnneededTime(),
                            started);
        }
        history.addLast(sample(started));
        while (history.size() > settings.historySamples()) {
            history.removeFirst();
        }
        latest.set(
                new LoopView(
                        started,
                        took,
                        error.map(StatusPage::describe),
                        Optional.ofNullable(groups),
                        Optional.ofNullable(pending),
                        Optional.ofNullable(nodes),
                        deletionsInProgress,
                        List.copyOf(events),
                        List.copyOf(history)));
        // Not kept between loops: they hold every pod and node.
        objects = null;
        status = null;
        scaleUp = null;
        scaleDown = null;
    }

    private HistorySample sample(Instant at) {
        int upcoming =
                groups == null ? 0 : groups.rows().stream().mapToInt(GroupRow::upcoming).sum();
        return new HistorySample(
                at,
                nodes == null ? 0 : nodes.rows().size(),
                pending == null ? 0 : pending.rows().size(),
                upcoming);
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName()
                + (message == null || message.isEmpty() ? "" : ": " + message);
    }

    private String groupOf(String node) {
        return settings.groupOfNode().apply(node).orElse("");
    }

    private void event(Kind kind, String group, String message) {
        events.addFirst(new ScaleEvent(clock.instant(), kind, group, message));
        while (events.size() > settings.eventCapacity()) {
            events.removeLast();
        }
    }

    /** What the page shows now: the last loop's view and the API calls as of the clock's now. */
    public StatusModel model() {
        return new StatusModel(clock.instant(), Optional.ofNullable(latest.get()), api.snapshot());
    }

    /** The page as it would be served now. */
    public String render() {
        return StatusPageRenderer.render(model());
    }

    /** Serves {@link #render()} on GET and HEAD. */
    public HttpHandler handler() {
        return this::handle;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(method);
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
