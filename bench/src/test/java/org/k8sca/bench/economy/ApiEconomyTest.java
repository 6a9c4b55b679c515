package org.k8sca.bench.economy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.testkit.VirtualCluster;

import java.time.Duration;

/**
 * Steady state costs at most 2 Kamatera calls per minute (issue 8): a count in virtual time, so it
 * is the same on every run.
 */
class ApiEconomyTest {

    @Test
    void steadyStateListsAtMostTwicePerMinuteAndCallsNothingElse() throws Exception {
        try (VirtualCluster c = ApiEconomy.start(3)) {
            CallCount startup = ApiEconomy.startup(c, 3, Duration.ofSeconds(30));
            // Each server's tags are read once, when it is first listed.
            assertThat(startup.of(Endpoint.TAGS)).isEqualTo(3);

            CallCount quiet = ApiEconomy.steadyState(c, Duration.ofMinutes(2));

            assertThat(quiet.loops()).isEqualTo(12);
            assertThat(quiet.calls().keySet()).containsOnly(Endpoint.LIST_SERVERS);
            assertThat(quiet.perMinute()).isLessThanOrEqualTo(2.0);
            // Upstream lists at every loop.
            assertThat(UpstreamCalls.steadyState(quiet.loops()).total() / quiet.minutes())
                    .isEqualTo(6.0);
        }
    }

    @Test
    void upstreamPollsEveryCommandOncePerGroupPerRefresh() {
        UpstreamCalls u = UpstreamCalls.scaleUp(8, 50, 30, 10, 2);
        assertThat(u.queue()).isEqualTo(300);
        assertThat(u.total()).isEqualTo(8 + 50 + 300);
        // A command of 25 s is seen pending at 10 s and 20 s and complete at 30 s.
        assertThat(UpstreamCalls.scaleUp(1, 1, 25, 10, 1).queue()).isEqualTo(3);
    }
}
