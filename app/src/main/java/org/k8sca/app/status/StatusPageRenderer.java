package org.k8sca.app.status;

import org.k8sca.app.status.StatusModel.ApiHealth;
import org.k8sca.app.status.StatusModel.EndpointHealth;
import org.k8sca.app.status.StatusModel.GroupRow;
import org.k8sca.app.status.StatusModel.GroupsSection;
import org.k8sca.app.status.StatusModel.LoopView;
import org.k8sca.app.status.StatusModel.NodeRow;
import org.k8sca.app.status.StatusModel.NodesSection;
import org.k8sca.app.status.StatusModel.PendingPodRow;
import org.k8sca.app.status.StatusModel.PendingSection;
import org.k8sca.app.status.StatusModel.ScaleEvent;
import org.k8sca.core.clusterstate.Backoff;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.core.clusterstate.ScaleUpActivity;
import org.k8sca.core.clusterstate.ScaleUpRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link StatusModel} as one self-contained HTML page: inline CSS, the chart as inline
 * SVG, no script and no external URL, refreshing itself every {@value #REFRESH_SECONDS} seconds. A
 * pure function: the same model gives the same page. Every string from the cluster is escaped, and
 * long tables stop at {@value #ROW_LIMIT} rows with "and N more".
 *
 * <p>Stable hooks for tests and scrapers: the sections' ids ({@code node-groups}, {@code
 * pending-pods}, {@code nodes}, {@code scale-events}, {@code kamatera-api}, {@code history-chart}),
 * {@code data-group}, {@code data-pod}, {@code data-node} and {@code data-endpoint} on rows, and
 * {@code data-field} on cells.
 */
public final class StatusPageRenderer {

    public static final int REFRESH_SECONDS = 5;
    public static final int ROW_LIMIT = 200;

    private static final String STYLE =
            "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;background:#fff}"
                    + "h1{font-size:1.4em;margin:0 0 .2em}h2{font-size:1.1em;margin:1.4em 0 .4em}"
                    + "table{border-collapse:collapse;font-size:.9em}"
                    + "th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;"
                    + "vertical-align:top}"
                    + "th{background:#f0f0f0}td.num{text-align:right}"
                    + ".summary{font-size:1.05em;font-weight:600}.muted{color:#666}"
                    + ".bad{color:#b00020}.ok{color:#1a7f37}tr.failure td{background:#fff0f0}"
                    + "ul{margin:0;padding-left:1.2em}.legend span{margin-right:1.2em}"
                    + ".swatch{display:inline-block;width:1em;height:.4em;margin-right:.3em}";

    private StatusPageRenderer() {}

