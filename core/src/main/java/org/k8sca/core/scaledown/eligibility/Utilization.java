package org.k8sca.core.scaledown.eligibility;

/**
 * How much of a node the pods' requests take.
 *
 * @param cpu cpu requests over allocatable cpu
 * @param memory memory requests over allocatable memory
 * @param gpu GPU requests over allocatable GPUs (0 when the node has none allocatable yet)
 * @param gpuNode whether the node is a GPU node, which is judged by GPU utilization alone
 */
public record Utilization(double cpu, double memory, double gpu, boolean gpuNode) {

    /**
     * The figure compared with the threshold: GPU for GPU nodes, else the larger of cpu and memory.
     */
    public double value() {
        return gpuNode ? gpu : Math.max(cpu, memory);
    }

    /** e.g. {@code cpu 20%, memory 35%}. */
    public String describe() {
        String base = "cpu " + percent(cpu) + ", memory " + percent(memory);
        return gpuNode ? base + ", gpu " + percent(gpu) : base;
    }

    private static String percent(double f) {
        return Math.round(f * 100) + "%";
    }
}
