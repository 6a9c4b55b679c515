package org.k8sca.kube.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

class StatusYamlTest {

    @Test
    void rendersUpstreamLayout() {
        String expected =
                """
                time: 2020-11-25 08:19:44.090873082 +0000 UTC
                autoscalerStatus: Running
                clusterWide:
                  health:
                    status: Healthy
                    nodeCounts:
                      registered:
                        total: 9
                        ready: 4
                        notStarted: 1
                        suspended: 2
                        beingDeleted: 1
                        unready:
                          total: 1
                          resourceUnready: 0
                      longUnregistered: 1
                      unregistered: 2
                    lastProbeTime: "2020-11-25T08:19:44.088071148Z"
                    lastTransitionTime: "2020-11-25T07:46:04.409158551Z"
                  scaleUp:
                    status: InProgress
                    lastProbeTime: "2020-11-25T08:19:44.088071148Z"
                    lastTransitionTime: "2020-11-25T08:18:33Z"
                  scaleDown:
                    status: CandidatesPresent
                    candidates: 2
                    lastProbeTime: "2020-11-25T08:19:44.088071148Z"
                    lastTransitionTime: "2020-11-25T08:19:44.088071148Z"
                nodeGroups:
                - name: web
                  health:
                    status: Healthy
                    nodeCounts:
                      registered:
                        total: 5
                        ready: 3
                        notStarted: 1
                        unready:
                          total: 1
                          resourceUnready: 0
                      longUnregistered: 1
                      unregistered: 2
                    cloudProviderTarget: 7
                    minSize: 1
                    maxSize: 10
                    lastProbeTime: "2020-11-25T08:19:44.088071148Z"
                    lastTransitionTime: "2020-11-25T07:46:04.409158551Z"
                  scaleUp:
                    status: InProgress
                    lastProbeTime: "2020-11-25T08:19:44.088071148Z"
                    lastTransitionTime: "2020-11-25T08:18:33Z"
                  scaleDown:
                    status: CandidatesPresent
                    candidates: 2
                    lastProbeTime: "2020-11-25T08:19:44.088071148Z"
                    lastTransitionTime: "2020-11-25T08:19:44.088071148Z"
                - name: gpu
                  health:
                    status: Unhealthy
                    nodeCounts:
                      registered:
                        total: 4
                        ready: 1
                        notStarted: 0
                        suspended: 2
                        beingDeleted: 1
                        unready:
                          total: 0
                          resourceUnready: 0
                      longUnregistered: 0
                      unregistered: 0
                    cloudProviderTarget: 4
                    minSize: 0
                    maxSize: 3
                    lastProbeTime: "2020-11-25T08:19:44.088071148Z"
                    lastTransitionTime: "2020-11-25T08:19:44.088071148Z"
                  scaleUp:
                    status: Backoff
                    backoffInfo:
                      errorCode: QUOTA_EXCEEDED
                      errorMessage: "quota: \\"cpu\\" exceeded"
                    lastProbeTime: "2020-11-25T08:19:44.088071148Z"
                    lastTransitionTime: "2020-11-25T08:18:33Z"
                  scaleDown:
                    status: NoCandidates
                    lastProbeTime: "2020-11-25T08:19:44.088071148Z"
                    lastTransitionTime: "2020-11-25T08:19:44.088071148Z"
                """;
        assertThat(StatusYaml.render(StatusFixtures.report())).isEqualTo(expected);
    }

    @Test
    void initializingShowsOnlyTimeAndState() {
        assertThat(
                        StatusYaml.render(
                                StatusReport.initializing(Instant.parse("2026-01-02T03:04:05Z"))))
                .isEqualTo("time: 2026-01-02 03:04:05 +0000 UTC\nautoscalerStatus: Initializing\n");
    }

    @Test
    void messageIsQuotedWhenItWouldNotReadBackAsAString() {
        StatusReport r =
                new StatusReport(
                        Instant.EPOCH,
                        org.k8sca.kube.status.AutoscalerState.RUNNING,
                        "waiting: leader election",
                        Optional.empty(),
                        Optional.empty(),
                        Map.of());
        assertThat(StatusYaml.render(r)).contains("message: \"waiting: leader election\"\n");
    }

