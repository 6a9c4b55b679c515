package org.k8sca.bench.macro;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Times a repeated single-threaded action: wall time, CPU time and bytes allocated by the calling
 * thread per run, after warm-up runs that are not counted. CPU time is reported beside wall time
 * because the machine is shared: wall time includes waiting for a core, CPU time does not.
 */
public final class PassMeter {

    /** The measurements of one action. */
    public record Result(
            Stats nanos, Stats cpuNanos, Stats allocatedBytes, long heapAfterGcBytes) {}

    private final int warmup;
    private final int passes;

    public PassMeter(int warmup, int passes) {
        if (warmup < 0 || passes < 1) {
            throw new IllegalArgumentException(
                    "need warmup >= 0 and passes >= 1, got " + warmup + " and " + passes);
        }
        this.warmup = warmup;
        this.passes = passes;
    }

    public Result measure(Runnable pass) {
        return measure(() -> {}, pass);
    }

    /**
     * As {@link #measure(Runnable)}, with {@code setup} run before every pass (warm-up ones too)
     * and left out of the numbers: it puts back what a pass changed, so that every pass does the
     * same work.
     */
    public Result measure(Runnable setup, Runnable pass) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            setup.run();
            pass.run();
        }
        setup.run();
        long heap = heapAfterGc();
        long[] nanos = new long[passes];
        long[] cpu = new long[passes];
        long[] bytes = new long[passes];
        for (int i = 0; i < passes; i++) {
            if (i > 0) {
                setup.run();
            }
            long allocBefore = threads.getCurrentThreadAllocatedBytes();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            pass.run();
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuBefore;
            bytes[i] = threads.getCurrentThreadAllocatedBytes() - allocBefore;
        }
        return new Result(Stats.of(nanos), Stats.of(cpu), Stats.of(bytes), heap);
    }

    /** Heap in use after a full collection: what the cluster and the planner's state hold. */
    public static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
