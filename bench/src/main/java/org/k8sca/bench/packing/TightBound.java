package org.k8sca.bench.packing;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.resources.Resources;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lower bounds tighter than the volume bound, each still valid (no packing that the scheduler would
 * accept uses fewer nodes), and the largest of them.
 *
 * <ul>
 *   <li><b>volume</b>: {@link LowerBound#nodes}, CPU, memory and pod slots summed;
 *   <li><b>per kind</b>: {@link LowerBound#nodesByKind}, how many pods of one request fit side by
 *       side;
 *   <li><b>shape</b>: the pods do not split, so a 3-CPU pod on a node with 4 free CPU leaves 1 CPU
 *       that only smaller pods can use. Dual feasible functions (Fekete and Schepers) turn that
 *       into a number: a function u of a pod's size such that the pods of any one node have u
 *       summing to at most 1, so the sum of u over all pods, rounded up, is a bound. Applied to
 *       every mix λ·cpu + (1−λ)·memory of the two shares (valid for any λ in [0, 1], because both
 *       shares sum to at most 1 on a node), with two families of u; the largest result wins;
 *   <li><b>anti-affinity</b>: pods that carry a required anti-affinity term on the hostname and
 *       match it themselves cannot share a node, so each such set needs as many nodes as it has
 *       pods.
 * </ul>
 *
 * @param volume the volume bound
 * @param perKind the per-kind bound
 * @param shape the dual-feasible-function bound
 * @param antiAffinity the largest set of mutually anti-affine pods
 */
public record TightBound(int volume, int perKind, int shape, int antiAffinity) {

    private static final String HOSTNAME = "kubernetes.io/hostname";

    /** Mixes of CPU and memory tried, 0, 1/STEPS, ..., 1. */
    private static final int STEPS = 40;

    /** Rounding slack that keeps the floating-point sums on the safe (low) side. */
    private static final double EPSILON = 1e-9;

    public static TightBound of(Collection<Pod> pods, Resources free) {
        return new TightBound(
                LowerBound.nodes(pods, free),
                LowerBound.nodesByKind(pods, free),
                byShape(pods, free),
                byAntiAffinity(pods));
    }

    /** The largest of the bounds. */
    public int nodes() {
        return Math.max(Math.max(volume, perKind), Math.max(shape, antiAffinity));
    }

    /** Which bound is the largest (the first of equals, in the order of the components). */
    public String dominant() {
        int n = nodes();
        if (volume == n) {
            return "volume";
        }
        if (perKind == n) {
            return "per-kind";
        }
        return shape == n ? "shape" : "anti-affinity";
    }

    static int byShape(Collection<Pod> pods, Resources free) {
        double[] cpu = new double[pods.size()];
        double[] memory = new double[pods.size()];
        int i = 0;
        for (Pod p : pods) {
            cpu[i] = (double) p.requests().milliCpu() / free.milliCpu();
            memory[i] = (double) p.requests().memoryBytes() / free.memoryBytes();
            i++;
        }
        double[] size = new double[pods.size()];
        int best = 0;
        for (int step = 0; step <= STEPS; step++) {
            double lambda = (double) step / STEPS;
            for (int j = 0; j < size.length; j++) {
                size[j] = lambda * cpu[j] + (1 - lambda) * memory[j];
            }
            for (int k = 1; k <= 20; k++) {
                double sum = 0;
                for (double x : size) {
                    sum += roundingUp(x, k);
                }
                best = Math.max(best, ceil(sum));
            }
            for (int e = 0; e <= 50; e++) {
                double sum = 0;
                for (double x : size) {
                    sum += threshold(x, e / 100.0);
                }
                best = Math.max(best, ceil(sum));
            }
        }
        return best;
    }

    /**
     * u_k(x) = x when (k+1)·x is a whole number, else floor((k+1)·x) / k: k pods just over 1/(k+1)
     * each count as 1/k, because k+1 of them never fit. Near a whole number, where floating point
     * cannot tell which case holds, the smaller of the two values is taken.
     */
    static double roundingUp(double x, int k) {
        double y = (k + 1) * x;
        double whole = Math.rint(y);
        if (Math.abs(y - whole) < 1e-7) {
            return Math.min(x, (whole - 1) / k);
        }
        return Math.floor(y) / k;
    }

    /**
     * u_ε(x) = 1 for pods larger than 1 − ε, 0 for pods smaller than ε, x between (ε ≤ 1/2): a pod
     * over 1 − ε leaves room only for pods under ε. Boundaries are taken on the low side.
     */
    static double threshold(double x, double epsilon) {
        if (x > 1 - epsilon + 1e-7) {
            return 1;
        }
        if (x >= epsilon + 1e-7) {
            return x;
        }
        return 0;
    }

    private static int ceil(double sum) {
        return (int) Math.ceil(sum - EPSILON * Math.max(1, sum));
    }

    static int byAntiAffinity(Collection<Pod> pods) {
        Map<PodAffinityTerm, Integer> counts = new HashMap<>();
        for (Pod p : pods) {
            List<PodAffinityTerm> terms = p.antiAffinityTerms();
            for (PodAffinityTerm t : terms) {
                if (HOSTNAME.equals(t.topologyKey()) && t.matches(p, Labels.EMPTY)) {
                    counts.merge(t, 1, Integer::sum);
                }
            }
        }
        int most = 0;
        for (int c : counts.values()) {
            most = Math.max(most, c);
        }
        return most;
    }
}
