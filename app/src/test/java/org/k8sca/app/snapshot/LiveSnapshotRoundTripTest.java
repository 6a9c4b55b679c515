package org.k8sca.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.loop.LoopObserver;
import org.k8sca.app.run.AutoscalerAssembly;
import org.k8sca.app.simulate.Simulation;
import org.k8sca.app.simulate.SimulationReport;
import org.k8sca.app.simulate.Snapshot;
import org.k8sca.app.simulate.SnapshotReader;
import org.k8sca.app.simulate.SnapshotServer;
import org.k8sca.app.testing.SimulatorCloudConfig;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.kamatera.api.http.ClientOptions;
import org.k8sca.kamatera.api.http.KamateraHttpApi;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kamatera.provider.ProviderOptions;
import org.k8sca.kamatera.provider.ServerNames;
import org.k8sca.kamatera.sim.KamateraSimulator;
import org.k8sca.kamatera.sim.ManualClock;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Timings;
import org.k8sca.kamatera.sim.model.ServerSetup;
import org.k8sca.kube.events.AutoscalerEvents;
import org.k8sca.kube.events.EventRecorder;
import org.k8sca.kube.events.KubeEventSink;
import org.k8sca.kube.objects.SchedulingState;
import org.k8sca.kube.testing.Eventually;
import org.k8sca.kube.testing.MockApiServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A snapshot written from a running assembly (mock API server + Kamatera simulator) reads back with
 * {@link SnapshotReader}, and {@code simulate} over it makes the scale-up the loop made.
 */
class LiveSnapshotRoundTripTest {
    private static final String CLIENT_ID = "rt-client-id";
    private static final String SECRET = "rt-very-secret";
    private static final String SCRIPT = "#!/bin/sh\necho join-token-abc\n";

