package org.k8sca.testkit;

import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.app.observe.EventsObserver;
import org.k8sca.app.run.AutoscalerAssembly;
import org.k8sca.kube.events.AutoscalerEvents;
import org.k8sca.kube.events.EventRecorder;
import org.k8sca.kube.events.KubeEventSink;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One more autoscaler process on a {@link VirtualCluster}, next to the cluster's own: an assembly
 * built as {@code run} builds it, with fresh in-memory state, its own Kubernetes client, informers
 * and event recorder, sharing the cluster's Kamatera client. In every step the cluster offers it a
 * turn: when {@code mayAct} holds (checked once its informers caught up, right before the loop), it
 * runs one loop and one actuator tick. Every turn is recorded, acted or not, so a scenario can show
 * who acted when (e.g. only the holder of a Lease).
 */
public final class AutoscalerInstance implements AutoCloseable {

    /**
     * One step's turn of an instance.
     *
     * @param step the cluster's step number ({@link VirtualCluster#steps()})
     * @param at the virtual time of the step
     * @param acted whether the instance ran its loop and actuator tick
     * @param mayActAfter whether {@code mayAct} still held after the tick (false when it ended
     *     while the instance acted)
     */
    public record Turn(int step, Instant at, boolean acted, boolean mayActAfter) {}

    private final String name;
    private final KubernetesClient client;
    private final EventRecorder recorder;
    private final AutoscalerAssembly assembly;
    private final BooleanSupplier mayAct;
    private final List<Turn> turns = new ArrayList<>();
    private boolean closed;

    AutoscalerInstance(
            String name,
            KubernetesClient client,
            EventRecorder recorder,
            AutoscalerAssembly assembly,
            BooleanSupplier mayAct) {
        this.name = Objects.requireNonNull(name, "name");
        this.client = client;
        this.recorder = recorder;
        this.assembly = assembly;
        this.mayAct = Objects.requireNonNull(mayAct, "mayAct");
    }

    /**
     * Builds the events and assembly on {@code client} (which the instance then owns) and starts
     * the informers.
     */
    static AutoscalerInstance start(
            VirtualCluster cluster, String name, KubernetesClient client, BooleanSupplier mayAct) {
        EventRecorder recorder =
                new EventRecorder(
                        new KubeEventSink(client, "testkit-" + name),
                        cluster.clock(),
                        false,
                        EventRecorder.DEFAULT_QUEUE_CAPACITY);
        AutoscalerEvents events =
                new AutoscalerEvents(
                        recorder, VirtualCluster.NAMESPACE, "cluster-autoscaler-status");
        AutoscalerAssembly assembly =
                new AutoscalerAssembly(
                        cluster.settings(),
                        VirtualCluster.NAMESPACE,
                        cluster.cloudConfig(),
                        cluster.kamateraApi(),
                        cluster.providerOptions(),
                        client,
                        cluster.clock(),
                        List.of(new EventsObserver(events, 0)),
                        events);
        try {
            assembly.view().start(Duration.ofSeconds(20));
        } catch (RuntimeException e) {
            assembly.close();
            recorder.close();
            client.close();
            throw e;
        }
        return new AutoscalerInstance(name, client, recorder, assembly, mayAct);
    }

    public String name() {
        return name;
    }

    public AutoscalerAssembly assembly() {
        return assembly;
    }

    /** Whether {@code mayAct} holds now. */
    public boolean mayAct() {
        return !closed && mayAct.getAsBoolean();
    }

    /** Every turn so far, in order. */
    public synchronized List<Turn> turns() {
        return List.copyOf(turns);
    }

    /** The steps in which the instance acted. */
    public List<Integer> actedSteps() {
        return turns().stream().filter(Turn::acted).map(Turn::step).toList();
    }

    synchronized void record(Turn turn) {
        turns.add(turn);
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops the instance as a crash would: its informers and client close, it takes no more turns;
     * what it wrote stays.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        assembly.close();
        recorder.close();
        client.close();
    }
}