    /** The whole page for {@code model}. */
    public static String render(StatusModel model) {
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"")
                .append(REFRESH_SECONDS)
                .append("\">")
                .append("<title>kamatera-autoscaler status</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n")
                .append("<h1>kamatera-autoscaler</h1>\n")
                .append("<p id=\"now\" class=\"muted\">")
                .append(Html.escape(time(model.now())))
                .append(" · refreshes every ")
                .append(REFRESH_SECONDS)
                .append(" s</p>\n");
        if (model.loop().isEmpty()) {
            html.append("<p id=\"summary\" class=\"summary\">No loop has run yet.</p>\n");
        } else {
            LoopView loop = model.loop().get();
            html.append("<p id=\"summary\" class=\"summary\">")
                    .append(Html.escape(summary(loop)))
                    .append("</p>\n");
            loopLine(html, model.now(), loop);
            groups(html, model.now(), loop);
            pending(html, loop);
            nodes(html, model.now(), loop);
            events(html, model.now(), loop);
        }
        api(html, model.now(), model.api());
        history(html, model.loop().map(LoopView::history).orElse(List.of()));
        return html.append("</body></html>\n").toString();
    }

    /** One line such as {@code 3 groups · 12 nodes · 4 pending pods · scale-up in progress}. */
    static String summary(LoopView loop) {
        List<String> parts = new ArrayList<>();
        loop.groups().ifPresent(g -> parts.add(plural(g.rows().size(), "group", "groups")));
        loop.nodes().ifPresent(n -> parts.add(plural(n.rows().size(), "node", "nodes")));
        loop.pending()
                .ifPresent(p -> parts.add(plural(p.rows().size(), "pending pod", "pending pods")));
        loop.groups()
                .ifPresent(
                        g -> {
                            if (g.scaleUp() == ScaleUpActivity.IN_PROGRESS) {
                                parts.add("scale-up in progress");
                            }
                            if (g.health() == Health.UNHEALTHY) {
                                parts.add("cluster unhealthy");
                            }
                        });
        loop.nodes()
                .ifPresent(
                        n -> {
                            long unneeded =
                                    n.rows().stream()
                                            .filter(r -> r.unneededSince().isPresent())
                                            .count();
                            if (unneeded > 0) {
                                parts.add(unneeded + " unneeded");
                            }
                        });
        if (loop.deletionsInProgress() > 0) {
            parts.add(
                    plural(
                            loop.deletionsInProgress(),
                            "deletion in progress",
                            "deletions in progress"));
        }
        if (loop.error().isPresent()) {
            parts.add("last loop failed");
        }
        return parts.isEmpty() ? "No cluster state yet" : String.join(" · ", parts);
    }

    private static void loopLine(StringBuilder html, Instant now, LoopView loop) {
        html.append("<p id=\"last-loop\">Last loop started ")
                .append(Html.escape(time(loop.started())))
                .append(" (")
                .append(Html.escape(ago(now, loop.started())))
                .append("), took ")
                .append(
                        loop.took().toMillis() < 1000
                                ? loop.took().toMillis() + " ms"
                                : duration(loop.took()));
        loop.error()
                .ifPresent(
                        e ->
                                html.append(" — <span class=\"bad\" data-field=\"loop-error\">")
                                        .append("failed: ")
                                        .append(Html.escape(e))
                                        .append("</span>"));
        html.append(".</p>\n");
    }

    private static void groups(StringBuilder html, Instant now, LoopView loop) {
        html.append("<section id=\"node-groups\"><h2>Node groups</h2>\n");
        if (loop.groups().isEmpty()) {
            html.append("<p class=\"muted\">No loop has reached the cluster state yet.</p>")
                    .append("</section>\n");
            return;
        }
        GroupsSection section = loop.groups().get();
        asOf(html, now, section.asOf(), loop.started());
        html.append("<p>Cluster <span data-field=\"cluster-health\" class=\"")
                .append(section.health() == Health.HEALTHY ? "ok" : "bad")
                .append("\">")
                .append(section.health().statusName())
                .append("</span>, scale-up <span data-field=\"cluster-scale-up\">")
                .append(section.scaleUp().statusName())
                .append("</span>.</p>\n");
        html.append("<table><thead><tr><th>group</th><th>min</th><th>current</th>")
                .append("<th>target</th><th>max</th><th>ready</th><th>upcoming</th>")
                .append("<th>warm pool</th><th>health</th><th>scale-up</th><th>backoff</th>")
                .append("<th>last plan</th></tr></thead><tbody>\n");
        List<GroupRow> rows = section.rows();
        for (GroupRow g : rows.subList(0, Math.min(rows.size(), ROW_LIMIT))) {
            html.append("<tr data-group=\"").append(Html.escape(g.id())).append("\">");
            cell(html, "id", g.id());
            number(html, "min", g.min());
            number(html, "current", g.current());
            number(html, "target", g.target());
            number(html, "max", g.max());
            number(html, "ready", g.ready());
            number(html, "upcoming", g.upcoming());
            number(html, "warm-pool", g.warmPool());
            cell(html, "health", g.health().statusName());
            cell(html, "scale-up", scaleUp(now, g.scaleUp(), g.request().orElse(null)));
            cell(html, "backoff", g.backoff().map(b -> backoff(now, b)).orElse(""));
            cell(html, "last-plan", g.lastPlan());
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
        more(html, rows.size());
        html.append("</section>\n");
    }

    private static String scaleUp(Instant now, ScaleUpActivity activity, ScaleUpRequest request) {
        if (request == null) {
            return activity.statusName();
        }
        return activity.statusName()
                + ": +"
                + request.increase()
                + " requested "
                + ago(now, request.requestedAt())
                + ", expected by "
                + time(request.expectedBy());
    }

    private static String backoff(Instant now, Backoff b) {
        return "until "
                + time(b.until())
                + " ("
                + until(now, b.until())
                + ") after "
                + b.errorClass()
                + "/"
                + b.errorCode()
                + (b.errorMessage().isEmpty() ? "" : ": " + b.errorMessage());
    }

    private static void pending(StringBuilder html, LoopView loop) {
        html.append("<section id=\"pending-pods\"><h2>Pending pods</h2>\n");
        if (loop.pending().isEmpty()) {
            html.append("<p class=\"muted\">No loop has listed the pods yet.</p></section>\n");
            return;
        }
        PendingSection section = loop.pending().get();
        asOf(html, null, section.asOf(), loop.started());
        if (!section.planned()) {
            html.append("<p class=\"muted\">Scale-up was not planned in that loop (see the")
                    .append(" log: the cluster may be unhealthy or sizes being corrected).</p>\n");
        } else {
            html.append("<p>Scale-up plan: <span data-field=\"scale-up-outcome\">")
                    .append(Html.escape(section.outcome()))
                    .append("</span></p>\n");
        }
        List<PendingPodRow> rows = section.rows();
        if (rows.isEmpty()) {
            html.append("<p>No pending pods.</p></section>\n");
            return;
        }
        html.append("<table><thead><tr><th>pod</th><th>verdict</th><th>target</th>")
                .append("<th>why not, per group</th><th>event message</th></tr></thead>")
                .append("<tbody>\n");
        for (PendingPodRow p : rows.subList(0, Math.min(rows.size(), ROW_LIMIT))) {
            html.append("<tr data-pod=\"").append(Html.escape(p.pod())).append("\">");
            cell(html, "pod", p.pod());
            cell(html, "verdict", p.verdict());
            cell(html, "target", p.target());
            html.append("<td data-field=\"reasons\">");
            if (!p.reasonsByGroup().isEmpty()) {
                html.append("<ul>");
                for (Map.Entry<String, List<String>> e : p.reasonsByGroup().entrySet()) {
                    html.append("<li data-group=\"")
                            .append(Html.escape(e.getKey()))
                            .append("\"><b>")
                            .append(Html.escape(e.getKey()))
                            .append("</b>: ")
                            .append(Html.escape(String.join(", ", e.getValue())))
                            .append("</li>");
                }
                html.append("</ul>");
            }
            html.append("</td>");
            cell(html, "message", p.message());
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
        more(html, rows.size());
        html.append("</section>\n");
    }

    private static void nodes(StringBuilder html, Instant now, LoopView loop) {
        html.append("<section id=\"nodes\"><h2>Nodes</h2>\n");
        if (loop.nodes().isEmpty()) {
            html.append("<p class=\"muted\">No loop has listed the nodes yet.</p></section>\n");
            return;
        }
        NodesSection section = loop.nodes().get();
        asOf(html, now, section.asOf(), loop.started());
        if (!section.planned()) {
            html.append("<p class=\"muted\">Scale-down was not planned in that loop:")
                    .append(" utilization and reasons unknown.</p>\n");
        }
        section.cooldown()
                .ifPresent(
                        c ->
                                html.append("<p data-field=\"cooldown\">Deletions wait: ")
                                        .append(Html.escape(c))
                                        .append("</p>\n"));
        List<NodeRow> rows = section.rows();
        if (rows.isEmpty()) {
            html.append("<p>No nodes.</p></section>\n");
            return;
        }
        html.append("<table><thead><tr><th>node</th><th>group</th><th>ready</th>")
                .append("<th>utilization</th><th>scale-down</th></tr></thead><tbody>\n");
        for (NodeRow n : rows.subList(0, Math.min(rows.size(), ROW_LIMIT))) {
            html.append("<tr data-node=\"").append(Html.escape(n.name())).append("\">");
            cell(html, "name", n.name());
            cell(html, "group", n.group());
            cell(html, "ready", (n.ready() ? "yes" : "no") + (n.cordoned() ? ", cordoned" : ""));
            html.append("<td class=\"num\" data-field=\"utilization\">")
                    .append(
                            Double.isNaN(n.utilization())
                                    ? ""
                                    : Math.round(n.utilization() * 100) + "%")
                    .append("</td>");
            cell(html, "scale-down", scaleDown(now, n));
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
        more(html, rows.size());
        html.append("</section>\n");
    }

    /**
     * For example {@code unneeded for 6m, removable in 4m}, {@code removing now} or {@code
     * NotUnderutilized}.
     */
    static String scaleDown(Instant now, NodeRow n) {
        List<String> parts = new ArrayList<>();
        if (n.removing()) {
            parts.add("removing now");
        }
        n.unneededSince()
                .ifPresent(
                        since -> {
                            String text = "unneeded for " + duration(Duration.between(since, now));
                            if (n.removableAt().isPresent() && !n.removing()) {
                                Instant at = n.removableAt().get();
                                text +=
                                        at.isAfter(now)
                                                ? ", removable in "
                                                        + duration(Duration.between(now, at))
                                                : ", removable now";
                            }
                            parts.add(text);
                        });
        if (!n.keptBecause().isEmpty()) {
            parts.add("kept: " + n.keptBecause());
        }
        return String.join("; ", parts);
    }

    private static void events(StringBuilder html, Instant now, LoopView loop) {
        html.append("<section id=\"scale-events\"><h2>Recent scale events</h2>\n");
        if (loop.events().isEmpty()) {
            html.append("<p>No scale-up or scale-down yet.</p></section>\n");
            return;
        }
        html.append("<table><thead><tr><th>time</th><th>event</th><th>group</th>")
                .append("<th>message</th></tr></thead><tbody>\n");
        for (ScaleEvent e : loop.events()) {
            html.append(e.kind().failure() ? "<tr class=\"failure\">" : "<tr>");
            cell(html, "time", time(e.time()) + " (" + ago(now, e.time()) + ")");
            cell(html, "kind", e.kind().label());
            cell(html, "group", e.group());
            cell(html, "message", e.message());
            html.append("</tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void api(StringBuilder html, Instant now, ApiHealth api) {
        html.append("<section id=\"kamatera-api\"><h2>Kamatera API</h2>\n");
        if (api.endpoints().isEmpty()) {
            html.append("<p>No Kamatera API calls yet.</p></section>\n");
            return;
        }
        String window = duration(api.window());
        html.append("<table><thead><tr><th>endpoint</th><th>calls (")
                .append(window)
                .append(")</th><th>errors (")
                .append(window)
                .append(")</th><th>calls (total)</th><th>errors (total)</th>")
                .append("<th>last call</th><th>last error</th></tr></thead><tbody>\n");
        for (EndpointHealth e : api.endpoints()) {
            html.append("<tr data-endpoint=\"").append(Html.escape(e.endpoint())).append("\"");
            html.append(e.recentErrors() > 0 ? " class=\"failure\">" : ">");
            cell(html, "endpoint", e.endpoint());
            number(html, "recent-calls", e.recentCalls());
            number(html, "recent-errors", e.recentErrors());
            number(html, "total-calls", e.totalCalls());
            number(html, "total-errors", e.totalErrors());
            cell(html, "last-call", e.lastCall().map(t -> ago(now, t)).orElse(""));
            cell(
                    html,
                    "last-error",
                    e.lastError()
                            .map(err -> err.describe() + ", " + ago(now, err.time()))
                            .orElse(""));
            html.append("</tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void history(StringBuilder html, List<StatusModel.HistorySample> samples) {
        html.append("<section id=\"history\"><h2>Over time</h2>\n")
                .append(HistoryChart.svg(samples))
                .append("<p class=\"legend\">");
        for (HistoryChart.Series s : HistoryChart.SERIES) {
            html.append("<span><i class=\"swatch\" style=\"background:")
                    .append(s.colour())
                    .append("\"></i>")
                    .append(Html.escape(s.label()));
            if (!samples.isEmpty()) {
                // The latest value, as lines with equal values hide each other.
                html.append(": <b data-field=\"latest-")
                        .append(s.id())
                        .append("\">")
                        .append(s.value().applyAsInt(samples.get(samples.size() - 1)))
                        .append("</b>");
            }
            html.append("</span>");
        }
        html.append("</p></section>\n");
    }

    /** Says when a section was observed, when that was not in the last loop. */
    private static void asOf(StringBuilder html, Instant now, Instant asOf, Instant lastLoop) {
        if (!asOf.equals(lastLoop)) {
            html.append("<p class=\"muted\" data-field=\"as-of\">As seen by the loop of ")
                    .append(Html.escape(time(asOf)))
                    .append("; the last loop did not get this far.</p>\n");
        }
    }

    private static void more(StringBuilder html, int total) {
        if (total > ROW_LIMIT) {
            int more = total - ROW_LIMIT;
            html.append("<p class=\"more\" data-more=\"")
                    .append(more)
                    .append("\">and ")
                    .append(more)
                    .append(" more</p>\n");
        }
    }

    private static void cell(StringBuilder html, String field, String text) {
        html.append("<td data-field=\"")
                .append(field)
                .append("\">")
                .append(Html.escape(text))
                .append("</td>");
    }

    private static void number(StringBuilder html, String field, long value) {
        html.append("<td class=\"num\" data-field=\"")
                .append(field)
                .append("\">")
                .append(value)
                .append("</td>");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** An instant to the second, e.g. {@code 2026-03-01T10:00:05Z}. */
    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** For example {@code 5m10s ago}, or {@code just now}. */
    static String ago(Instant now, Instant then) {
        Duration d = Duration.between(then, now);
        if (d.isNegative()) {
            return "in " + duration(d.negated());
        }
        return d.getSeconds() == 0 ? "just now" : duration(d) + " ago";
    }

    private static String until(Instant now, Instant then) {
        Duration d = Duration.between(now, then);
        return d.isNegative() || d.isZero() ? "over" : "in " + duration(d);
    }

    /** A duration the way flags spell it, to the second: {@code 1h2m}, {@code 45s}. */
    static String duration(Duration d) {
        long seconds = Math.abs(d.getSeconds());
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder out = new StringBuilder(d.isNegative() ? "-" : "");
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (s > 0 || (h == 0 && m == 0)) {
            out.append(s).append('s');
        }
        return out.toString();
    }
}