    private final ManualClock manual = new ManualClock(Instant.now().plusSeconds(60));
    private final Clock clock = manual.withZone(ZoneOffset.UTC);
    private MockApiServer api;
    private KubernetesClient client;
    private KamateraSimulator sim;
    private AutoscalerAssembly assembly;
    private EventRecorder recorder;
    private ServerListRecorder servers;
    private CloudConfig config;
    private final List<GroupIncrease> loopIncreases = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        api = new MockApiServer();
        client = api.client();
        sim =
                KamateraSimulator.builder()
                        .credentials(CLIENT_ID, SECRET)
                        .clock(manual)
                        .seed(3)
                        .timings(
                                new Timings()
                                        .pendingDelay(DurationRange.ZERO)
                                        .allDurations(DurationRange.fixed(Duration.ofSeconds(30))))
                        .build()
                        .start();
        sim.addServer(
                ServerSetup.named("ng1-keep0000000").power("on").tags("k8sca-c1", "k8scang-ng1"));
        sim.addServer(ServerSetup.named("other-server").power("off").tags("someone-else"));
        String ini = SimulatorCloudConfig.ini(sim.baseUrl(), CLIENT_ID, SECRET, SCRIPT, 4);
        config = CloudConfigLoader.parse(ini, "rt.ini", Map.of());
        servers =
                new ServerListRecorder(
                        new KamateraHttpApi(
                                sim.baseUrl(),
                                CLIENT_ID,
                                SECRET,
                                ClientOptions.builder()
                                        .clock(manual)
                                        .sleeper(manual::advance)
                                        .rateLimit(0, 1)
                                        .attemptTimeout(Duration.ofSeconds(10))
                                        .build()));
        Random names = new Random(5);
        ProviderOptions providerOptions =
                ProviderOptions.defaults()
                        .withClock(manual)
                        .withServerNames(
                                new ServerNames(
                                        () -> new UUID(names.nextLong(), names.nextLong())));
        recorder =
                new EventRecorder(
                        new KubeEventSink(client, "rt"),
                        clock,
                        false,
                        EventRecorder.DEFAULT_QUEUE_CAPACITY);
        LoopObserver increases =
                new LoopObserver() {
                    @Override
                    public void scaleUp(ScaleUpResult result, List<IncreaseAttempt> executed) {
                        loopIncreases.addAll(result.increases());
                    }
                };
        assembly =
                new AutoscalerAssembly(
                        DecisionSettings.DEFAULTS,
                        "kube-system",
                        config,
                        servers,
                        providerOptions,
                        client,
                        clock,
                        List.of(increases),
                        new AutoscalerEvents(recorder, "kube-system", "cluster-autoscaler-status"));
        assembly.view().start(Duration.ofSeconds(20));
    }

    @AfterEach
    void tearDown() {
        if (assembly != null) {
            assembly.close();
        }
        if (recorder != null) {
            recorder.close();
        }
        client.close();
        api.close();
        sim.close();
    }

    @Test
    void simulateOverTheLiveSnapshotMakesTheLoopsScaleUp() throws Exception {
        String ready = clock.instant().minus(Duration.ofHours(1)).toString();
        Map<String, Quantity> size =
                Map.of(
                        "cpu",
                        new Quantity("2"),
                        "memory",
                        new Quantity("4Gi"),
                        "pods",
                        new Quantity("110"));
        client.nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName("ng1-keep0000000")
                                .withCreationTimestamp(ready)
                                .addToLabels("kubernetes.io/hostname", "ng1-keep0000000")
                                .endMetadata()
                                .withNewSpec()
                                .withProviderID("kamatera://ng1-keep0000000")
                                .endSpec()
                                .withNewStatus()
                                .addToCapacity(size)
                                .addToAllocatable(size)
                                .addNewCondition()
                                .withType("Ready")
                                .withStatus("True")
                                .withLastTransitionTime(ready)
                                .endCondition()
                                .endStatus()
                                .build())
                .create();
        ReplicaSet rs =
                client.apps()
                        .replicaSets()
                        .inNamespace("default")
                        .resource(
                                new ReplicaSetBuilder()
                                        .withNewMetadata()
                                        .withName("web")
                                        .withNamespace("default")
                                        .addToAnnotations(
                                                "kubectl.kubernetes.io/last-applied-configuration",
                                                "{\"password\":\"hunter2\"}")
                                        .endMetadata()
                                        .withNewSpec()
                                        .withReplicas(4)
                                        .withNewSelector()
                                        .addToMatchLabels("app", "web")
                                        .endSelector()
                                        .withNewTemplate()
                                        .withNewMetadata()
                                        .addToLabels("app", "web")
                                        .endMetadata()
                                        .withNewSpec()
                                        .addNewContainer()
                                        .withName("c")
                                        .withImage("i")
                                        .endContainer()
                                        .endSpec()
                                        .endTemplate()
                                        .endSpec()
                                        .build())
                        .create();
        pod(rs, "web-0", "ng1-keep0000000");
        for (int i = 1; i <= 3; i++) {
            pod(rs, "web-" + i, null);
        }
        // Nodes and pods come through different informers: wait for both, or a loop that sees
        // the server but not yet its node counts it as upcoming and rightly does not scale up.
        Eventually.await(
                "the view sees the node and the pods",
                () ->
                        assembly.view().snapshotOf().nodes().size() == 1
                                && assembly.view().snapshotOf().pods().stream()
                                                .filter(
                                                        p ->
                                                                p.state()
                                                                        == SchedulingState
                                                                                .UNSCHEDULABLE)
                                                .count()
                                        == 3);

        // The state the loop is about to decide on.
        String json =
                LiveSnapshot.json(
                        clock.instant(), assembly.view().sourceObjects(), servers.servers());
        assembly.loop().runOnce(clock.instant());

        assertThat(loopIncreases).as("the loop scaled up").isNotEmpty();
        // The informers' caches no longer keep env at all (kube.view.CacheTrimmer), so not even
        // the redacted placeholder appears; LiveSnapshotTest covers the redaction itself.
        assertThat(json)
                .doesNotContain(SECRET, CLIENT_ID, "join-token-abc", "hunter2", "managedFields");
        Snapshot snapshot = new SnapshotReader("kube-system").parse(json, "/snapshot");
        assertThat(snapshot.servers())
                .contains(
                        new SnapshotServer(
                                "ng1-keep0000000", "on", List.of("k8sca-c1", "k8scang-ng1")));
        assertThat(snapshot.cluster().nodes()).hasSize(1);
        assertThat(snapshot.cluster().pods()).hasSize(4);

        SimulationReport report =
                Simulation.run(
                        config, snapshot, DecisionSettings.DEFAULTS, snapshot.time().orElseThrow());

        assertThat(report.scaleUp().nodeGroups())
                .extracting(
                        SimulationReport.GroupScaleUp::nodeGroup,
                        SimulationReport.GroupScaleUp::currentSize,
                        SimulationReport.GroupScaleUp::newSize)
                .containsExactlyElementsOf(
                        loopIncreases.stream()
                                .map(
                                        inc ->
                                                org.assertj.core.groups.Tuple.tuple(
                                                        inc.nodeGroupId(),
                                                        inc.currentTarget(),
                                                        inc.newTarget()))
                                .toList());
    }

    /**
     * A 1-CPU pod of ReplicaSet web with a literal env value; bound, or pending when node is null.
     */
    private void pod(ReplicaSet owner, String name, String nodeName) {
        String created = clock.instant().minus(Duration.ofMinutes(5)).toString();
        PodBuilder b =
                new PodBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace("default")
                        .withCreationTimestamp(created)
                        .addToLabels("app", "web")
                        .addNewOwnerReference()
                        .withApiVersion("apps/v1")
                        .withKind("ReplicaSet")
                        .withName("web")
                        .withUid(owner.getMetadata().getUid())
                        .withController(true)
                        .endOwnerReference()
                        .endMetadata()
                        .withNewSpec()
                        .withNodeName(nodeName)
                        .addNewContainer()
                        .withName("c")
                        .withImage("i")
                        .addNewEnv()
                        .withName("DB_PASSWORD")
                        .withValue("hunter2")
                        .endEnv()
                        .withNewResources()
                        .addToRequests("cpu", new Quantity("1500m"))
                        .addToRequests("memory", new Quantity("256Mi"))
                        .endResources()
                        .endContainer()
                        .endSpec();
        if (nodeName == null) {
            b.withNewStatus()
                    .withPhase("Pending")
                    .addNewCondition()
                    .withType("PodScheduled")
                    .withStatus("False")
                    .withReason("Unschedulable")
                    .withLastTransitionTime(created)
                    .endCondition()
                    .endStatus();
        } else {
            b.withNewStatus().withPhase("Running").endStatus();
        }
        client.pods().inNamespace("default").resource(b.build()).create();
    }
}
