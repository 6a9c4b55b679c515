package org.k8sca.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A batch Job the {@link WorkloadController} runs: a real Job object in the API and up to {@code
 * parallelism} pods at a time until {@code completions} pods have succeeded. A pod runs for {@code
 * runFor} of virtual time after it was bound, then completes (phase {@code Succeeded}), so it no
 * longer holds its node. A pod that is evicted or deleted before it completes is replaced by a new
 * one ({@code <name>-<n>}, counting up) that starts from the beginning.
 *
 * @param namespace where the Job and its pods live
 * @param name the Job's name
 * @param parallelism how many pods may run at once
 * @param completions how many pods must succeed
 * @param cpu the cpu request of each pod
 * @param memory the memory request of each pod
 * @param runFor how long a pod runs once bound
 * @param annotations the pods' annotations (e.g. safe-to-evict)
 */
public record JobWorkload(
        String namespace,
        String name,
        int parallelism,
        int completions,
        String cpu,
        String memory,
        Duration runFor,
        Map<String, String> annotations) {

    public JobWorkload {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runFor, "runFor");
        if (parallelism < 1 || completions < 1) {
            throw new IllegalArgumentException(
                    "job "
                            + name
                            + ": parallelism and completions must be >= 1, got "
                            + parallelism
                            + " and "
                            + completions);
        }
        if (runFor.isNegative() || runFor.isZero()) {
            throw new IllegalArgumentException(
                    "job " + name + ": runFor must be positive, got " + runFor);
        }
        annotations = Map.copyOf(annotations);
    }

    /**
     * A Job in namespace {@code default} of {@code completions} pods, {@code parallelism} at once,
     * each running {@code runFor}.
     */
    public static JobWorkload of(
            String name,
            int parallelism,
            int completions,
            String cpu,
            String memory,
            Duration runFor) {
        return new JobWorkload(
                "default", name, parallelism, completions, cpu, memory, runFor, Map.of());
    }

    public JobWorkload withAnnotations(Map<String, String> podAnnotations) {
        return new JobWorkload(
                namespace, name, parallelism, completions, cpu, memory, runFor, podAnnotations);
    }

    /** The label that ties the pods to their Job. */
    public Map<String, String> podLabels() {
        return Map.of("job-name", name);
    }
}