    @Test
    void scalarsArePlainOnlyWhenSafe() {
        assertThat(StatusYaml.scalar("web-pool.1")).isEqualTo("web-pool.1");
        assertThat(StatusYaml.scalar("true")).isEqualTo("\"true\"");
        assertThat(StatusYaml.scalar("123")).isEqualTo("\"123\"");
        assertThat(StatusYaml.scalar("")).isEqualTo("\"\"");
        assertThat(StatusYaml.scalar("a\nb\\c")).isEqualTo("\"a\\nb\\\\c\"");
        assertThat(StatusYaml.scalar("no quota left")).isEqualTo("no quota left");
        assertThat(StatusYaml.scalar("quota: cpu")).isEqualTo("\"quota: cpu\"");
        assertThat(StatusYaml.scalar("a #b")).isEqualTo("\"a #b\"");
        assertThat(StatusYaml.scalar("1.5")).isEqualTo("\"1.5\"");
        assertThat(StatusYaml.scalar("2026-01-01")).isEqualTo("\"2026-01-01\"");
        assertThat(StatusYaml.scalar("-x")).isEqualTo("\"-x\"");
        assertThat(StatusYaml.scalar("trailing ")).isEqualTo("\"trailing \"");
    }

    /**
     * Random strings survive the YAML scalar rules: plain ones are safe, quoted ones unescape back.
     */
    @Test
    void randomScalarsReadBackUnchanged() {
        long seed = new java.util.Random().nextLong();
        java.util.Random random = new java.util.Random(seed);
        String alphabet = "ab yz09:#-_./\\\"'\n\t[]{}!&*|>%@`,?~";
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            String y = StatusYaml.scalar(s);
            if (y.startsWith("\"")) {
                assertThat(unquote(y)).as("seed %d: %s", seed, y).isEqualTo(s);
            } else {
                assertThat(y).as("seed %d", seed).isEqualTo(s);
                assertThat(s)
                        .as("seed %d: plain scalar %s", seed, s)
                        .doesNotContain(": ", " #", "\n", "\t")
                        .doesNotEndWith(" ")
                        .doesNotEndWith(":")
                        .matches("[A-Za-z0-9_].*");
                assertThat(s)
                        .as("seed %d: %s would read as a non-string", seed, s)
                        .doesNotMatch(
                                "(?i)(true|false|yes|no|on|off|y|n|null|~)|[-+]?[0-9][0-9_.,:eE+-]*");
            }
        }
    }

    private static String unquote(String q) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < q.length() - 1; i++) {
            char c = q.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = q.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'x' -> {
                    out.append((char) Integer.parseInt(q.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    @Test
    void scaleDownTransitionTimeMovesOnlyWhenCandidatesAppearOrVanish() {
        ScaleDownTracker t = new ScaleDownTracker();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(t.cluster(0, t0).lastTransitionTime()).isEqualTo(t0);
        assertThat(t.cluster(0, t0.plusSeconds(10)).lastTransitionTime()).isEqualTo(t0);
        assertThat(t.cluster(3, t0.plusSeconds(20)).lastTransitionTime())
                .isEqualTo(t0.plusSeconds(20));
        ScaleDownCondition c = t.cluster(1, t0.plusSeconds(30));
        assertThat(c.lastTransitionTime()).isEqualTo(t0.plusSeconds(20));
        assertThat(c.lastProbeTime()).isEqualTo(t0.plusSeconds(30));
        assertThat(c.statusName()).isEqualTo("CandidatesPresent");
        // Groups are tracked apart from the cluster.
        assertThat(t.group("a", 0, t0.plusSeconds(30)).lastTransitionTime())
                .isEqualTo(t0.plusSeconds(30));
    }

    @Test
    void runningReportNeedsItsScaleDownCondition() {
        assertThatThrownBy(
                        () ->
                                new StatusReport(
                                        Instant.EPOCH,
                                        AutoscalerState.RUNNING,
                                        "",
                                        Optional.of(StatusFixtures.cluster()),
                                        Optional.empty(),
                                        Map.of()))
                .hasMessageContaining("scale-down");
    }

    @Test
    void goTimeLayouts() {
        assertThat(GoTime.string(Instant.parse("2026-03-04T05:06:07.120Z")))
                .isEqualTo("2026-03-04 05:06:07.12 +0000 UTC");
        assertThat(GoTime.rfc3339Nano(Instant.parse("2026-03-04T05:06:07.000000001Z")))
                .isEqualTo("2026-03-04T05:06:07.000000001Z");
        assertThat(GoTime.rfc3339Nano(Instant.parse("0001-01-01T00:00:00Z")))
                .isEqualTo("0001-01-01T00:00:00Z");
    }
}
