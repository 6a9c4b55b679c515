package org.k8sca.app.status;

import org.k8sca.app.status.StatusModel.HistorySample;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The chart of node count, pending pods and upcoming nodes over time, as inline SVG: three
 * polylines on a time axis, so the page needs no script and no external asset.
 */
final class HistoryChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;

    /** One line of the chart: its element id, legend text, colour and value. */
    record Series(String id, String label, String colour, ToIntFunction<HistorySample> value) {}

    static final List<Series> SERIES =
            List.of(
                    new Series("chart-nodes", "nodes", "#1f77b4", HistorySample::nodes),
                    new Series(
                            "chart-pending", "pending pods", "#d62728", HistorySample::pendingPods),
                    new Series(
                            "chart-upcoming",
                            "upcoming nodes",
                            "#2ca02c",
                            HistorySample::upcomingNodes));

    private HistoryChart() {}

    /** The chart of {@code samples} (oldest first) as an {@code <svg id="history-chart">}. */
    static String svg(List<HistorySample> samples) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"history-chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"nodes, pending pods and upcoming nodes over")
                .append(" the last ")
                .append(samples.size())
                .append(" loops\">\n");
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight))
                .append(line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight));
        if (samples.isEmpty()) {
            svg.append(text(LEFT + 8, TOP + plotHeight / 2.0, "start", "no loop yet"))
                    .append("</svg>\n");
            return svg.toString();
        }
        int max = 1;
        for (HistorySample s : samples) {
            for (Series series : SERIES) {
                max = Math.max(max, series.value().applyAsInt(s));
            }
        }
        long first = samples.get(0).time().toEpochMilli();
        long span = samples.get(samples.size() - 1).time().toEpochMilli() - first;
        svg.append(text(LEFT - 6, TOP + 4, "end", Integer.toString(max)))
                .append(text(LEFT - 6, TOP + plotHeight + 4, "end", "0"))
                .append(
                        text(
                                LEFT,
                                HEIGHT - 8,
                                "start",
                                StatusPageRenderer.time(samples.get(0).time())))
                .append(
                        text(
                                LEFT + plotWidth,
                                HEIGHT - 8,
                                "end",
                                StatusPageRenderer.time(samples.get(samples.size() - 1).time())
                                        + " ("
                                        + StatusPageRenderer.duration(Duration.ofMillis(span))
                                        + " shown)"));
        for (Series series : SERIES) {
            svg.append("<polyline id=\"")
                    .append(series.id())
                    .append("\" fill=\"none\" stroke=\"")
                    .append(series.colour())
                    .append("\" stroke-width=\"2\" points=\"");
            for (int i = 0; i < samples.size(); i++) {
                HistorySample s = samples.get(i);
                double x =
                        span <= 0
                                ? LEFT + plotWidth
                                : LEFT
                                        + plotWidth
                                                * (double) (s.time().toEpochMilli() - first)
                                                / span;
                double y = TOP + plotHeight * (1 - series.value().applyAsInt(s) / (double) max);
                if (i > 0) {
                    svg.append(' ');
                }
                svg.append(number(x)).append(',').append(number(y));
            }
            svg.append("\"><title>")
                    .append(Html.escape(series.label()))
                    .append("</title></polyline>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\""
                + number(x1)
                + "\" y1=\""
                + number(y1)
                + "\" x2=\""
                + number(x2)
                + "\" y2=\""
                + number(y2)
                + "\" stroke=\"#888\"/>\n";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\""
                + number(x)
                + "\" y=\""
                + number(y)
                + "\" text-anchor=\""
                + anchor
                + "\" font-size=\"11\">"
                + Html.escape(content)
                + "</text>\n";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
