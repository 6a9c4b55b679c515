package org.k8sca.core.scaledown.selection;

/**
 * The budgets and cluster minimums the selection respects.
 *
 * @param maxScaleDownParallelism {@code --max-scale-down-parallelism}: deletions in flight at once
 * @param maxDrainParallelism {@code --max-drain-parallelism}: drains in flight at once
 * @param emptyInFlight empty-node deletions already in flight
 * @param drainsInFlight drains already in flight
 * @param clusterMilliCpu total cpu capacity of the cluster's nodes, excluding nodes being deleted
 * @param clusterMemoryBytes total memory capacity, likewise
 * @param minMilliCpu the cluster minimum ({@code --cores-total} min, in millicores)
 * @param minMemoryBytes the cluster minimum ({@code --memory-total} min, in bytes)
 */
public record SelectionLimits(
        int maxScaleDownParallelism,
        int maxDrainParallelism,
        int emptyInFlight,
        int drainsInFlight,
        long clusterMilliCpu,
        long clusterMemoryBytes,
        long minMilliCpu,
        long minMemoryBytes) {

    public SelectionLimits {
        if (maxScaleDownParallelism < 0
                || maxDrainParallelism < 0
                || emptyInFlight < 0
                || drainsInFlight < 0) {
            throw new IllegalArgumentException(
                    "scale-down parallelism and in-flight counts must not be negative");
        }
    }
}
