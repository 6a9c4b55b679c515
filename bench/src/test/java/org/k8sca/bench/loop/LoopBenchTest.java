package org.k8sca.bench.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.bench.cluster.ClusterSpec;
import org.k8sca.bench.macro.PassMeter;
import org.k8sca.kamatera.api.Endpoint;

/** The full-loop benchmark on a small cluster: the loop really plans and really creates servers. */
class LoopBenchTest {

    private static final LoopScenario SMALL =
            new LoopScenario("small", ClusterSpec.of(40, 12, 60), 0, 0);

    @Test
    void everyLoopListsOnceAndCreatesTheServersItsScaleUpAsksFor() {
        LoopBench.LoopResult r = LoopBench.measure(SMALL, new PassMeter(1, 3));

        assertThat(r.outcome().error()).isEmpty();
        assertThat(r.decided()).contains("scale-up SCALE_UP").contains("SUCCEEDED");
        assertThat(r.calls()).containsEntry(Endpoint.LIST_SERVERS, 1);
        // The summary says "group a->b": the loop created exactly b - a servers.
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("executed: \\[\\{\\S+ (\\d+)->(\\d+) ")
                        .matcher(r.decided());
        assertThat(m.find()).as(r.decided()).isTrue();
        int delta = Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1));
        assertThat(delta).isPositive();
        assertThat(r.calls()).containsEntry(Endpoint.CREATE_SERVER, delta);
        assertThat(r.meter().nanos().count()).isEqualTo(3);
    }

    @Test
    void theClusterIsConvertedWhole() {
        LoopCluster c =
                LoopCluster.of(org.k8sca.bench.cluster.ClusterGenerator.generate(SMALL.spec()));

        assertThat(c.pendingCount()).isEqualTo(60);
        // One server per node; the warm pool's servers are off.
        assertThat(c.servers()).hasSize(c.objects().nodes().size());
        assertThat(c.servers().stream().filter(s -> !s.poweredOn()))
                .hasSize((int) c.objects().nodes().stream().filter(n -> !n.ready()).count())
                .isNotEmpty();
        assertThat(c.objects().nodes())
                .allSatisfy(n -> assertThat(n.providerId()).isEqualTo("kamatera://" + n.name()));
        // Every bound pod's controller is known, with as many replicas as it has pods.
        assertThat(c.objects().pods())
                .filteredOn(p -> p.pod().owner() != null)
                .filteredOn(p -> !p.pod().owner().kind().equals("DaemonSet"))
                .allSatisfy(
                        p ->
                                assertThat(c.objects().workloadsByUid())
                                        .containsKey(p.pod().owner().uid()));
    }
}
