package org.k8sca.bench.latency;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Plays kube-scheduler for the probe pods: watches pods labelled {@code latency=probe} and marks
 * each new unbound one {@code PodScheduled=False}, reason {@code Unschedulable}, as kube-scheduler
 * does when no node fits. Remembers when each mark was written.
 */
final class UnschedulableMarker implements AutoCloseable {

    static final String LABEL = "latency";
    static final String VALUE = "probe";

    private final KubernetesClient client;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "unschedulable-marker");
                        t.setDaemon(true);
                        return t;
                    });
    private final Map<String, Instant> markedAt = new ConcurrentHashMap<>();
    private final Watch watch;

    UnschedulableMarker(KubernetesClient client) {
        this.client = client;
        this.watch =
                client.pods()
                        .inAnyNamespace()
                        .withLabel(LABEL, VALUE)
                        .watch(
                                new Watcher<>() {
                                    @Override
                                    public void eventReceived(Action action, Pod pod) {
                                        if (action == Action.ADDED
                                                && pod.getSpec().getNodeName() == null) {
                                            worker.execute(() -> mark(pod));
                                        }
                                    }

                                    @Override
                                    public void onClose(WatcherException cause) {}
                                });
    }

    /** When the pod {@code namespace/name} was marked, or null when it was not (yet). */
    Instant markedAt(String key) {
        return markedAt.get(key);
    }

    private void mark(Pod pod) {
        String ns = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        client.pods()
                .inNamespace(ns)
                .withName(name)
                .editStatus(
                        p -> {
                            p.getStatus().setPhase("Pending");
                            p.getStatus()
                                    .getConditions()
                                    .removeIf(c -> "PodScheduled".equals(c.getType()));
                            p.getStatus()
                                    .getConditions()
                                    .add(
                                            new PodConditionBuilder()
                                                    .withType("PodScheduled")
                                                    .withStatus("False")
                                                    .withReason("Unschedulable")
                                                    .withMessage(
                                                            "0/1 nodes are available: node(s)"
                                                                    + " didn't match Pod's node"
                                                                    + " affinity/selector.")
                                                    .withLastTransitionTime(
                                                            Instant.now().toString())
                                                    .build());
                            return p;
                        });
        markedAt.put(ns + "/" + name, Instant.now());
    }

    @Override
    public void close() {
        watch.close();
        worker.shutdownNow();
    }
}
