package org.k8sca.app.simulate;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link SimulationReport} as the JSON of docs/cli.md or as a short text for people. */
public final class ReportRenderer {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ReportRenderer() {}

    /** The JSON object of docs/cli.md, pretty-printed, with a final newline. */
    public static String json(SimulationReport report) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(report)) + "\n";
    }

    /** The report as ordered maps and lists, keys spelled as in docs/cli.md. */
    static Map<String, Object> tree(SimulationReport report) {
        Map<String, Object> up = new LinkedHashMap<>();
        up.put("status", report.scaleUp().status());
        List<Object> groups = new ArrayList<>();
        for (SimulationReport.GroupScaleUp g : report.scaleUp().nodeGroups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nodeGroup", g.nodeGroup());
            m.put("currentSize", g.currentSize());
            m.put("newSize", g.newSize());
            m.put("maxSize", g.maxSize());
            m.put("pods", g.pods());
            groups.add(m);
        }
        up.put("nodeGroups", groups);
        List<Object> unhelped = new ArrayList<>();
        for (SimulationReport.UnhelpedPod p : report.scaleUp().podsRemainUnschedulable()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pod", p.pod());
            m.put("reasons", new java.util.TreeMap<>(p.reasons()));
            unhelped.add(m);
        }
        up.put("podsRemainUnschedulable", unhelped);

        Map<String, Object> down = new LinkedHashMap<>();
        List<Object> unneeded = new ArrayList<>();
        for (SimulationReport.UnneededNode n : report.scaleDown().unneeded()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", n.node());
            m.put("nodeGroup", n.nodeGroup());
            m.put("utilization", n.utilization());
            unneeded.add(m);
        }
        down.put("unneeded", unneeded);
        List<Object> unremovable = new ArrayList<>();
        for (SimulationReport.UnremovableNode n : report.scaleDown().unremovable()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", n.node());
            if (!n.nodeGroup().isEmpty()) {
                m.put("nodeGroup", n.nodeGroup());
            }
            m.put("reason", n.reason());
            m.put("detail", n.detail());
            unremovable.add(m);
        }
        down.put("unremovable", unremovable);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("time", report.time().toString());
        root.put("scaleUp", up);
        root.put("scaleDown", down);
        root.put("notes", report.notes());
        return root;
    }

    /** A few lines per section, for reading in a terminal. */
    public static String text(SimulationReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Simulated at ").append(report.time()).append('\n');
        SimulationReport.ScaleUp up = report.scaleUp();
        sb.append("\nScale-up: ").append(up.status()).append('\n');
        if (up.nodeGroups().isEmpty()) {
            sb.append("  no node group would grow\n");
        }
        for (SimulationReport.GroupScaleUp g : up.nodeGroups()) {
            sb.append("  ")
                    .append(g.nodeGroup())
                    .append(": ")
                    .append(g.currentSize())
                    .append(" -> ")
                    .append(g.newSize())
                    .append(" (max ")
                    .append(g.maxSize())
                    .append(")");
            if (!g.pods().isEmpty()) {
                sb.append(" for ").append(String.join(", ", g.pods()));
            }
            sb.append('\n');
        }
        if (!up.podsRemainUnschedulable().isEmpty()) {
            sb.append("  pods that remain unschedulable:\n");
            for (SimulationReport.UnhelpedPod p : up.podsRemainUnschedulable()) {
                sb.append("    ").append(p.pod()).append('\n');
                new java.util.TreeMap<>(p.reasons())
                        .forEach(
                                (group, why) ->
                                        sb.append("      ")
                                                .append(group)
                                                .append(": ")
                                                .append(why)
                                                .append('\n'));
            }
        }
        SimulationReport.ScaleDown down = report.scaleDown();
        sb.append("\nScale-down:\n");
        if (down.unneeded().isEmpty()) {
            sb.append("  no node is unneeded\n");
        } else {
            sb.append("  unneeded (removed once unneeded for the unneeded time):\n");
            for (SimulationReport.UnneededNode n : down.unneeded()) {
                sb.append("    ").append(n.node()).append(" (").append(n.nodeGroup()).append(")");
                if (n.utilization() != null) {
                    sb.append(" utilization ").append(n.utilization());
                }
                sb.append('\n');
            }
        }
        if (!down.unremovable().isEmpty()) {
            sb.append("  kept:\n");
            for (SimulationReport.UnremovableNode n : down.unremovable()) {
                sb.append("    ").append(n.node());
                if (!n.nodeGroup().isEmpty()) {
                    sb.append(" (").append(n.nodeGroup()).append(")");
                }
                sb.append(": ").append(n.reason());
                if (!n.detail().isEmpty()) {
                    sb.append(" - ").append(n.detail());
                }
                sb.append('\n');
            }
        }
        if (!report.notes().isEmpty()) {
            sb.append("\nNotes:\n");
            for (String note : report.notes()) {
                sb.append("  ").append(note).append('\n');
            }
        }
        return sb.toString();
    }
}
