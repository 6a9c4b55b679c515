package org.k8sca.kube.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.BoundVolume;
import org.k8sca.core.model.Node;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;
import org.k8sca.kube.testing.Eventually;
import org.k8sca.kube.testing.LogCapture;
import org.k8sca.kube.testing.MockApiServer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

class ClusterViewTest {

    private static final long MI = 1L << 20;

    private MockApiServer api;
    private KubernetesClient client;
    private ClusterView view;

    @BeforeEach
    void setUp() {
        api = new MockApiServer();
        client = api.client();
    }

    @AfterEach
    void tearDown() {
        if (view != null) {
            view.close();
        }
        client.close();
        api.close();
    }

    private ClusterView startView() {
        view = new ClusterView(client);
        view.start(Duration.ofSeconds(20));
        return view;
    }

    private static io.fabric8.kubernetes.api.model.Node node(String name) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewStatus()
                .withAllocatable(Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi")))
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build();
    }

    private static PodBuilder pod(String namespace, String name) {
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("img")
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("100m")))
                .endResources()
                .endContainer()
                .endSpec();
    }

    private static Pod unschedulable(Pod p) {
        return new PodBuilder(p)
                .withNewStatus()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withLastTransitionTime("2026-01-01T00:00:00Z")
                .endCondition()
                .endStatus()
                .build();
    }

    private ObservedPod pod(ClusterObjects snapshot, String key) {
        return snapshot.pods().stream().filter(p -> p.key().equals(key)).findFirst().orElse(null);
    }

    @Test
    void startsSyncedWithEveryKindTranslated() {
        client.nodes().resource(node("n1")).create();
        client.namespaces()
                .resource(
                        new NamespaceBuilder()
                                .withNewMetadata()
                                .withName("shop")
                                .withLabels(Map.of("team", "web"))
                                .endMetadata()
                                .build())
                .create();
        client.pods()
                .inNamespace("shop")
                .resource(
                        pod("shop", "web-1")
                                .editSpec()
                                .withNodeName("n1")
                                .endSpec()
                                .editMetadata()
                                .withLabels(Map.of("app", "web"))
                                .endMetadata()
                                .build())
                .create();
        client.pods()
                .inNamespace("shop")
                .resource(unschedulable(pod("shop", "web-2").build()))
                .create();
        client.policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace("shop")
                .resource(
                        new PodDisruptionBudgetBuilder()
                                .withNewMetadata()
                                .withNamespace("shop")
                                .withName("web")
                                .endMetadata()
                                .withNewSpec()
                                .withMinAvailable(new IntOrString(1))
                                .withNewSelector()
                                .withMatchLabels(Map.of("app", "web"))
                                .endSelector()
                                .endSpec()
                                .build())
                .create();
        client.apps()
                .daemonSets()
                .inNamespace("kube-system")
                .resource(
                        new DaemonSetBuilder()
                                .withNewMetadata()
                                .withNamespace("kube-system")
                                .withName("agent")
                                .endMetadata()
                                .withNewSpec()
                                .withNewTemplate()
                                .withNewSpec()
                                .addNewContainer()
                                .withName("a")
                                .withImage("i")
                                .endContainer()
                                .endSpec()
                                .endTemplate()
                                .endSpec()
                                .build())
                .create();
        client.apps()
                .replicaSets()
                .inNamespace("shop")
                .resource(
                        new ReplicaSetBuilder()
                                .withNewMetadata()
                                .withNamespace("shop")
                                .withName("web-5d8f")
                                .withUid("rs-uid")
                                .endMetadata()
                                .withNewSpec()
                                .withReplicas(2)
                                .endSpec()
                                .build())
                .create();

        ClusterObjects snapshot = startView().snapshotOf();

        assertThat(snapshot.nodes()).extracting(Node::name).containsExactly("n1");
        assertThat(snapshot.pods())
                .extracting(ObservedPod::key)
                .containsExactly("shop/web-1", "shop/web-2");
        assertThat(pod(snapshot, "shop/web-1").state()).isEqualTo(SchedulingState.BOUND);
        assertThat(snapshot.podsIn(SchedulingState.UNSCHEDULABLE))
                .extracting(ObservedPod::key)
                .containsExactly("shop/web-2");
        assertThat(snapshot.disruptionBudgets())
                .singleElement()
                .satisfies(b -> assertThat(b.covers(pod(snapshot, "shop/web-1").pod())).isTrue());
        assertThat(snapshot.daemonSets())
                .singleElement()
                .satisfies(d -> assertThat(d.name()).isEqualTo("agent"));
        assertThat(snapshot.workloadsByUid().values())
                .singleElement()
                .satisfies(
                        w -> {
                            assertThat(w.describe()).isEqualTo("ReplicaSet shop/web-5d8f");
                            assertThat(w.desiredReplicas()).isEqualTo(2);
                            assertThat(snapshot.workloadsByUid()).containsKey(w.uid());
                        });
        assertThat(snapshot.namespaceLabels().get("shop")).isEqualTo(Labels.of("team", "web"));
        assertThat(view.podsOnNode("n1"))
                .extracting(ObservedPod::key)
                .containsExactly("shop/web-1");
        assertThat(view.skippedObjects()).isEmpty();
        Eventually.await("every informer watching", view::watching);
        view.close();
        Eventually.await("informers stopped", () -> !view.watching());
    }

    @Test
    void informerUpdatesReachTheView() {
        ClusterView v = startView();
        long before = v.snapshotOf().version();

        client.nodes().resource(node("n1")).create();
        client.pods().inNamespace("a").resource(pod("a", "p").build()).create();
        Eventually.await(
                "node and pod in the view",
                () -> v.snapshotOf().nodes().size() == 1 && v.snapshotOf().pods().size() == 1);
        assertThat(v.snapshotOf().version()).isGreaterThan(before);

        client.pods()
                .inNamespace("a")
                .withName("p")
                .edit(p -> new PodBuilder(p).editSpec().withNodeName("n1").endSpec().build());
        Eventually.await("pod bound to n1", () -> v.podsOnNode("n1").size() == 1);
        assertThat(pod(v.snapshotOf(), "a/p").state()).isEqualTo(SchedulingState.BOUND);

        client.nodes()
                .withName("n1")
                .edit(n -> new NodeBuilder(n).editSpec().withUnschedulable(true).endSpec().build());
        Eventually.await("node cordoned", () -> v.snapshotOf().nodes().get(0).unschedulable());

        client.pods().inNamespace("a").withName("p").delete();
        Eventually.await("pod gone", () -> v.snapshotOf().pods().isEmpty());
        assertThat(v.podsOnNode("n1")).isEmpty();
    }

    @Test
    void snapshotIsAStableCopy() {
        client.nodes().resource(node("n1")).create();
        ClusterView v = startView();
        ClusterObjects first = v.snapshotOf();
        assertThat(v.snapshotOf()).isSameAs(first);

        client.nodes().resource(node("n2")).create();
        Eventually.await("second node", () -> v.snapshotOf().nodes().size() == 2);
        assertThat(first.nodes()).hasSize(1);
    }

    @Test
    void sidecarFormulaEndToEnd() {
        Pod p =
                pod("a", "sidecars")
                        .editSpec()
                        .withContainers(
                                new io.fabric8.kubernetes.api.model.ContainerBuilder()
                                        .withName("app")
                                        .withImage("i")
                                        .withNewResources()
                                        .withRequests(
                                                Map.of(
                                                        "cpu",
                                                        new Quantity("600m"),
                                                        "memory",
                                                        new Quantity("256Mi")))
                                        .endResources()
                                        .build())
                        .addNewInitContainer()
                        .withName("init")
                        .withImage("i")
                        .withNewResources()
                        .withRequests(
                                Map.of(
                                        "cpu",
                                        new Quantity("500m"),
                                        "memory",
                                        new Quantity("512Mi")))
                        .endResources()
                        .endInitContainer()
                        .addNewInitContainer()
                        .withName("mesh")
                        .withImage("i")
                        .withRestartPolicy("Always")
                        .withNewResources()
                        .withRequests(
                                Map.of("cpu", new Quantity("100m"), "memory", new Quantity("64Mi")))
                        .endResources()
                        .endInitContainer()
                        .endSpec()
                        .build();
        client.pods().inNamespace("a").resource(p).create();

        ObservedPod observed = pod(startView().snapshotOf(), "a/sidecars");

        // CPU: app + sidecar (700m) beats the init container (500m); memory: the init container
        // (512Mi)
        // beats app + sidecar (320Mi) because the sidecar starts after it.
        assertThat(observed.pod().requests().milliCpu()).isEqualTo(700);
        assertThat(observed.pod().requests().memoryBytes()).isEqualTo(512 * MI);
    }

    @Test
    void badQuantityIsSkippedWithAWarningAndTheRestStays() {
        client.pods().inNamespace("a").resource(pod("a", "good").build()).create();
        Pod bad =
                pod("a", "bad")
                        .editSpec()
                        .editFirstContainer()
                        .editResources()
                        .withRequests(Map.of("cpu", new Quantity("1.2.3")))
                        .endResources()
                        .endContainer()
                        .endSpec()
                        .build();
        client.pods().inNamespace("a").resource(bad).create();

        try (LogCapture log = new LogCapture(ClusterView.class)) {
            ClusterObjects snapshot = startView().snapshotOf();

            assertThat(snapshot.pods()).extracting(ObservedPod::key).containsExactly("a/good");
            assertThat(view.skippedObjects())
                    .singleElement()
                    .satisfies(
                            s -> {
                                assertThat(s.kind()).isEqualTo("Pod");
                                assertThat(s.key()).isEqualTo("a/bad");
                                assertThat(s.reason())
                                        .contains(
                                                "spec.containers[0].resources.requests",
                                                "cpu",
                                                "1.2.3");
                            });
            assertThat(log.warnings()).singleElement().asString().contains("a/bad", "1.2.3");
        }

        // Fixing the object brings it back and clears the skip.
        client.pods()
                .inNamespace("a")
                .withName("bad")
                .edit(
                        p ->
                                new PodBuilder(p)
                                        .editSpec()
                                        .editFirstContainer()
                                        .editResources()
                                        .withRequests(Map.of("cpu", new Quantity("1")))
                                        .endResources()
                                        .endContainer()
                                        .endSpec()
                                        .build());
        Eventually.await("fixed pod", () -> view.snapshotOf().pods().size() == 2);
        assertThat(view.skippedObjects()).isEmpty();
    }

    @Test
    void cachedPodsAreTrimmedButTranslatedWhole() {
        client.pods()
                .inNamespace("a")
                .resource(
                        pod("a", "p1")
                                .editSpec()
                                .editFirstContainer()
                                .addNewEnv()
                                .withName("PASSWORD")
                                .withValue("hunter2")
                                .endEnv()
                                .endContainer()
                                .endSpec()
                                .build())
                .create();

        startView();

        Pod cached = (Pod) view.cachedObject("Pod", "a/p1");
        assertThat(cached.getSpec().getContainers().get(0).getEnv()).isNullOrEmpty();
        assertThat(pod(view.snapshotOf(), "a/p1").pod().requests().milliCpu()).isPositive();
    }

    @Test
    void managedFieldsAreDropped() {
        client.nodes()
                .resource(
                        new NodeBuilder(node("n1"))
                                .editMetadata()
                                .withManagedFields(
                                        new ManagedFieldsEntryBuilder()
                                                .withManager("kubectl")
                                                .withOperation("Update")
                                                .build())
                                .endMetadata()
                                .build())
                .create();
        assertThat(client.nodes().withName("n1").get().getMetadata().getManagedFields())
                .isNotEmpty();

        startView();

        io.fabric8.kubernetes.api.model.Node cached =
                (io.fabric8.kubernetes.api.model.Node) view.cachedObject("Node", "n1");
        assertThat(cached).isNotNull();
        assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
    }

    @Test
    void podsFollowTheirVolumes() {
        client.nodes().resource(node("n7")).create();
        Pod p =
                pod("db", "db-0")
                        .editSpec()
                        .addNewVolume()
                        .withName("data")
                        .withNewPersistentVolumeClaim()
                        .withClaimName("data-0")
                        .endPersistentVolumeClaim()
                        .endVolume()
                        .endSpec()
                        .build();
        client.pods().inNamespace("db").resource(unschedulable(p)).create();
        ClusterView v = startView();

        // No claim yet: the scheduler could not place the pod anywhere.
        assertThat(pod(v.snapshotOf(), "db/db-0").pod().unboundImmediateClaims()).isTrue();

        client.storage()
                .v1()
                .storageClasses()
                .resource(
                        new StorageClassBuilder()
                                .withNewMetadata()
                                .withName("local")
                                .endMetadata()
                                .withProvisioner("x")
                                .withVolumeBindingMode("WaitForFirstConsumer")
                                .build())
                .create();
        client.persistentVolumeClaims()
                .inNamespace("db")
                .resource(
                        new PersistentVolumeClaimBuilder()
                                .withNewMetadata()
                                .withNamespace("db")
                                .withName("data-0")
                                .endMetadata()
                                .withNewSpec()
                                .withStorageClassName("local")
                                .endSpec()
                                .build())
                .create();
        Eventually.await(
                "claim waits for its consumer",
                () -> !pod(v.snapshotOf(), "db/db-0").pod().unboundImmediateClaims());
        assertThat(pod(v.snapshotOf(), "db/db-0").pod().boundVolumes()).isEmpty();

        client.persistentVolumes()
                .resource(
                        new PersistentVolumeBuilder()
                                .withNewMetadata()
                                .withName("pv-1")
                                .endMetadata()
                                .withNewSpec()
                                .withNewClaimRef()
                                .withNamespace("db")
                                .withName("data-0")
                                .endClaimRef()
                                .withNewNodeAffinity()
                                .withNewRequired()
                                .addNewNodeSelectorTerm()
                                .addNewMatchExpression()
                                .withKey("kubernetes.io/hostname")
                                .withOperator("In")
                                .withValues("n7")
                                .endMatchExpression()
                                .endNodeSelectorTerm()
                                .endRequired()
                                .endNodeAffinity()
                                .endSpec()
                                .build())
                .create();
        client.persistentVolumeClaims()
                .inNamespace("db")
                .withName("data-0")
                .edit(
                        c ->
                                new PersistentVolumeClaimBuilder(c)
                                        .editSpec()
                                        .withVolumeName("pv-1")
                                        .endSpec()
                                        .build());
        Eventually.await(
                "claim bound",
                () -> pod(v.snapshotOf(), "db/db-0").pod().boundVolumes().size() == 1);

        BoundVolume bound = pod(v.snapshotOf(), "db/db-0").pod().boundVolumes().get(0);
        assertThat(bound.claimName()).isEqualTo("data-0");
        assertThat(bound.nodeAffinity().matches(Labels.of("kubernetes.io/hostname", "n7"), "n7"))
                .isTrue();
        assertThat(bound.nodeAffinity().matches(Labels.of("kubernetes.io/hostname", "n8"), "n8"))
                .isFalse();
    }

    @Test
    void listenersHearOfNewlyUnschedulablePodsOnce() {
        List<String> heard = new CopyOnWriteArrayList<>();
        view = new ClusterView(client);
        view.addUnschedulablePodListener(p -> heard.add(p.key()));
        client.pods().inNamespace("a").resource(unschedulable(pod("a", "early").build())).create();
        view.start(Duration.ofSeconds(20));
        Eventually.await("pending pod at start", () -> heard.contains("a/early"));

        client.pods().inNamespace("a").resource(pod("a", "late").build()).create();
        Eventually.await("late pod seen", () -> pod(view.snapshotOf(), "a/late") != null);
        assertThat(heard).containsExactly("a/early");

        client.pods().inNamespace("a").withName("late").edit(p -> unschedulable(p));
        Eventually.await("late pod unschedulable", () -> heard.contains("a/late"));
        // A further update that keeps it unschedulable is not news.
        client.pods()
                .inNamespace("a")
                .withName("late")
                .edit(
                        p ->
                                new PodBuilder(p)
                                        .editMetadata()
                                        .addToLabels("x", "y")
                                        .endMetadata()
                                        .build());
        Eventually.await(
                "label seen",
                () -> "y".equals(pod(view.snapshotOf(), "a/late").pod().labels().get("x")));
        assertThat(heard).containsExactly("a/early", "a/late");
    }

    @Test
    void startFailsClearlyWhenAKindCannotBeListed() {
        api.answer(
                r -> r.getPath().startsWith("/apis/policy/v1/poddisruptionbudgets"),
                403,
                "poddisruptionbudgets.policy is forbidden");
        view = new ClusterView(client);
        assertThatThrownBy(() -> view.start(Duration.ofSeconds(5)))
                .isInstanceOf(ClusterViewException.class)
                .hasMessageContaining("PodDisruptionBudget");
    }

    @Test
    void priorityExpanderConfigMapOfTheAutoscalerNamespaceOnly() {
        client.configMaps()
                .inNamespace("other")
                .resource(
                        new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                                .withNewMetadata()
                                .withNamespace("other")
                                .withName(ClusterView.PRIORITY_EXPANDER_CONFIG_MAP)
                                .endMetadata()
                                .withData(Map.of("priorities", "5:\n  - wrong"))
                                .build())
                .create();
        client.configMaps()
                .inNamespace("kube-system")
                .resource(
                        new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                                .withNewMetadata()
                                .withNamespace("kube-system")
                                .withName("unrelated")
                                .endMetadata()
                                .withData(Map.of("priorities", "1:\n  - unrelated"))
                                .build())
                .create();
        ClusterView v = startView();
        assertThat(v.snapshotOf().priorityExpanderConfig()).isEmpty();

        client.configMaps()
                .inNamespace("kube-system")
                .resource(
                        new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                                .withNewMetadata()
                                .withNamespace("kube-system")
                                .withName(ClusterView.PRIORITY_EXPANDER_CONFIG_MAP)
                                .endMetadata()
                                .withData(Map.of("priorities", "10:\n  - big-.*"))
                                .build())
                .create();
        Eventually.await(
                "config map seen", () -> !v.snapshotOf().priorityExpanderConfig().isEmpty());
        assertThat(v.snapshotOf().priorityExpanderConfig())
                .containsEntry("priorities", "10:\n  - big-.*");

        client.configMaps()
                .inNamespace("kube-system")
                .withName(ClusterView.PRIORITY_EXPANDER_CONFIG_MAP)
                .delete();
        Eventually.await(
                "config map gone", () -> v.snapshotOf().priorityExpanderConfig().isEmpty());
    }

    @Test
    void startGivesUpClearlyWhenAListDoesNotAnswerInTime() {
        api.delay(
                r -> r.getPath().startsWith("/api/v1/nodes") && !r.getPath().contains("watch"),
                Duration.ofSeconds(30));
        view = new ClusterView(client);
        assertThatThrownBy(() -> view.start(Duration.ofMillis(500)))
                .isInstanceOf(ClusterViewException.class)
                .hasMessageContaining("did not sync")
                .hasMessageContaining("Node");
    }
}
