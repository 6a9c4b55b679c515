package org.k8sca.kube.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.NodeSelector;
import org.k8sca.core.labels.NodeSelectorTerm;
import org.k8sca.core.labels.Requirement;
import org.k8sca.core.model.BoundVolume;
import org.k8sca.core.model.HostPort;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.model.PodLifecycle;
import org.k8sca.core.model.PodVolume;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.model.Toleration;
import org.k8sca.core.model.TopologySpreadConstraint;
import org.k8sca.core.resources.Resources;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

class PodTranslatorTest {

    private static final long MI = 1L << 20;

    static Container container(String name, String cpu, String memory) {
        return new ContainerBuilder()
                .withName(name)
                .withImage("img")
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
                .endResources()
                .build();
    }

    static Container sidecar(String name, String cpu, String memory) {
        return new ContainerBuilder(container(name, cpu, memory))
                .withRestartPolicy("Always")
                .build();
    }

    static PodBuilder pod(String name) {
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName(name)
                .withUid("uid-" + name)
                .endMetadata()
                .withNewSpec()
                .withContainers(container("app", "100m", "64Mi"))
                .endSpec();
    }

    @Test
    void sidecarsRunBesideContainersAndCountForLaterInitContainers() throws Exception {
        io.fabric8.kubernetes.api.model.Pod p =
                pod("web")
                        .editSpec()
                        .withContainers(container("app", "600m", "256Mi"))
                        .withInitContainers(
                                container("init-a", "500m", "100Mi"),
                                sidecar("sidecar-1", "100m", "64Mi"),
                                container("init-b", "300m", "512Mi"),
                                sidecar("sidecar-2", "50m", "32Mi"))
                        .withOverhead(
                                Map.of("cpu", new Quantity("10m"), "memory", new Quantity("10Mi")))
                        .endSpec()
                        .build();

        Resources r = PodTranslator.translate(p).pod().requests();

        // CPU: app 600m + both sidecars 150m beats every init moment (max 500m); plus 10m overhead.
        assertThat(r.milliCpu()).isEqualTo(760);
        // Memory: init-b 512Mi runs while sidecar-1 64Mi already runs = 576Mi, beating app+sidecars
        // (352Mi); plus 10Mi overhead.
        assertThat(r.memoryBytes()).isEqualTo(586 * MI);
        assertThat(r.pods()).isEqualTo(1);
    }

