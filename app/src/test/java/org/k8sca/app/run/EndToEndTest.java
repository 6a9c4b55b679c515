package org.k8sca.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.loop.LoopOutcome;
import org.k8sca.app.testing.SimulatorCloudConfig;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.http.ClientOptions;
import org.k8sca.kamatera.api.http.KamateraHttpApi;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kamatera.provider.ProviderOptions;
import org.k8sca.kamatera.provider.ServerNames;
import org.k8sca.kamatera.sim.KamateraSimulator;
import org.k8sca.kamatera.sim.ManualClock;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Timings;
import org.k8sca.kamatera.sim.model.ServerSetup;
import org.k8sca.kamatera.sim.model.ServerView;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * {@code run}'s parts against the fabric8 mock API server and the Kamatera simulator, on one manual
 * clock for every decision; loops and actuator ticks are driven by the test.
 */
class EndToEndTest {
    private static final String CLIENT_ID = "e2e-id";
    private static final String SECRET = "e2e-secret";
    private static final long COMMAND_SECONDS = 30;

    /** Starts a little after the real time, so that objects the mock stamps now are old enough. */
    private final ManualClock manual = new ManualClock(Instant.now().plusSeconds(60));

    private final Clock clock = manual.withZone(ZoneOffset.UTC);
    private MockApiServer api;
    private KubernetesClient client;
    private KamateraSimulator sim;
    private AutoscalerAssembly assembly;
    private EventRecorder recorder;

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
                                        .allDurations(
                                                DurationRange.fixed(
                                                        Duration.ofSeconds(COMMAND_SECONDS))))
                        .build()
                        .start();
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

    private void assemble(DecisionSettings settings) throws Exception {
        String ini =
                SimulatorCloudConfig.ini(
                        sim.baseUrl(), CLIENT_ID, SECRET, "#!/bin/sh\necho join\n", 3);
        CloudConfig config = CloudConfigLoader.parse(ini, "e2e.ini", Map.of());
        KamateraApi kamatera =
                new KamateraHttpApi(
                        sim.baseUrl(),
                        CLIENT_ID,
                        SECRET,
                        ClientOptions.builder()
                                .clock(manual)
                                .sleeper(manual::advance)
                                .rateLimit(0, 1)
                                .attemptTimeout(Duration.ofSeconds(10))
                                .build());
        Random names = new Random(5);
        ProviderOptions providerOptions =
                ProviderOptions.defaults()
                        .withClock(manual)
                        .withServerNames(
                                new ServerNames(
                                        () -> new UUID(names.nextLong(), names.nextLong())));
        recorder =
                new EventRecorder(
                        new KubeEventSink(client, "e2e"),
                        clock,
                        false,
                        EventRecorder.DEFAULT_QUEUE_CAPACITY);
        assembly =
                new AutoscalerAssembly(
                        settings,
                        "kube-system",
                        config,
                        kamatera,
                        providerOptions,
                        client,
                        clock,
                        List.of(),
                        new AutoscalerEvents(recorder, "kube-system", "cluster-autoscaler-status"));
        assembly.view().start(Duration.ofSeconds(20));
    }

    private void node(String name, String cpu, String memory) {
        String ready = clock.instant().minus(Duration.ofHours(1)).toString();
        client.nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName(name)
                                .withCreationTimestamp(ready)
                                .addToLabels("kubernetes.io/hostname", name)
                                .endMetadata()
                                .withNewSpec()
                                .withProviderID("kamatera://" + name)
                                .endSpec()
                                .withNewStatus()
                                .addToCapacity(
                                        Map.of(
                                                "cpu",
                                                new Quantity(cpu),
                                                "memory",
                                                new Quantity(memory),
                                                "pods",
                                                new Quantity("110")))
                                .addToAllocatable(
                                        Map.of(
                                                "cpu",
                                                new Quantity(cpu),
                                                "memory",
                                                new Quantity(memory),
                                                "pods",
                                                new Quantity("110")))
                                .addNewCondition()
                                .withType("Ready")
                                .withStatus("True")
                                .withLastTransitionTime(ready)
                                .endCondition()
                                .endStatus()
                                .build())
                .create();
    }

    private ReplicaSet replicaSet() {
        return client.apps()
                .replicaSets()
                .inNamespace("default")
                .resource(
                        new ReplicaSetBuilder()
                                .withNewMetadata()
                                .withName("web")
                                .withNamespace("default")
                                .endMetadata()
                                .withNewSpec()
                                .withReplicas(2)
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
    }

    /**
     * A pod of ReplicaSet web; bound to {@code nodeName}, or pending and unschedulable when null.
     */
    private Pod pod(ReplicaSet owner, String name, String nodeName, String cpu) {
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
                        .withNewResources()
                        .addToRequests("cpu", new Quantity(cpu))
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
        return client.pods().inNamespace("default").resource(b.build()).create();
    }

    private long podsIn(SchedulingState state) {
        return assembly.view().snapshotOf().pods().stream().filter(p -> p.state() == state).count();
    }

    @Test
    void scalesUpForAPendingPodAndNotAgainWhenTheNodeArrives() throws Exception {
        assemble(DecisionSettings.DEFAULTS);
        pod(replicaSet(), "web-1", null, "1");
        Eventually.await(
                "the view sees the pending pod", () -> podsIn(SchedulingState.UNSCHEDULABLE) == 1);

        LoopOutcome first = assembly.loop().runOnce(clock.instant());

        assertThat(first.productive()).isTrue();
        assertThat(sim.journal(Endpoint.CREATE_SERVER)).hasSize(1);
        manual.advanceSeconds(COMMAND_SECONDS + 1);
        assertThat(assembly.loop().runOnce(clock.instant()).productive()).isFalse();
        assertThat(sim.journal(Endpoint.CREATE_SERVER)).hasSize(1);

        List<ServerView> servers = sim.servers();
        assertThat(servers).hasSize(1);
        String name = servers.get(0).name();
        assertThat(name).startsWith("ng1-");
        node(name, "2", "4Gi");
        Eventually.await(
                "the view sees the new node",
                () -> assembly.view().snapshotOf().nodes().size() == 1);
        for (int i = 0; i < 3; i++) {
            manual.advanceSeconds(10);
            assertThat(assembly.loop().runOnce(clock.instant()).productive()).isFalse();
        }
        assertThat(sim.journal(Endpoint.CREATE_SERVER)).hasSize(1);
        assertThat(assembly.pass().registry().scaleUpRequest("ng1")).isEmpty();
    }

    @Test
    void drainsAndRemovesAnUnneededNodeAfterTheUnneededTime() throws Exception {
        assemble(DecisionSettings.DEFAULTS);
        sim.addServer(
                ServerSetup.named("ng1-keep0000000").power("on").tags("k8sca-c1", "k8scang-ng1"));
        sim.addServer(
                ServerSetup.named("ng1-idle0000000").power("on").tags("k8sca-c1", "k8scang-ng1"));
        node("ng1-keep0000000", "2", "4Gi");
        node("ng1-idle0000000", "2", "4Gi");
        ReplicaSet rs = replicaSet();
        pod(rs, "web-big", "ng1-keep0000000", "1200m");
        pod(rs, "web-small", "ng1-idle0000000", "200m");
        Eventually.await("the view sees both pods", () -> podsIn(SchedulingState.BOUND) == 2);

        assertThat(assembly.loop().runOnce(clock.instant()).productive()).isFalse();
        assertThat(assembly.pass().registry().nodeCategories()).hasSize(2);
        assertThat(assembly.nodeGroupOf("ng1-idle0000000")).contains("ng1");
        assertThat(assembly.nodeGroupOf("no-such-node")).isEmpty();

        manual.advance(Duration.ofMinutes(10).plusSeconds(20));
        assertThat(assembly.loop().runOnce(clock.instant()).productive()).isTrue();
        Node tainted = client.nodes().withName("ng1-idle0000000").get();
        assertThat(tainted.getSpec().getTaints())
                .extracting(t -> t.getKey())
                .contains("ToBeDeletedByClusterAutoscaler");
        assertThat(tainted.getSpec().getUnschedulable()).isTrue();

        for (int i = 0; i < 300 && client.nodes().withName("ng1-idle0000000").get() != null; i++) {
            manual.advanceSeconds(1);
            assembly.actuator().tick(clock.instant());
        }
        assertThat(client.pods().inNamespace("default").withName("web-small").get())
                .as("evicted")
                .isNull();
        assertThat(client.pods().inNamespace("default").withName("web-big").get()).isNotNull();
        assertThat(sim.journal(Endpoint.TERMINATE).size() + sim.journal(Endpoint.POWER_OFF).size())
                .as("the server was terminated or powered off")
                .isPositive();
        assertThat(client.nodes().withName("ng1-idle0000000").get())
                .as("Node object deleted")
                .isNull();
        assertThat(client.nodes().withName("ng1-keep0000000").get()).isNotNull();

        // The drain's events went through the de-duplicating recorder: the node's first ScaleDown
        // event (marked) is written, its second (removed) falls in the same 5 minutes.
        assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
        List<Event> nodeEvents = eventsAbout("default", "ng1-idle0000000");
        assertThat(nodeEvents).extracting(Event::getReason).containsExactly("ScaleDown");
        assertThat(nodeEvents.get(0).getMessage())
                .isEqualTo("marked the node as toBeDeleted/unschedulable");
        assertThat(nodeEvents.get(0).getSource().getComponent()).isEqualTo("cluster-autoscaler");
        assertThat(eventsAbout("default", "web-small"))
                .extracting(Event::getReason, Event::getMessage)
                .containsExactly(tuple("ScaleDown", "deleting pod for node scale down"));
        assertThat(recorder.suppressed()).isEqualTo(1);
    }

    private List<Event> eventsAbout(String namespace, String objectName) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> objectName.equals(e.getInvolvedObject().getName()))
                .toList();
    }
}
