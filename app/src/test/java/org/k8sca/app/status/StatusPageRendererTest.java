package org.k8sca.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.app.status.StatusModel.ApiError;
import org.k8sca.app.status.StatusModel.ApiHealth;
import org.k8sca.app.status.StatusModel.EndpointHealth;
import org.k8sca.app.status.StatusModel.GroupRow;
import org.k8sca.app.status.StatusModel.GroupsSection;
import org.k8sca.app.status.StatusModel.HistorySample;
import org.k8sca.app.status.StatusModel.LoopView;
import org.k8sca.app.status.StatusModel.NodeRow;
import org.k8sca.app.status.StatusModel.NodesSection;
import org.k8sca.app.status.StatusModel.PendingPodRow;
import org.k8sca.app.status.StatusModel.PendingSection;
import org.k8sca.app.status.StatusModel.ScaleEvent;
import org.k8sca.app.status.StatusModel.ScaleEvent.Kind;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.core.clusterstate.ScaleUpActivity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The renderer on hand-built models: what each section shows, escaping, no external asset. */
class StatusPageRendererTest {

    private static final Instant LOOP = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = LOOP.plusSeconds(4);

    private static GroupRow group(String id, int current, int target) {
        return new GroupRow(
                id,
                1,
                current,
                target,
                10,
                current,
                target - current,
                2,
                Health.HEALTHY,
                target > current ? ScaleUpActivity.IN_PROGRESS : ScaleUpActivity.NO_ACTIVITY,
                Optional.of(StatusFixtures.WEB_REQUEST),
                Optional.of(StatusFixtures.DB_BACKOFF),
                "planned 3->5 (max: 10)");
    }

    private static NodeRow node(String name, double utilization, Instant unneededSince) {
        return new NodeRow(
                name,
                "web",
                true,
                false,
                utilization,
                Optional.ofNullable(unneededSince),
                Optional.ofNullable(unneededSince).map(s -> s.plus(Duration.ofMinutes(10))),
                false,
                unneededSince == null ? "NotUnderutilized" : "NotUnneededLongEnough");
    }

    private static PendingPodRow pod(String key) {
        return new PendingPodRow(
                key,
                "no group can take it",
                "",
                "pod didn't trigger scale-up: 1 Insufficient memory",
                Map.of("web", List.of("Insufficient memory")));
    }

    private static LoopView loop(
            List<GroupRow> groups,
            List<PendingPodRow> pods,
            List<NodeRow> nodes,
            List<ScaleEvent> events,
            List<HistorySample> history) {
        return new LoopView(
                LOOP,
                Duration.ofMillis(250),
                Optional.empty(),
                Optional.of(
                        new GroupsSection(
                                LOOP, Health.HEALTHY, ScaleUpActivity.IN_PROGRESS, groups)),
                Optional.of(new PendingSection(LOOP, true, "SCALE_UP: scale-up", pods)),
                Optional.of(new NodesSection(LOOP, true, Optional.empty(), nodes)),
                0,
                events,
                history);
    }

    private static String render(LoopView loop, ApiHealth api) {
        return StatusPageRenderer.render(new StatusModel(NOW, Optional.of(loop), api));
    }

    private static String render(LoopView loop) {
        return render(loop, ApiHealth.NONE);
    }

    /** The text of the {@code <td data-field="field">} cells inside the row opened by rowStart. */
    private static String cell(String html, String rowStart, String field) {
        int row = html.indexOf(rowStart);
        assertThat(row).as("row %s in the page", rowStart).isNotNegative();
        int end = html.indexOf("</tr>", row);
        Matcher m =
                Pattern.compile("<td[^>]*data-field=\"" + field + "\"[^>]*>(.*?)</td>")
                        .matcher(html.substring(row, end));
        assertThat(m.find()).as("cell %s in row %s", field, rowStart).isTrue();
        return m.group(1);
    }

