package org.k8sca.app.run;

import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.app.decide.DecisionPass;
import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.loop.ActuatorRunner;
import org.k8sca.app.loop.AutoscalerLoop;
import org.k8sca.app.loop.LoopObserver;
import org.k8sca.app.loop.NodeMarks;
import org.k8sca.core.model.Node;
import org.k8sca.core.scaledown.actuation.ClusterOperationException;
import org.k8sca.core.scaledown.actuation.ScaleDownActuator;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.provider.KamateraCloudProvider;
import org.k8sca.kamatera.provider.NodeMetadata;
import org.k8sca.kamatera.provider.ProviderOptions;
import org.k8sca.kube.actuation.ActuationMetrics;
import org.k8sca.kube.actuation.AutoscalerCordon;
import org.k8sca.kube.actuation.AutoscalerEventSink;
import org.k8sca.kube.actuation.KubeClusterOperations;
import org.k8sca.kube.actuation.KubeNodeMetadata;
import org.k8sca.kube.creates.CreatesConfigMap;
import org.k8sca.kube.events.AutoscalerEvents;
import org.k8sca.kube.ops.KubeNodeObjectDeleter;
import org.k8sca.kube.ops.KubeNodeTainter;
import org.k8sca.kube.ops.KubePodEvictor;
import org.k8sca.kube.view.ClusterView;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the autoscaler's parts and connects them, without starting any thread: the Kamatera
 * provider (its first refresh only logged on failure; its creates in flight kept in the ConfigMap
 * {@code cluster-autoscaler-kamatera-creates} of {@code namespace}), the Kubernetes view (not
 * started), the actuation on the cluster, the planner, the actuator and the loop. {@link
 * RunService} starts them; tests drive {@link #loop()} and {@link #actuator()} directly.
 */
public final class AutoscalerAssembly implements AutoCloseable {
    private final KamateraCloudProvider provider;
    private final ClusterView view;
    private final KubeClusterOperations operations;
    private final DecisionPass pass;
    private final ActuatorRunner actuator;
    private final AutoscalerLoop loop;

    /**
     * @param settings the planner's settings (from the flags)
     * @param namespace {@code --namespace}: where the priority expander's ConfigMap is read
     * @param config the loaded cloud config
     * @param api the Kamatera API client
     * @param providerOptions the provider's tuning (its clock)
     * @param client the Kubernetes client
     * @param clock the time of all decisions
     * @param observers told what every loop saw and did
     * @param events where the scale-down's node and pod events go (de-duplicated, written in the
     *     background)
     */
    public AutoscalerAssembly(
            DecisionSettings settings,
            String namespace,
            CloudConfig config,
            KamateraApi api,
            ProviderOptions providerOptions,
            KubernetesClient client,
            Clock clock,
            List<LoopObserver> observers,
            AutoscalerEvents events) {
        this(
                settings,
                namespace,
                config,
                api,
                providerOptions,
                client,
                clock,
                observers,
                events,
                ActuationMetrics.NONE);
    }

    /**
     * As above, with {@code actuationMetrics} told every eviction's end (for {@code
     * evicted_pods_total}).
     */
    public AutoscalerAssembly(
            DecisionSettings settings,
            String namespace,
            CloudConfig config,
            KamateraApi api,
            ProviderOptions providerOptions,
            KubernetesClient client,
            Clock clock,
            List<LoopObserver> observers,
            AutoscalerEvents events,
            ActuationMetrics actuationMetrics) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(events, "events");
        AutoscalerCordon cordon = new AutoscalerCordon(client, new KubeNodeTainter(client));
        KubeNodeMetadata nodeMetadata = new KubeNodeMetadata(client, cordon);
        this.provider =
                KamateraCloudProvider.start(
                        config,
                        api,
                        providerOptions,
                        new NodeMetadata() {
                            @Override
                            public void setProviderId(String nodeName, String providerId) {
                                nodeMetadata.setProviderId(nodeName, providerId);
                            }

                            @Override
                            public void returnToService(String nodeName) {
                                nodeMetadata.returnToService(nodeName);
                            }
                        },
                        new ConfigMapCreateStore(new CreatesConfigMap(client, namespace)));
        this.view = new ClusterView(client, namespace);
        this.operations =
                new KubeClusterOperations(
                        client,
                        cordon,
                        new KubePodEvictor(client),
                        new KubeNodeObjectDeleter(client),
                        view::podsOnNode,
                        new AutoscalerEventSink(events),
                        actuationMetrics);
        this.pass = new DecisionPass(settings, clock);
        this.actuator = new ActuatorRunner(new ScaleDownActuator(settings.scaleDown(), operations));
        NodeMarks marks =
                settings.scaleDown().maxBulkSoftTaintCount() == 0
                        ? NodeMarks.NONE
                        : new NodeMarks() {
                            @Override
                            public void addDeletionCandidate(String node, Instant since)
                                    throws ClusterOperationException {
                                operations.addDeletionCandidate(node, since);
                            }

                            @Override
                            public void removeDeletionCandidate(String node)
                                    throws ClusterOperationException {
                                operations.removeDeletionCandidate(node);
                            }
                        };
        this.loop =
                new AutoscalerLoop(
                        clock,
                        provider,
                        view::snapshotOf,
                        pass,
                        actuator,
                        operations,
                        marks,
                        observers);
    }

    public KamateraCloudProvider provider() {
        return provider;
    }

    /** The Kubernetes view; start it (and wait for its sync) before the first loop. */
    public ClusterView view() {
        return view;
    }

    public DecisionPass pass() {
        return pass;
    }

    public ActuatorRunner actuator() {
        return actuator;
    }

    public AutoscalerLoop loop() {
        return loop;
    }

    /**
     * The id of the node group of the node named {@code nodeName}, as the provider sees it in the
     * view's current nodes; empty for an unknown node or one outside every group.
     */
    public Optional<String> nodeGroupOf(String nodeName) {
        for (Node node : view.snapshotOf().nodes()) {
            if (node.name().equals(nodeName)) {
                return provider.nodeGroupFor(node).map(group -> group.id());
            }
        }
        return Optional.empty();
    }

    /** Stops the view's informers and releases the provider. */
    @Override
    public void close() {
        view.close();
        provider.cleanup();
    }
}
