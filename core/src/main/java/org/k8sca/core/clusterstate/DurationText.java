package org.k8sca.core.clusterstate;

import java.time.Duration;

/**
 * Durations in the short form users know from the command line: {@code 15m}, {@code 1h30m}, {@code
 * 45s}.
 */
final class DurationText {

    private DurationText() {}

    static String of(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long seconds = d.getSeconds();
        StringBuilder out = new StringBuilder();
        if (seconds < 0) {
            out.append('-');
            seconds = -seconds;
        }
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (s > 0 || out.length() == 0 || (out.length() == 1 && out.charAt(0) == '-')) {
            out.append(s).append('s');
        }
        return out.toString();
    }
}