    @Test
    void beforeTheFirstLoopThePageSaysSoAndStillRefreshes() {
        String html =
                StatusPageRenderer.render(new StatusModel(NOW, Optional.empty(), ApiHealth.NONE));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<meta http-equiv=\"refresh\" content=\"5\">")
                .contains("No loop has run yet")
                .contains("id=\"kamatera-api\"")
                .contains("id=\"history-chart\"")
                .doesNotContain("id=\"node-groups\"");
    }

    @Test
    void theSummaryLineCountsGroupsNodesAndPendingPods() {
        String html =
                render(
                        loop(
                                List.of(group("web", 3, 5), group("db", 2, 2)),
                                List.of(pod("a/p1")),
                                List.of(node("n1", 0.5, null), node("n2", 0.1, LOOP)),
                                List.of(),
                                List.of()));
        assertThat(html)
                .contains(
                        "<p id=\"summary\" class=\"summary\">2 groups · 2 nodes · 1 pending pod ·"
                                + " scale-up in progress · 1 unneeded</p>");
    }

    @Test
    void nodeGroupsShowEveryNumberInItsOwnCell() {
        String html =
                render(
                        loop(
                                List.of(group("web", 3, 5)),
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of()));
        String row = "<tr data-group=\"web\">";
        assertThat(html).contains("<section id=\"node-groups\"><h2>Node groups</h2>");
        assertThat(cell(html, row, "min")).isEqualTo("1");
        assertThat(cell(html, row, "current")).isEqualTo("3");
        assertThat(cell(html, row, "target")).isEqualTo("5");
        assertThat(cell(html, row, "max")).isEqualTo("10");
        assertThat(cell(html, row, "upcoming")).isEqualTo("2");
        assertThat(cell(html, row, "warm-pool")).isEqualTo("2");
        assertThat(cell(html, row, "scale-up"))
                .isEqualTo("InProgress: +2 requested 4s ago, expected by 2026-03-01T10:15:00Z");
        assertThat(cell(html, row, "backoff"))
                .isEqualTo(
                        "until 2026-03-01T10:05:00Z (in 4m56s) after"
                                + " OUT_OF_RESOURCES/QUOTA_EXCEEDED: no quota");
        assertThat(cell(html, row, "last-plan")).isEqualTo("planned 3-&gt;5 (max: 10)");
    }

    @Test
    void pendingPodsShowTheReasonPerGroupAndTheEventText() {
        String html =
                render(loop(List.of(), List.of(pod("shop/huge")), List.of(), List.of(), List.of()));
        String row = "<tr data-pod=\"shop/huge\">";
        assertThat(cell(html, row, "verdict")).isEqualTo("no group can take it");
        assertThat(cell(html, row, "reasons"))
                .isEqualTo("<ul><li data-group=\"web\"><b>web</b>: Insufficient memory</li></ul>");
        assertThat(cell(html, row, "message"))
                .isEqualTo("pod didn&#39;t trigger scale-up: 1 Insufficient memory");
        assertThat(html).contains("Scale-up plan: <span data-field=\"scale-up-outcome\">SCALE_UP");
    }

    @Test
    void nodesShowUtilizationAndHowLongUntilRemoval() {
        Instant since = NOW.minus(Duration.ofMinutes(6));
        String html =
                render(
                        loop(
                                List.of(),
                                List.of(),
                                List.of(node("busy", 0.876, null), node("idle", 0.1, since)),
                                List.of(),
                                List.of()));
        assertThat(cell(html, "<tr data-node=\"busy\">", "utilization")).isEqualTo("88%");
        assertThat(cell(html, "<tr data-node=\"busy\">", "scale-down"))
                .isEqualTo("kept: NotUnderutilized");
        assertThat(cell(html, "<tr data-node=\"idle\">", "scale-down"))
                .isEqualTo("unneeded for 6m, removable in 4m; kept: NotUnneededLongEnough");
        NodeRow overdue =
                new NodeRow(
                        "overdue",
                        "",
                        false,
                        true,
                        Double.NaN,
                        Optional.of(NOW.minus(Duration.ofMinutes(12))),
                        Optional.of(NOW.minus(Duration.ofMinutes(2))),
                        false,
                        "");
        assertThat(StatusPageRenderer.scaleDown(NOW, overdue))
                .isEqualTo("unneeded for 12m, removable now");
        NodeRow removing =
                new NodeRow(
                        "going",
                        "",
                        true,
                        false,
                        0,
                        Optional.of(NOW.minus(Duration.ofMinutes(12))),
                        Optional.of(NOW.minus(Duration.ofMinutes(2))),
                        true,
                        "");
        assertThat(StatusPageRenderer.scaleDown(NOW, removing))
                .isEqualTo("removing now; unneeded for 12m");
    }

    @Test
    void scaleEventsAreListedInModelOrderWithFailuresMarked() {
        List<ScaleEvent> events =
                List.of(
                        new ScaleEvent(NOW, Kind.SCALE_UP_FAILED, "db", "quota exceeded"),
                        new ScaleEvent(LOOP, Kind.SCALE_UP, "web", "group web size set to 5"));
        String html = render(loop(List.of(), List.of(), List.of(), events, List.of()));
        int failed = html.indexOf("quota exceeded");
        int up = html.indexOf("group web size set to 5");
        assertThat(failed).isPositive().isLessThan(up);
        assertThat(html).contains("<tr class=\"failure\"><td data-field=\"time\">");
        assertThat(html).contains("2026-03-01T10:00:00Z (4s ago)");
    }

    @Test
    void kamateraApiShowsCallsErrorsAndTheLastError() {
        ApiHealth api =
                new ApiHealth(
                        Duration.ofMinutes(15),
                        List.of(
                                new EndpointHealth(
                                        "list_servers",
                                        12,
                                        2,
                                        40,
                                        3,
                                        Optional.of(NOW),
                                        Optional.of(
                                                new ApiError(
                                                        NOW.minusSeconds(60),
                                                        "http_5xx",
                                                        503,
                                                        3)))));
        String html = render(loop(List.of(), List.of(), List.of(), List.of(), List.of()), api);
        String row = "<tr data-endpoint=\"list_servers\"";
        assertThat(cell(html, row, "recent-calls")).isEqualTo("12");
        assertThat(cell(html, row, "recent-errors")).isEqualTo("2");
        assertThat(cell(html, row, "total-calls")).isEqualTo("40");
        assertThat(cell(html, row, "last-error"))
                .isEqualTo("http_5xx (HTTP 503) after 3 attempts, 1m ago");
        assertThat(html).contains("<th>calls (15m)</th>");
    }

    @Test
    void theChartHasOnePolylinePointPerSampleScaledToTheLargestValue() {
        List<HistorySample> history =
                List.of(
                        new HistorySample(LOOP, 2, 0, 0),
                        new HistorySample(LOOP.plusSeconds(10), 2, 4, 2),
                        new HistorySample(LOOP.plusSeconds(20), 4, 0, 0));
        String html = render(loop(List.of(), List.of(), List.of(), List.of(), history));
        Matcher nodes =
                Pattern.compile("<polyline id=\"chart-nodes\"[^>]* points=\"([^\"]*)\"")
                        .matcher(html);
        assertThat(nodes.find()).isTrue();
        String[] points = nodes.group(1).split(" ");
        assertThat(points).hasSize(3);
        // x grows with time; y of the largest value (4) is the top of the plot, 0 the bottom.
        double[] xs = new double[3];
        double[] ys = new double[3];
        for (int i = 0; i < 3; i++) {
            xs[i] = Double.parseDouble(points[i].split(",")[0]);
            ys[i] = Double.parseDouble(points[i].split(",")[1]);
        }
        assertThat(xs[0]).isLessThan(xs[1]);
        assertThat(xs[1]).isLessThan(xs[2]);
        assertThat(ys[2]).isLessThan(ys[0]);
        assertThat(html)
                .contains("<polyline id=\"chart-pending\"", "<polyline id=\"chart-upcoming\"");
        assertThat(html)
                .contains("<b data-field=\"latest-chart-nodes\">4</b>")
                .contains("<b data-field=\"latest-chart-pending\">0</b>");
        Matcher pending =
                Pattern.compile("<polyline id=\"chart-pending\"[^>]* points=\"([^\"]*)\"")
                        .matcher(html);
        assertThat(pending.find()).isTrue();
        assertThat(pending.group(1).split(" ")[1].split(",")[1])
                .as("pending 4 is at the same height as nodes 4")
                .isEqualTo(points[2].split(",")[1]);
    }

    @Test
    void clusterStringsAreEscapedEverywhere() {
        String evil = "<script>alert('x')</script>";
        GroupRow g =
                new GroupRow(
                        evil,
                        0,
                        0,
                        0,
                        1,
                        0,
                        0,
                        0,
                        Health.HEALTHY,
                        ScaleUpActivity.NO_ACTIVITY,
                        Optional.empty(),
                        Optional.empty(),
                        evil);
        PendingPodRow p =
                new PendingPodRow("ns/" + evil, evil, evil, evil, Map.of(evil, List.of(evil)));
        NodeRow n =
                new NodeRow(
                        evil,
                        evil,
                        true,
                        false,
                        0.5,
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        evil);
        ScaleEvent e = new ScaleEvent(NOW, Kind.NODE_REMOVAL_FAILED, evil, evil);
        LoopView view =
                new LoopView(
                        LOOP,
                        Duration.ZERO,
                        Optional.of(evil),
                        Optional.of(
                                new GroupsSection(
                                        LOOP,
                                        Health.HEALTHY,
                                        ScaleUpActivity.NO_ACTIVITY,
                                        List.of(g))),
                        Optional.of(new PendingSection(LOOP, true, evil, List.of(p))),
                        Optional.of(new NodesSection(LOOP, true, Optional.of(evil), List.of(n))),
                        0,
                        List.of(e),
                        List.of());
        String html = render(view);
        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void thePageIsSelfContained() {
        List<HistorySample> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            history.add(new HistorySample(LOOP.plusSeconds(10L * i), i, 10 - i, i % 3));
        }
        String html =
                render(
                        loop(
                                List.of(group("web", 3, 5)),
                                List.of(pod("a/b")),
                                List.of(node("n", 0.2, LOOP)),
                                List.of(new ScaleEvent(NOW, Kind.SCALE_UP, "web", "up")),
                                history),
                        new ApiHealth(
                                Duration.ofMinutes(15),
                                List.of(
                                        new EndpointHealth(
                                                "create_server",
                                                1,
                                                0,
                                                1,
                                                0,
                                                Optional.of(NOW),
                                                Optional.empty()))));
        assertThat(html.toLowerCase())
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("src=")
                .doesNotContain("href=")
                .doesNotContain("@import")
                .doesNotContain("url(")
                .doesNotContain("<script")
                .doesNotContain("<link");
        for (String id :
                List.of(
                        "node-groups",
                        "pending-pods",
                        "nodes",
                        "scale-events",
                        "kamatera-api",
                        "history-chart")) {
            assertThat(html).contains("id=\"" + id + "\"");
        }
    }

    @Test
    void longTablesStopAtTheRowLimitAndSayHowManyMore() {
        List<NodeRow> nodes = new ArrayList<>();
        List<PendingPodRow> pods = new ArrayList<>();
        for (int i = 0; i < StatusPageRenderer.ROW_LIMIT + 37; i++) {
            nodes.add(node(String.format("node-%04d", i), 0.5, null));
            pods.add(pod(String.format("ns/pod-%04d", i)));
        }
        String html = render(loop(List.of(), pods, nodes, List.of(), List.of()));
        assertThat(count(html, "<tr data-node=")).isEqualTo(StatusPageRenderer.ROW_LIMIT);
        assertThat(count(html, "<tr data-pod=")).isEqualTo(StatusPageRenderer.ROW_LIMIT);
        assertThat(count(html, "<p class=\"more\" data-more=\"37\">and 37 more</p>")).isEqualTo(2);
        assertThat(html).contains("node-0199").doesNotContain("node-0200");
        assertThat(html).contains(StatusPageRenderer.ROW_LIMIT + 37 + " nodes");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aSectionFromAnEarlierLoopSaysSo() {
        LoopView view =
                new LoopView(
                        LOOP.plusSeconds(10),
                        Duration.ofMillis(3),
                        Optional.of("CloudProviderException: refresh failed"),
                        Optional.of(
                                new GroupsSection(
                                        LOOP,
                                        Health.HEALTHY,
                                        ScaleUpActivity.NO_ACTIVITY,
                                        List.of(group("web", 1, 1)))),
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        List.of(),
                        List.of());
        String html = render(view);
        assertThat(html)
                .contains("As seen by the loop of 2026-03-01T10:00:00Z")
                .contains("failed: CloudProviderException: refresh failed")
                .contains("last loop failed");
    }

    @Test
    void durationsReadLikeFlags() {
        assertThat(StatusPageRenderer.duration(Duration.ZERO)).isEqualTo("0s");
        assertThat(StatusPageRenderer.duration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(StatusPageRenderer.duration(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(StatusPageRenderer.duration(Duration.ofSeconds(3725))).isEqualTo("1h2m5s");
        assertThat(StatusPageRenderer.ago(NOW, NOW)).isEqualTo("just now");
        assertThat(StatusPageRenderer.ago(NOW, NOW.plusSeconds(30))).isEqualTo("in 30s");
    }
}
