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
 * Summarises the CPU samples of a JFR recording: the share of samples whose stack contains each
 * method of a package (inclusive time) and the share per top frame (self time). Used to say what
 * dominates a benchmark:
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=run.jfr,settings=profile -cp bench/target/benchmarks.jar org.k8sca.bench.Macro scaledown 5000x30
 * java -cp bench/target/benchmarks.jar org.k8sca.bench.JfrSummary run.jfr [package prefix, default org.k8sca.core]
 * </pre>
 */
public final class JfrSummary {

    private static final int SHOWN = 15;

    private JfrSummary() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrSummary recording.jfr [package prefix]");
            System.exit(2);
        }
        String prefix = args.length > 1 ? args[1] : "org.k8sca.core";
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")
                    || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (n.startsWith(prefix) && seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.println(
                samples
                        + " CPU samples (stacks are truncated at JFR's default depth of 64"
                        + " frames)");
        print("inclusive, methods of " + prefix, inclusive, samples);
        print("self (top frame)", self, samples);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples) {
        System.out.println("-- " + title);
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(
                Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(SHOWN, sorted.size()))) {
            System.out.println(
                    String.format(
                            Locale.ROOT,
                            "%5.1f %%  %s",
                            100.0 * e.getValue() / Math.max(1, samples),
                            e.getKey()));
        }
    }
}
