package org.k8sca.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Summarises a JFR recording: the share of CPU samples whose stack contains each method of a
 * package (inclusive time) and the share per top frame (self time); and the same for the bytes
 * allocated, from JFR's allocation samples (each weighted by the bytes it stands for). Used to say
 * what dominates a benchmark:
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=run.jfr,settings=profile -cp bench/target/benchmarks.jar org.k8sca.bench.Macro scaledown 5000x30
 * java -cp bench/target/benchmarks.jar org.k8sca.bench.JfrSummary run.jfr [package prefix, default org.k8sca.core] [lines, default 15]
 * </pre>
 */
public final class JfrSummary {

    private static int shown = 15;

    private JfrSummary() {}

    /** Inclusive and self weights of one kind of sample. */
    private static final class Profile {
        final Map<String, Long> inclusive = new HashMap<>();
        final Map<String, Long> self = new HashMap<>();
        long total;
        int samples;

        void add(List<RecordedFrame> frames, long weight, String prefix) {
            samples++;
            total += weight;
            self.merge(name(frames.get(0)), weight, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (n.startsWith(prefix) && seen.add(n)) {
                    inclusive.merge(n, weight, Long::sum);
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrSummary recording.jfr [package prefix] [lines]");
            System.exit(2);
        }
        String prefix = args.length > 1 ? args[1] : "org.k8sca.core";
        shown = args.length > 2 ? Integer.parseInt(args[2]) : shown;
        Profile cpu = new Profile();
        Profile alloc = new Profile();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            boolean isCpu = type.equals("jdk.ExecutionSample");
            boolean isAlloc = type.equals("jdk.ObjectAllocationSample");
            if ((!isCpu && !isAlloc) || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            if (isCpu) {
                cpu.add(frames, 1, prefix);
            } else {
                alloc.add(frames, e.getLong("weight"), prefix);
            }
        }
        System.out.println(
                cpu.samples
                        + " CPU samples (stacks are truncated at JFR's default depth of 64"
                        + " frames)");
        print("inclusive, methods of " + prefix, cpu.inclusive, cpu.total);
        print("self (top frame)", cpu.self, cpu.total);
        if (alloc.samples > 0) {
            System.out.println(
                    String.format(
                            Locale.ROOT,
                            "%d allocation samples standing for %.1f MiB",
                            alloc.samples,
                            alloc.total / (1024.0 * 1024.0)));
            print("allocated bytes, inclusive, methods of " + prefix, alloc.inclusive, alloc.total);
            print("allocated bytes, self (allocating frame)", alloc.self, alloc.total);
        }
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Long> weights, long total) {
        System.out.println("-- " + title);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(weights.entrySet());
        sorted.sort(
                Map.Entry.<String, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(shown, sorted.size()))) {
            System.out.println(
                    String.format(
                            Locale.ROOT,
                            "%5.1f %%  %s",
                            100.0 * e.getValue() / Math.max(1, total),
                            e.getKey()));
        }
    }
}
