package org.k8sca.testkit.sandbox;

import org.k8sca.testkit.VirtualCluster;
import org.k8sca.testkit.Workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The demo's workload: Deployments whose replicas follow a fixed curve over virtual time, two waves
 * of {@code web} (the second one served by the warm pool), a {@code cache} that only fits the
 * high-memory group, an {@code analytics} pod too big for any group, and an {@code api} with a
 * PodDisruptionBudget. The seed varies the heights of the waves, nothing else, so every seed shows
 * the same story.
 */
final class DemoWorkload {

    /**
     * One change: at {@code at} after the start, {@code workload} is applied.
     *
     * @param at virtual time since the demo started
     * @param workload the workload with its new replica count
     */
    record Change(Duration at, Workload workload) {}

    static final Workload WEB = Workload.of("web", 4, "500m", "512Mi");
    static final Workload API = Workload.of("api", 3, "250m", "256Mi");
    static final Workload CACHE = Workload.of("cache", 0, "1", "6Gi");
    static final Workload ANALYTICS = Workload.of("analytics", 0, "6", "8Gi");

    private final List<Change> changes;
    private int next;

    private DemoWorkload(List<Change> changes) {
        this.changes = changes;
    }

    /** The curve for {@code seed}. */
    static DemoWorkload forSeed(long seed) {
        Random random = new Random(seed);
        int firstPeak = 11 + random.nextInt(4);
        int secondPeak = 8 + random.nextInt(3);
        List<Change> changes = new ArrayList<>();
        changes.add(new Change(Duration.ZERO, WEB));
        changes.add(new Change(Duration.ZERO, API));
        changes.add(new Change(minutes(2), WEB.withReplicas(firstPeak)));
        changes.add(new Change(minutes(4), CACHE.withReplicas(2)));
        changes.add(new Change(minutes(6), ANALYTICS.withReplicas(1)));
        changes.add(new Change(minutes(9), ANALYTICS.withReplicas(0)));
        changes.add(new Change(minutes(11), WEB.withReplicas(3)));
        changes.add(new Change(minutes(13), CACHE.withReplicas(0)));
        changes.add(new Change(minutes(19), WEB.withReplicas(secondPeak)));
        changes.add(new Change(minutes(25), WEB.withReplicas(2)));
        changes.sort(Comparator.comparing(Change::at));
        return new DemoWorkload(List.copyOf(changes));
    }

    /** Every change, in order of time. */
    List<Change> changes() {
        return changes;
    }

    /** Creates the PodDisruptionBudget of {@code api} (at most one of its pods down). */
    void addDisruptionBudgets(VirtualCluster cluster) {
        cluster.addDisruptionBudget(API, 1);
    }

    /**
     * Applies the changes due at {@code elapsed} that were not applied yet.
     *
     * @return the changes applied now, in order
     */
    List<Change> applyDue(VirtualCluster cluster, Duration elapsed) {
        List<Change> applied = new ArrayList<>();
        while (next < changes.size() && changes.get(next).at().compareTo(elapsed) <= 0) {
            Change c = changes.get(next++);
            cluster.apply(c.workload());
            applied.add(c);
        }
        return applied;
    }

    /** What the header says about the workload. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Change c : changes) {
            Workload w = c.workload();
            lines.add(
                    "  at "
                            + Narrator.clock(c.at())
                            + "  "
                            + w.name()
                            + " -> "
                            + w.replicas()
                            + (w.replicas() == 1 ? " pod of " : " pods of ")
                            + w.cpu()
                            + " cpu, "
                            + w.memory()
                            + (w.name().equals(API.name()) ? " (PDB: at most 1 down)" : ""));
        }
        return lines;
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }
}
