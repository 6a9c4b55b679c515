package org.k8sca.kube.status;

import org.k8sca.core.clusterstate.Backoff;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.clusterstate.NodeCounts;
import org.k8sca.core.clusterstate.NodeGroupStatus;
import org.k8sca.core.clusterstate.ScaleUpActivity;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renders the status document in the YAML layout of upstream's {@code ClusterAutoscalerStatus} (the
 * format of CA 1.30 and later): the same keys in the same order, counts that upstream omits when
 * zero ({@code beingDeleted}, {@code candidates}) omitted, probe and transition times as quoted RFC
 * 3339 strings, and {@code time} in Go's {@code time.String()} layout.
 *
 * <p>Our additions, both omitted when zero so that a plain cluster looks exactly like upstream's:
 * {@code registered.suspended} counts warm-pool nodes whose server is powered off (they are also in
 * {@code registered.total}, as they are registered Nodes). {@code unready.resourceUnready} is
 * always 0: we do not track nodes waiting for device plugins separately.
 */
public final class StatusYaml {

    /**
     * Plain scalars that a YAML parser reads back as the same string: they start with a letter,
     * digit or underscore, hold only printable ASCII, have no {@code ": "} or {@code " #"} inside
     * and no space or colon at the end.
     */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][\\x20-\\x7e]*");

    /** Plain text that YAML would read as a boolean, null, number or date instead of a string. */
    private static final Pattern NOT_A_STRING =
            Pattern.compile(
                    "(?i)(true|false|yes|no|on|off|y|n|null|~|[-+]?(\\.inf|\\.nan)|[-+]?[0-9][0-9_.,:eE+-]*|[0-9]{4}-[0-9].*)");

    private final StringBuilder out = new StringBuilder();

    private StatusYaml() {}

    /** The document for {@code report}, ending with a newline. */
    public static String render(StatusReport report) {
        StatusYaml y = new StatusYaml();
        y.write(report);
        return y.out.toString();
    }

    private void write(StatusReport report) {
        line(0, "time", GoTime.string(report.time()));
        line(0, "autoscalerStatus", report.state().statusName());
        if (!report.message().isEmpty()) {
            line(0, "message", scalar(report.message()));
        }
        if (report.cluster().isEmpty()) {
            return;
        }
        ClusterStatus cluster = report.cluster().get();
        key(0, "clusterWide");
        key(2, "health");
        line(4, "status", cluster.health().statusName());
        nodeCounts(4, cluster.counts());
        times(4, cluster.lastProbeTime(), cluster.healthSince());
        key(2, "scaleUp");
        line(4, "status", cluster.scaleUp().statusName());
        times(4, cluster.lastProbeTime(), cluster.scaleUpSince());
        scaleDown(2, report.scaleDown().orElseThrow());
        if (cluster.groups().isEmpty()) {
            line(0, "nodeGroups", "[]");
            return;
        }
        key(0, "nodeGroups");
        for (NodeGroupStatus g : cluster.groups()) {
            out.append("- name: ").append(scalar(g.id())).append('\n');
            key(2, "health");
            line(4, "status", g.health().statusName());
            nodeCounts(4, g.counts());
            line(4, "cloudProviderTarget", Integer.toString(g.targetSize()));
            line(4, "minSize", Integer.toString(g.minSize()));
            line(4, "maxSize", Integer.toString(g.maxSize()));
            times(4, g.lastProbeTime(), g.healthSince());
            key(2, "scaleUp");
            line(4, "status", g.scaleUp().statusName());
            if (g.scaleUp() == ScaleUpActivity.BACKOFF && g.backoff().isPresent()) {
                Backoff b = g.backoff().get();
                key(4, "backoffInfo");
                line(6, "errorCode", scalar(b.errorCode()));
                line(6, "errorMessage", scalar(b.errorMessage()));
            }
            times(4, g.lastProbeTime(), g.scaleUpSince());
            ScaleDownCondition sd = report.groupScaleDown().get(g.id());
            scaleDown(
                    2,
                    sd != null
                            ? sd
                            : new ScaleDownCondition(0, g.lastProbeTime(), g.lastProbeTime()));
        }
    }

    private void nodeCounts(int indent, NodeCounts c) {
        key(indent, "nodeCounts");
        key(indent + 2, "registered");
        int i = indent + 4;
        line(i, "total", Integer.toString(c.registered() + c.stopped()));
        line(i, "ready", Integer.toString(c.ready()));
        line(i, "notStarted", Integer.toString(c.notStarted()));
        if (c.stopped() > 0) {
            line(i, "suspended", Integer.toString(c.stopped()));
        }
        if (c.beingDeleted() > 0) {
            line(i, "beingDeleted", Integer.toString(c.beingDeleted()));
        }
        key(i, "unready");
        line(i + 2, "total", Integer.toString(c.unready()));
        line(i + 2, "resourceUnready", "0");
        line(indent + 2, "longUnregistered", Integer.toString(c.longUnregistered()));
        line(indent + 2, "unregistered", Integer.toString(c.unregistered()));
    }

    private void scaleDown(int indent, ScaleDownCondition sd) {
        key(indent, "scaleDown");
        line(indent + 2, "status", sd.statusName());
        if (sd.candidates() > 0) {
            line(indent + 2, "candidates", Integer.toString(sd.candidates()));
        }
        times(indent + 2, sd.lastProbeTime(), sd.lastTransitionTime());
    }

    private void times(int indent, Instant probe, Instant transition) {
        line(indent, "lastProbeTime", time(probe));
        line(indent, "lastTransitionTime", time(transition));
    }

    /** Go's zero time when unknown, as upstream writes for a condition that never changed. */
    private static String time(Instant t) {
        return "\""
                + GoTime.rfc3339Nano(t == null ? Instant.parse("0001-01-01T00:00:00Z") : t)
                + "\"";
    }

    private void key(int indent, String key) {
        line(indent, key, null);
    }

    private void line(int indent, String key, String value) {
        out.append(" ".repeat(indent)).append(key).append(':');
        if (value != null) {
            out.append(' ').append(value);
        }
        out.append('\n');
    }

    /**
     * {@code s} as a YAML scalar: plain when that reads back as the same string, else
     * double-quoted.
     */
    static String scalar(String s) {
        boolean plain =
                PLAIN.matcher(s).matches()
                        && !NOT_A_STRING.matcher(s).matches()
                        && !s.contains(": ")
                        && !s.contains(" #")
                        && !s.endsWith(" ")
                        && !s.endsWith(":");
        if (plain) {
            return s;
        }
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        q.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