    @Test
    void limitsStandInForMissingRequests() throws Exception {
        Container c =
                new ContainerBuilder()
                        .withName("app")
                        .withNewResources()
                        .withRequests(Map.of("cpu", new Quantity("250m")))
                        .withLimits(Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi")))
                        .endResources()
                        .build();
        Resources r =
                PodTranslator.translate(pod("p").editSpec().withContainers(c).endSpec().build())
                        .pod()
                        .requests();
        assertThat(r.milliCpu()).isEqualTo(250);
        assertThat(r.memoryBytes()).isEqualTo(1024 * MI);
    }

    @Test
    void podLevelRequestsReplaceTheContainerSum() throws Exception {
        io.fabric8.kubernetes.api.model.Pod p =
                pod("p").editSpec()
                        .withContainers(
                                container("a", "100m", "64Mi"), container("b", "100m", "64Mi"))
                        .withNewResources()
                        .withRequests(Map.of("cpu", new Quantity("1")))
                        .endResources()
                        .endSpec()
                        .build();
        Resources r = PodTranslator.translate(p).pod().requests();
        assertThat(r.milliCpu()).isEqualTo(1000);
        assertThat(r.memoryBytes()).isEqualTo(128 * MI);
    }

    @Test
    void metadataAndSchedulingFields() throws Exception {
        io.fabric8.kubernetes.api.model.Pod p =
                pod("web-1")
                        .editMetadata()
                        .withLabels(Map.of("app", "web", "rev", "r7"))
                        .withAnnotations(
                                Map.of("cluster-autoscaler.kubernetes.io/safe-to-evict", "true"))
                        .withCreationTimestamp("2026-01-02T03:04:05Z")
                        .addNewOwnerReference()
                        .withKind("Deployment")
                        .withName("ignored")
                        .withUid("u0")
                        .withController(false)
                        .endOwnerReference()
                        .addNewOwnerReference()
                        .withKind("ReplicaSet")
                        .withName("web-5d8f")
                        .withUid("u1")
                        .withController(true)
                        .endOwnerReference()
                        .endMetadata()
                        .editSpec()
                        .withPriority(1000)
                        .withSchedulerName("custom")
                        .withTerminationGracePeriodSeconds(45L)
                        .withRestartPolicy("OnFailure")
                        .withNodeSelector(Map.of("disk", "ssd"))
                        .addNewToleration()
                        .withKey("dedicated")
                        .withOperator("Equal")
                        .withValue("db")
                        .withEffect("NoSchedule")
                        .endToleration()
                        .addNewToleration()
                        .withOperator("Exists")
                        .endToleration()
                        .withNewAffinity()
                        .withNewNodeAffinity()
                        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
                        .addNewNodeSelectorTerm()
                        .addNewMatchExpression()
                        .withKey("zone")
                        .withOperator("In")
                        .withValues("a", "b")
                        .endMatchExpression()
                        .addNewMatchField()
                        .withKey("metadata.name")
                        .withOperator("NotIn")
                        .withValues("bad-node")
                        .endMatchField()
                        .endNodeSelectorTerm()
                        .endRequiredDuringSchedulingIgnoredDuringExecution()
                        .endNodeAffinity()
                        .withNewPodAntiAffinity()
                        .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                        .withNewLabelSelector()
                        .withMatchLabels(Map.of("app", "web"))
                        .endLabelSelector()
                        .withTopologyKey("kubernetes.io/hostname")
                        .withMatchLabelKeys("rev")
                        .endRequiredDuringSchedulingIgnoredDuringExecution()
                        .endPodAntiAffinity()
                        .withNewPodAffinity()
                        .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                        .withNewLabelSelector()
                        .withMatchLabels(Map.of("app", "cache"))
                        .endLabelSelector()
                        .withTopologyKey("topology.kubernetes.io/zone")
                        .withNewNamespaceSelector()
                        .endNamespaceSelector()
                        .endRequiredDuringSchedulingIgnoredDuringExecution()
                        .endPodAffinity()
                        .endAffinity()
                        .addNewTopologySpreadConstraint()
                        .withMaxSkew(2)
                        .withTopologyKey("topology.kubernetes.io/zone")
                        .withWhenUnsatisfiable("DoNotSchedule")
                        .withNewLabelSelector()
                        .withMatchLabels(Map.of("app", "web"))
                        .endLabelSelector()
                        .withMinDomains(3)
                        .withNodeTaintsPolicy("Honor")
                        .endTopologySpreadConstraint()
                        .withContainers(
                                new ContainerBuilder(container("app", "100m", "64Mi"))
                                        .addNewPort()
                                        .withContainerPort(8080)
                                        .withHostPort(80)
                                        .endPort()
                                        .addNewPort()
                                        .withContainerPort(9090)
                                        .endPort()
                                        .build())
                        .withInitContainers(
                                new ContainerBuilder(sidecar("proxy", "10m", "8Mi"))
                                        .addNewPort()
                                        .withContainerPort(15000)
                                        .withHostPort(15000)
                                        .withProtocol("UDP")
                                        .withHostIP("10.0.0.1")
                                        .endPort()
                                        .build())
                        .addNewSchedulingGate()
                        .withName("wait-for-quota")
                        .endSchedulingGate()
                        .endSpec()
                        .build();

        ObservedPod observed = PodTranslator.translate(p);
        Pod core = observed.pod();

        assertThat(core.key()).isEqualTo("shop/web-1");
        assertThat(core.uid()).isEqualTo("uid-web-1");
        assertThat(core.labels()).isEqualTo(Labels.of("app", "web", "rev", "r7"));
        assertThat(core.annotations())
                .containsEntry("cluster-autoscaler.kubernetes.io/safe-to-evict", "true");
        assertThat(core.creationTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(core.owner())
                .isEqualTo(OwnerReference.controller("ReplicaSet", "web-5d8f", "u1"));
        assertThat(core.priority()).isEqualTo(1000);
        assertThat(core.nodeSelector()).isEqualTo(Labels.of("disk", "ssd"));
        assertThat(core.tolerations())
                .containsExactly(
                        Toleration.equal("dedicated", "db", TaintEffect.NO_SCHEDULE),
                        Toleration.everything());
        assertThat(core.requiredNodeAffinity())
                .isEqualTo(
                        new NodeSelector(
                                List.of(
                                        new NodeSelectorTerm(
                                                List.of(Requirement.in("zone", "a", "b")),
                                                List.of(
                                                        Requirement.notIn(
                                                                "metadata.name", "bad-node"))))));
        assertThat(core.antiAffinityTerms())
                .containsExactly(
                        new PodAffinityTerm(
                                LabelSelector.of(
                                        Map.of("app", "web"), List.of(Requirement.in("rev", "r7"))),
                                "kubernetes.io/hostname",
                                Set.of("shop"),
                                null));
        assertThat(core.affinityTerms())
                .containsExactly(
                        new PodAffinityTerm(
                                LabelSelector.matchLabels("app", "cache"),
                                "topology.kubernetes.io/zone",
                                Set.of(),
                                LabelSelector.EVERYTHING));
        assertThat(core.spreadConstraints())
                .containsExactly(
                        new TopologySpreadConstraint(
                                2,
                                "topology.kubernetes.io/zone",
                                true,
                                LabelSelector.matchLabels("app", "web"),
                                3,
                                true,
                                true,
                                List.of()));
        assertThat(core.hostPorts())
                .containsExactly(HostPort.tcp(80), new HostPort("UDP", "10.0.0.1", 15000));
        assertThat(core.schedulingGates()).containsExactly("wait-for-quota");

        assertThat(observed.state()).isEqualTo(SchedulingState.GATED);
        assertThat(observed.schedulerName()).isEqualTo("custom");
        assertThat(core.lifecycle())
                .isEqualTo(
                        new PodLifecycle(
                                PodLifecycle.Phase.PENDING,
                                PodLifecycle.RestartPolicy.ON_FAILURE,
                                null,
                                Duration.ofSeconds(45)));
    }

    @Test
    void defaultsWhenFieldsAreAbsent() throws Exception {
        ObservedPod observed = PodTranslator.translate(pod("plain").build());
        assertThat(observed.pod().owner()).isNull();
        assertThat(observed.pod().priority()).isZero();
        assertThat(observed.schedulerName()).isEqualTo("default-scheduler");
        assertThat(observed.pod().lifecycle())
                .isEqualTo(
                        new PodLifecycle(
                                PodLifecycle.Phase.PENDING,
                                PodLifecycle.RestartPolicy.ALWAYS,
                                null,
                                Duration.ofSeconds(30)));
        assertThat(observed.pod().volumes()).isEmpty();
        assertThat(observed.state()).isEqualTo(SchedulingState.UNPROCESSED);
    }

    @Test
    void unschedulablePendingPodCarriesWhenItBecameSo() throws Exception {
        io.fabric8.kubernetes.api.model.Pod p =
                pod("pending")
                        .withNewStatus()
                        .withPhase("Pending")
                        .addNewCondition()
                        .withType("PodScheduled")
                        .withStatus("False")
                        .withReason("Unschedulable")
                        .withLastTransitionTime("2026-03-01T10:00:00Z")
                        .endCondition()
                        .endStatus()
                        .build();
        ObservedPod observed = PodTranslator.translate(p);
        assertThat(observed.state()).isEqualTo(SchedulingState.UNSCHEDULABLE);
        assertThat(observed.unschedulableSince()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void boundPodTerminatingWithLifecycleFields() throws Exception {
        io.fabric8.kubernetes.api.model.Pod p =
                pod("old")
                        .editMetadata()
                        .withDeletionTimestamp("2026-03-01T10:00:00Z")
                        .endMetadata()
                        .editSpec()
                        .withNodeName("n1")
                        .endSpec()
                        .withNewStatus()
                        .withPhase("Running")
                        .withNominatedNodeName("n2")
                        .endStatus()
                        .build();
        ObservedPod observed = PodTranslator.translate(p);
        assertThat(observed.state()).isEqualTo(SchedulingState.BOUND);
        assertThat(observed.pod().nodeName()).isEqualTo("n1");
        assertThat(observed.pod().nominatedNodeName()).isEqualTo("n2");
        assertThat(observed.pod().terminating()).isTrue();
        assertThat(observed.pod().lifecycle().deletionTime())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(observed.pod().lifecycle().phase()).isEqualTo(PodLifecycle.Phase.RUNNING);
        assertThat(
                        observed.pod()
                                .lifecycle()
                                .terminatingLongerThanGracePlus(
                                        Duration.ZERO, Instant.parse("2026-03-01T10:00:31Z")))
                .isTrue();
    }

    @Test
    void finishedPodsAreTerminalByPhaseAndRestartPolicy() throws Exception {
        record Case(
                String phase,
                String restartPolicy,
                PodLifecycle.Phase expected,
                boolean terminal) {}
        List<Case> cases =
                List.of(
                        new Case("Succeeded", "Never", PodLifecycle.Phase.SUCCEEDED, true),
                        new Case("Succeeded", "OnFailure", PodLifecycle.Phase.SUCCEEDED, true),
                        new Case("Succeeded", null, PodLifecycle.Phase.SUCCEEDED, false),
                        new Case("Failed", "Always", PodLifecycle.Phase.FAILED, true),
                        new Case("Running", "Never", PodLifecycle.Phase.RUNNING, false),
                        new Case("Unknown", "Never", PodLifecycle.Phase.UNKNOWN, false),
                        new Case("Hibernating", "Never", PodLifecycle.Phase.UNKNOWN, false));
        for (Case c : cases) {
            io.fabric8.kubernetes.api.model.Pod p =
                    pod("job")
                            .editSpec()
                            .withRestartPolicy(c.restartPolicy())
                            .endSpec()
                            .withNewStatus()
                            .withPhase(c.phase())
                            .endStatus()
                            .build();
            PodLifecycle lifecycle = PodTranslator.translate(p).pod().lifecycle();
            assertThat(lifecycle.phase()).as(c.toString()).isEqualTo(c.expected());
            assertThat(lifecycle.terminal()).as(c.toString()).isEqualTo(c.terminal());
        }
    }

    @Test
    void negativeGracePeriodCountsAsZeroAndBadRestartPolicyIsRejected() throws Exception {
        io.fabric8.kubernetes.api.model.Pod negative =
                pod("now").editSpec().withTerminationGracePeriodSeconds(-5L).endSpec().build();
        assertThat(PodTranslator.translate(negative).pod().lifecycle().terminationGracePeriod())
                .isEqualTo(Duration.ZERO);

        io.fabric8.kubernetes.api.model.Pod bad =
                pod("bad-restart").editSpec().withRestartPolicy("Sometimes").endSpec().build();
        assertThatThrownBy(() -> PodTranslator.translate(bad))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("shop/bad-restart")
                .hasMessageContaining("spec.restartPolicy")
                .hasMessageContaining("Sometimes");
    }

    @Test
    void volumesSplitIntoLocalStorageAndClaimsResolvedByTheLookup() throws Exception {
        NodeSelector pinned =
                NodeSelector.of(
                        NodeSelectorTerm.of(Requirement.in("kubernetes.io/hostname", "n7")));
        VolumeLookup lookup =
                (ns, claim) ->
                        switch (claim) {
                            case "data" ->
                                    new ClaimBinding.Bound(
                                            new BoundVolume("data", pinned, Labels.EMPTY));
                            case "scratch-eph" -> ClaimBinding.WAITS_FOR_CONSUMER;
                            default -> new ClaimBinding.Unusable("no " + ns + "/" + claim);
                        };
        io.fabric8.kubernetes.api.model.Pod p =
                pod("scratch")
                        .editSpec()
                        .addNewVolume()
                        .withName("logs")
                        .withNewHostPath()
                        .withPath("/var/log")
                        .endHostPath()
                        .endVolume()
                        .addNewVolume()
                        .withName("tmp")
                        .withNewEmptyDir()
                        .endEmptyDir()
                        .endVolume()
                        .addNewVolume()
                        .withName("shm")
                        .withNewEmptyDir()
                        .withMedium("Memory")
                        .endEmptyDir()
                        .endVolume()
                        .addNewVolume()
                        .withName("cfg")
                        .withNewConfigMap()
                        .withName("cfg")
                        .endConfigMap()
                        .endVolume()
                        .addNewVolume()
                        .withName("data")
                        .withNewPersistentVolumeClaim()
                        .withClaimName("data")
                        .endPersistentVolumeClaim()
                        .endVolume()
                        .addNewVolume()
                        .withName("eph")
                        .withNewEphemeral()
                        .endEphemeral()
                        .endVolume()
                        .endSpec()
                        .build();

        ObservedPod observed = PodTranslator.translate(p, lookup);

        assertThat(observed.pod().volumes())
                .containsExactly(
                        new PodVolume("logs", PodVolume.Kind.HOST_PATH),
                        new PodVolume("tmp", PodVolume.Kind.EMPTY_DIR),
                        new PodVolume("shm", PodVolume.Kind.MEMORY_EMPTY_DIR),
                        new PodVolume("cfg", PodVolume.Kind.OTHER),
                        new PodVolume("data", PodVolume.Kind.OTHER),
                        new PodVolume("eph", PodVolume.Kind.OTHER));
        assertThat(
                        observed.pod().volumes().stream()
                                .filter(PodVolume::isLocalStorage)
                                .map(PodVolume::name))
                .containsExactly("logs", "tmp");
        assertThat(observed.claimNames()).containsExactly("data", "scratch-eph");
        assertThat(observed.pod().boundVolumes())
                .containsExactly(new BoundVolume("data", pinned, Labels.EMPTY));
        assertThat(observed.pod().unboundImmediateClaims()).isFalse();

        VolumeLookup nothingKnown = (ns, claim) -> new ClaimBinding.Unusable("missing");
        assertThat(PodTranslator.translate(p, nothingKnown).pod().unboundImmediateClaims())
                .isTrue();
    }

    @Test
    void badQuantityNamesThePodAndTheField() {
        io.fabric8.kubernetes.api.model.Pod p =
                pod("bad")
                        .editSpec()
                        .withContainers(
                                container("ok", "1", "1Gi"), container("broken", "1.2.3", "1Gi"))
                        .endSpec()
                        .build();
        assertThatThrownBy(() -> PodTranslator.translate(p))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("shop/bad")
                .hasMessageContaining("spec.containers[1].resources.requests")
                .hasMessageContaining("cpu")
                .hasMessageContaining("1.2.3");
    }

    @Test
    void badSelectorOperatorNamesTheField() {
        io.fabric8.kubernetes.api.model.Pod p =
                pod("bad-op")
                        .editSpec()
                        .withNewAffinity()
                        .withNewNodeAffinity()
                        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
                        .addNewNodeSelectorTerm()
                        .addNewMatchExpression()
                        .withKey("zone")
                        .withOperator("Within")
                        .withValues("a")
                        .endMatchExpression()
                        .endNodeSelectorTerm()
                        .endRequiredDuringSchedulingIgnoredDuringExecution()
                        .endNodeAffinity()
                        .endAffinity()
                        .endSpec()
                        .build();
        assertThatThrownBy(() -> PodTranslator.translate(p))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("shop/bad-op")
                .hasMessageContaining("nodeSelectorTerms[0].matchExpressions[0]")
                .hasMessageContaining("Within");
    }

    @Test
    void badTolerationOperatorAndSpreadPolicyAreRejected() {
        io.fabric8.kubernetes.api.model.Pod tol =
                pod("t").editSpec()
                        .addNewToleration()
                        .withKey("k")
                        .withOperator("Maybe")
                        .endToleration()
                        .endSpec()
                        .build();
        assertThatThrownBy(() -> PodTranslator.translate(tol))
                .hasMessageContaining("spec.tolerations[0].operator");

        io.fabric8.kubernetes.api.model.Pod spread =
                pod("s").editSpec()
                        .addNewTopologySpreadConstraint()
                        .withMaxSkew(1)
                        .withTopologyKey("zone")
                        .withWhenUnsatisfiable("Sometimes")
                        .endTopologySpreadConstraint()
                        .endSpec()
                        .build();
        assertThatThrownBy(() -> PodTranslator.translate(spread))
                .hasMessageContaining("spec.topologySpreadConstraints[0].whenUnsatisfiable");
    }
}
