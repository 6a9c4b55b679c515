package org.k8sca.bench.macro;

import java.util.Arrays;

/**
 * Order statistics of repeated measurements, by the nearest-rank method: with n samples, p99 is the
 * ceil(0.99 n)-th smallest, which is the maximum when n is below 100.
 *
 * @param count the number of samples
 * @param min the smallest
 * @param median the ceil(n/2)-th smallest
 * @param p99 the ceil(0.99 n)-th smallest
 * @param max the largest
 */
public record Stats(int count, long min, long median, long p99, long max) {

    public static Stats of(long[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples to summarise");
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Stats(
                sorted.length,
                sorted[0],
                rank(sorted, 0.50),
                rank(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, double p) {
        int r = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, r - 1)];
    }
}
