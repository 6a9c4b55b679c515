package org.k8sca.app.simulate;

import org.k8sca.app.decide.Decision;
import org.k8sca.app.decide.DecisionPass;
import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.model.Node;
import org.k8sca.core.scaledown.ScaleDownOptions;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.provider.KamateraCloudProvider;
import org.k8sca.kamatera.provider.NodeMetadata;
import org.k8sca.kamatera.provider.ProviderOptions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One offline decision over a snapshot: the real Kamatera provider over the snapshot's servers
 * ({@link SnapshotKamateraApi}), and one pass of the autoscaler's own {@link DecisionPass} at
 * "now", as the first loop of a freshly started autoscaler would run it.
 *
 * <p>Scale-down answers "which nodes would go once they have been unneeded long enough": the pass
 * runs with unneeded and unready times of zero, as if every timer had already run out, and with
 * parallelism budgets as large as the cluster, so that every node is evaluated and every removal
 * counts against its group's minimum size and the cluster's resource minimums. Everything else (pod
 * ages, cooldowns, the cluster's health) is as at "now". Real loops remove the same nodes a few at
 * a time.
 */
public final class Simulation {

    private Simulation() {}

    /**
     * @param config the validated cloud config
     * @param snapshot the recorded state
     * @param settings the decision settings (from the command-line flags)
     * @param now the simulation's "now"
     */
    public static SimulationReport run(
            CloudConfig config, Snapshot snapshot, DecisionSettings settings, Instant now) {
        SimulationClock clock = new SimulationClock(now);
        SnapshotKamateraApi api = new SnapshotKamateraApi(snapshot.servers());
        KamateraCloudProvider provider =
                new KamateraCloudProvider(
                        config,
                        api,
                        ProviderOptions.defaults().withClock(clock),
                        NodeMetadata.NONE);
        provider.refresh();
        DecisionPass pass =
                new DecisionPass(timersElapsed(settings, snapshot.cluster().nodes().size()), clock);
        Decision decision = pass.decide(snapshot.cluster(), provider);

        List<String> notes = new ArrayList<>();
        decision.stopReason().ifPresent(r -> notes.add("planning stopped: " + r));
        if (!settings.scaleDownEnabled()) {
            notes.add("scale-down is disabled (--scale-down-enabled=false)");
        }
        decision.scaleDown()
                .flatMap(plan -> plan.cooldown())
                .ifPresent(
                        why ->
                                notes.add(
                                        "scale-down selects nothing this loop: "
                                                + why
                                                + "; so unneeded nodes are listed without the"
                                                + " min-size and resource-minimum checks"));
        for (String kind : snapshot.ignoredKinds()) {
            notes.add(
                    "ignored the "
                            + kind
                            + " objects of the snapshot: the autoscaler does not read them");
        }
        for (String call : api.refusedCalls()) {
            notes.add(
                    "the provider asked to " + call + "; refused, simulate never changes servers");
        }
        return ReportBuilder.build(
                now,
                decision.scaleUp(),
                decision.scaleDown(),
                groupOfNode(snapshot, provider),
                notes);
    }

    /**
     * The settings with every unneeded and unready timer taken as elapsed, and budgets that let
     * every node of the cluster be evaluated and selected in this one pass.
     */
    static DecisionSettings timersElapsed(DecisionSettings settings, int nodeCount) {
        NodeGroupOptions d = settings.groupDefaults();
        NodeGroupOptions noWait =
                new NodeGroupOptions(
                        d.scaleDownUtilizationThreshold(),
                        d.scaleDownGpuUtilizationThreshold(),
                        Duration.ZERO,
                        Duration.ZERO,
                        d.maxNodeProvisionTime(),
                        d.maxNodeStartupTime(),
                        d.zeroOrMaxNodeScaling(),
                        d.allowNonAtomicScaleUpToMax(),
                        d.ignoreDaemonSetsUtilization());
        ScaleDownOptions down = settings.scaleDown();
        int budget = Math.max(1, nodeCount);
        return settings.withScaleDown(
                down.toBuilder()
                        .groupDefaults(noWait)
                        .maxScaleDownParallelism(Math.max(down.maxScaleDownParallelism(), budget))
                        .maxDrainParallelism(Math.max(down.maxDrainParallelism(), budget))
                        .build());
    }

    private static Map<String, String> groupOfNode(
            Snapshot snapshot, KamateraCloudProvider provider) {
        Map<String, String> out = new HashMap<>();
        for (Node node : snapshot.cluster().nodes()) {
            provider.nodeGroupFor(node).ifPresent(g -> out.put(node.name(), g.id()));
        }
        return out;
    }
}
