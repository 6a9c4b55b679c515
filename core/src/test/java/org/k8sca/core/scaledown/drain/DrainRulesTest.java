package org.k8sca.core.scaledown.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.scaledown.ScaleDownFixtures.rs;
import static org.k8sca.core.scaledown.ScaleDownFixtures.rsPod;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.k8sca.core.Fixtures;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.core.model.PodLifecycle;
import org.k8sca.core.model.PodVolume;
import org.k8sca.core.scaledown.drain.PodVerdict.Outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** One case per row of the drainability table (spec §3.4), plus the flags that switch rows off. */
class DrainRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final DrainRuleOptions DEFAULTS = DrainRuleOptions.UPSTREAM_DEFAULTS;
    private static final WorkloadControllers CONTROLLERS =
            new WorkloadControllers(
                    Map.of(
                            rs("web"),
                            3,
                            new ControllerKey("ReplicaSet", "kube-system", "dns"),
                            2,
                            new ControllerKey("DaemonSet", "default", "agent"),
                            1,
                            new ControllerKey("Job", "default", "batch"),
                            1));

    private static PodDisruptionBudget pdb(String namespace, String app, int allowed) {
        return new PodDisruptionBudget(
                namespace,
                "pdb-" + app,
                LabelSelector.of(Map.of("app", app), List.of()),
                null,
                null,
                allowed);
    }

    private static Pod web(UnaryOperator<Pod.Builder> change) {
        return change.apply(rsPod("w", "web", 100, 100).labels(Labels.of("app", "web"))).build();
    }

    private static final Pod.Builder bare() {
        return Fixtures.pod("bare", 100, 100);
    }

    static Stream<Arguments> table() {
        PodLifecycle deletedLongAgo =
                new PodLifecycle(
                        PodLifecycle.Phase.RUNNING,
                        PodLifecycle.RestartPolicy.ALWAYS,
                        NOW.minusSeconds(120),
                        Duration.ofSeconds(30));
        PodLifecycle deletedRecently =
                new PodLifecycle(
                        PodLifecycle.Phase.RUNNING,
                        PodLifecycle.RestartPolicy.ALWAYS,
                        NOW.minusSeconds(30),
                        Duration.ofSeconds(30));
        return Stream.of(
                // 1 mirror pod: ignored even without an owner
                Arguments.of(
                        "1 mirror pod",
                        bare().annotations(Map.of(Pod.MIRROR_ANNOTATION, "x")).build(),
                        List.of(),
                        Outcome.IGNORE,
                        null),
                // 2 long-terminating pod: ignored even though unreplicated
                Arguments.of(
                        "2 long-terminating",
                        bare().lifecycle(deletedLongAgo).build(),
                        List.of(),
                        Outcome.IGNORE,
                        null),
                Arguments.of(
                        "2 terminating within grace still counts",
                        bare().lifecycle(deletedRecently).build(),
                        List.of(),
                        Outcome.BLOCK,
                        BlockReason.NOT_REPLICATED),
                // 3 controller must exist
                Arguments.of(
                        "3 missing ReplicaSet",
                        rsPod("o", "gone", 100, 100).build(),
                        List.of(),
                        Outcome.BLOCK,
                        BlockReason.CONTROLLER_NOT_FOUND),
                Arguments.of(
                        "3 missing DaemonSet",
                        bare().owner(OwnerReference.controller("DaemonSet", "gone", "u")).build(),
                        List.of(),
                        Outcome.BLOCK,
                        BlockReason.CONTROLLER_NOT_FOUND),
                // 4 DaemonSet pod
                Arguments.of(
                        "4 DaemonSet pod",
                        bare().owner(OwnerReference.controller("DaemonSet", "agent", "u")).build(),
                        List.of(),
                        Outcome.DAEMON_SET,
                        null),
                // 5 safe-to-evict true overrides later blocks (no owner, local storage,
                // kube-system, PDB 0)
                Arguments.of(
                        "5 safe-to-evict true",
                        Pod.builder("kube-system", "s")
                                .requests(org.k8sca.core.resources.Resources.ZERO)
                                .labels(Labels.of("app", "s"))
                                .annotations(Map.of(DrainRules.SAFE_TO_EVICT, "true"))
                                .volumes(List.of(new PodVolume("data", PodVolume.Kind.HOST_PATH)))
                                .build(),
                        List.of(pdb("kube-system", "s", 0)),
                        Outcome.MOVE,
                        null),
                // 6 terminal pods
                Arguments.of(
                        "6 succeeded job pod",
                        bare().lifecycle(
                                        new PodLifecycle(
                                                PodLifecycle.Phase.SUCCEEDED,
                                                PodLifecycle.RestartPolicy.NEVER,
                                                null,
                                                null))
                                .build(),
                        List.of(),
                        Outcome.IGNORE,
                        null),
                Arguments.of(
                        "6 failed pod",
                        bare().lifecycle(
                                        new PodLifecycle(
                                                PodLifecycle.Phase.FAILED,
                                                PodLifecycle.RestartPolicy.ALWAYS,
                                                null,
                                                null))
                                .build(),
                        List.of(),
                        Outcome.IGNORE,
                        null),
                Arguments.of(
                        "6 succeeded under Always is not terminal",
                        bare().lifecycle(
                                        new PodLifecycle(
                                                PodLifecycle.Phase.SUCCEEDED,
                                                PodLifecycle.RestartPolicy.ALWAYS,
                                                null,
                                                null))
                                .build(),
                        List.of(),
                        Outcome.BLOCK,
                        BlockReason.NOT_REPLICATED),
                // 7 on-completion
                Arguments.of(
                        "7 on-completion",
                        web(b -> b.annotations(Map.of(DrainRules.SAFE_TO_EVICT, "on-completion"))),
                        List.of(),
                        Outcome.WAIT_FOR_COMPLETION,
                        null),
                // 8 not replicated
                Arguments.of(
                        "8 no owner",
                        bare().build(),
                        List.of(),
                        Outcome.BLOCK,
                        BlockReason.NOT_REPLICATED),
                Arguments.of(
                        "8 custom controller",
                        bare().owner(OwnerReference.controller("Rollout", "r", "u")).build(),
                        List.of(),
                        Outcome.BLOCK,
                        BlockReason.NOT_REPLICATED),
                // 9 kube-system without PDB
                Arguments.of(
                        "9 kube-system without PDB",
                        dnsPod(null),
                        List.of(),
                        Outcome.BLOCK,
                        BlockReason.UNMOVABLE_KUBE_SYSTEM_POD),
                // 10 safe-to-evict false
                Arguments.of(
                        "10 safe-to-evict false",
                        web(b -> b.annotations(Map.of(DrainRules.SAFE_TO_EVICT, "false"))),
                        List.of(),
                        Outcome.BLOCK,
                        BlockReason.NOT_SAFE_TO_EVICT_ANNOTATION),
                // 11 local storage
                Arguments.of(
                        "11 hostPath",
                        web(
                                b ->
                                        b.volumes(
                                                List.of(
                                                        new PodVolume(
                                                                "logs",
                                                                PodVolume.Kind.HOST_PATH)))),
                        List.of(),
                        Outcome.BLOCK,
                        BlockReason.LOCAL_STORAGE_REQUESTED),
                Arguments.of(
                        "11 disk emptyDir",
                        web(
                                b ->
                                        b.volumes(
                                                List.of(
                                                        new PodVolume(
                                                                "tmp", PodVolume.Kind.EMPTY_DIR)))),
                        List.of(),
                        Outcome.BLOCK,
                        BlockReason.LOCAL_STORAGE_REQUESTED),
                Arguments.of(
                        "11 emptyDir listed as safe",
                        web(
                                b ->
                                        b.volumes(
                                                        List.of(
                                                                new PodVolume(
                                                                        "tmp",
                                                                        PodVolume.Kind.EMPTY_DIR)))
                                                .annotations(
                                                        Map.of(
                                                                DrainRules
                                                                        .SAFE_TO_EVICT_LOCAL_VOLUMES,
                                                                "cache, tmp"))),
                        List.of(),
                        Outcome.MOVE,
                        null),
                Arguments.of(
                        "11 memory emptyDir is not local storage",
                        web(
                                b ->
                                        b.volumes(
                                                List.of(
                                                        new PodVolume(
                                                                "shm",
                                                                PodVolume.Kind.MEMORY_EMPTY_DIR),
                                                        new PodVolume(
                                                                "cfg", PodVolume.Kind.OTHER)))),
                        List.of(),
                        Outcome.MOVE,
                        null),
                // 12 PDB
                Arguments.of(
                        "12 PDB exhausted",
                        web(b -> b),
                        List.of(pdb("default", "web", 0)),
                        Outcome.BLOCK,
                        BlockReason.NOT_ENOUGH_PDB),
                Arguments.of(
                        "12 PDB of another namespace does not apply",
                        web(b -> b),
                        List.of(pdb("other", "web", 0)),
                        Outcome.MOVE,
                        null),
                Arguments.of(
                        "default: replicated pod moves",
                        web(b -> b),
                        List.of(pdb("default", "web", 1)),
                        Outcome.MOVE,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void verdictPerRule(
            String rule,
            Pod pod,
            List<PodDisruptionBudget> pdbs,
            Outcome outcome,
            BlockReason reason) {
        PodVerdict v =
                new DrainRules(DEFAULTS, CONTROLLERS, NOW).verdict(pod, new PdbBudgets(pdbs));
        assertThat(v.outcome()).as(rule).isEqualTo(outcome);
        if (outcome == Outcome.BLOCK) {
            assertThat(v.blockReason()).as(rule).isEqualTo(reason);
        }
    }

    private static Pod dnsPod(Instant created) {
        return Pod.builder("kube-system", "dns-1")
                .requests(org.k8sca.core.resources.Resources.ZERO)
                .labels(Labels.of("app", "dns"))
                .creationTime(created)
                .owner(OwnerReference.controller("ReplicaSet", "dns", "u"))
                .build();
    }

    @Test
    void kubeSystemPodWithAnyPdbGoesOnToTheBudgetRule() {
        DrainRules rules = new DrainRules(DEFAULTS, CONTROLLERS, NOW);
        assertThat(
                        rules.verdict(
                                        dnsPod(null),
                                        new PdbBudgets(List.of(pdb("kube-system", "dns", 1))))
                                .outcome())
                .isEqualTo(Outcome.MOVE);
        assertThat(
                        rules.verdict(
                                        dnsPod(null),
                                        new PdbBudgets(List.of(pdb("kube-system", "dns", 0))))
                                .blockReason())
                .isEqualTo(BlockReason.NOT_ENOUGH_PDB);
    }

    @Test
    void kubeSystemPodOlderThanTheTimeoutIsDrainable() {
        DrainRules rules = new DrainRules(DEFAULTS, CONTROLLERS, NOW);
        assertThat(
                        rules.verdict(
                                        dnsPod(NOW.minus(Duration.ofMinutes(61))),
                                        new PdbBudgets(List.of()))
                                .outcome())
                .isEqualTo(Outcome.MOVE);
        assertThat(
                        rules.verdict(
                                        dnsPod(NOW.minus(Duration.ofMinutes(59))),
                                        new PdbBudgets(List.of()))
                                .blockReason())
                .isEqualTo(BlockReason.UNMOVABLE_KUBE_SYSTEM_POD);
    }

    @Test
    void flagsTurnRulesOff() {
        DrainRuleOptions lenient =
                new DrainRuleOptions(false, false, false, 0, Duration.ofHours(1));
        DrainRules rules = new DrainRules(lenient, WorkloadControllers.NONE, NOW);
        PdbBudgets none = new PdbBudgets(List.of());
        // Custom controllers count, and the controller need not be listed.
        assertThat(
                        rules.verdict(
                                        bare().owner(OwnerReference.controller("Rollout", "r", "u"))
                                                .build(),
                                        none)
                                .outcome())
                .isEqualTo(Outcome.MOVE);
        assertThat(rules.verdict(dnsPod(null), none).outcome()).isEqualTo(Outcome.MOVE);
        assertThat(
                        rules.verdict(
                                        web(
                                                b ->
                                                        b.volumes(
                                                                List.of(
                                                                        new PodVolume(
                                                                                "d",
                                                                                PodVolume.Kind
                                                                                        .HOST_PATH)))),
                                        none)
                                .outcome())
                .isEqualTo(Outcome.MOVE);
    }

    @Test
    void minReplicaCountBlocksSmallReplicaSetsOnly() {
        DrainRules rules =
                new DrainRules(
                        new DrainRuleOptions(true, true, true, 4, Duration.ofHours(1)),
                        CONTROLLERS,
                        NOW);
        PdbBudgets none = new PdbBudgets(List.of());
        assertThat(rules.verdict(web(b -> b), none).blockReason())
                .isEqualTo(BlockReason.MIN_REPLICAS_REACHED);
        Pod jobPod = bare().owner(OwnerReference.controller("Job", "batch", "u")).build();
        assertThat(rules.verdict(jobPod, none).outcome()).isEqualTo(Outcome.MOVE);
        DrainRules three =
                new DrainRules(
                        new DrainRuleOptions(true, true, true, 3, Duration.ofHours(1)),
                        CONTROLLERS,
                        NOW);
        assertThat(three.verdict(web(b -> b), none).outcome()).isEqualTo(Outcome.MOVE);
    }

    @Test
    void nodeDrainSortsMovesByPriorityAndReportsTheFirstBlockingPodByName() {
        DrainRules rules = new DrainRules(DEFAULTS, CONTROLLERS, NOW);
        Pod low = rsPod("a-low", "web", 100, 100).priority(1).build();
        Pod high = rsPod("b-high", "web", 100, 100).priority(100).build();
        Pod ds = bare().owner(OwnerReference.controller("DaemonSet", "agent", "u")).build();
        NodeDrain ok = rules.drain(List.of(low, ds, high), new PdbBudgets(List.of()));
        assertThat(ok.blocked()).isFalse();
        assertThat(ok.podsToMove()).containsExactly(high, low);
        assertThat(ok.daemonSetPods()).containsExactly(ds);

        Pod z = Fixtures.pod("z-orphan", 1, 1).build();
        Pod y = Fixtures.pod("y-orphan", 1, 1).build();
        NodeDrain blocked = rules.drain(List.of(z, low, y), new PdbBudgets(List.of()));
        assertThat(blocked.blockingPod()).isEqualTo(y);
        assertThat(blocked.blockReason()).isEqualTo(BlockReason.NOT_REPLICATED);
    }
}
