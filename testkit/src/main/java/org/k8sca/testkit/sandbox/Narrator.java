package org.k8sca.testkit.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Prints the sandbox's lines: the virtual time since the demo started, a short kind, and what
 * happened, e.g. {@code 00:02:10 scale-up general +2 ...}. One place for the layout, so the
 * decision printer, the cluster watch and the workload all read alike.
 */
final class Narrator {
    private static final int KIND_WIDTH = 12;

    private final PrintStream out;
    private final Instant origin;

    /**
     * @param out where the lines go
     * @param origin the virtual time the demo started at (shown as 00:00:00)
     */
    Narrator(PrintStream out, Instant origin) {
        this.out = Objects.requireNonNull(out, "out");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** One line: {@code at} as time since the start, then {@code kind}, then {@code text}. */
    void line(Instant at, String kind, String text) {
        StringBuilder sb = new StringBuilder(elapsed(at)).append("  ").append(kind);
        sb.append(" ".repeat(Math.max(1, KIND_WIDTH - kind.length()))).append(text);
        synchronized (out) {
            out.println(sb);
            out.flush();
        }
    }

    /** A line with no time in front, for the header and the closing words. */
    void plain(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    /** The virtual time since the demo started. */
    Duration since(Instant at) {
        return Duration.between(origin, at);
    }

    /** {@code at} as {@code hh:mm:ss} since the start of the demo. */
    String elapsed(Instant at) {
        return clock(Duration.between(origin, at));
    }

    /** A duration as {@code hh:mm:ss}; negative durations (before the start) as 00:00:00. */
    static String clock(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
