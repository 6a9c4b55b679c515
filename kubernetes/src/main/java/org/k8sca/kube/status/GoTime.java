package org.k8sca.kube.status;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times written the way the Go autoscaler writes them, so tools that parse its status keep working.
 * Always in UTC: the autoscaler's container runs in UTC and upstream prints the local zone.
 */
public final class GoTime {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC3339_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private GoTime() {}

    /**
     * Go's {@code time.Time.String()} layout {@code 2006-01-02 15:04:05.999999999 -0700 MST}, e.g.
     * {@code 2020-11-25 08:19:44.090873082 +0000 UTC}; trailing zeros of the fraction are dropped.
     */
    public static String string(Instant t) {
        return SECONDS.format(t) + fraction(t) + " +0000 UTC";
    }

    /** Go's RFC3339Nano, e.g. {@code 2020-11-25T08:19:44.088071148Z}; trailing zeros dropped. */
    public static String rfc3339Nano(Instant t) {
        return RFC3339_SECONDS.format(t) + fraction(t) + "Z";
    }

    /** {@code .nnnnnnnnn} without trailing zeros, or nothing for a whole second. */
    private static String fraction(Instant t) {
        int nanos = t.getNano();
        if (nanos == 0) {
            return "";
        }
        String digits = String.format("%09d", nanos);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return "." + digits.substring(0, end);
    }
}
