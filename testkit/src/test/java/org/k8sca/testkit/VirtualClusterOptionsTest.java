package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.app.loop.LoopObserver;
import org.k8sca.kamatera.api.ApiCallListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The builder's hooks for extra loop observers and a Kamatera API call listener. */
class VirtualClusterOptionsTest {

    @Test
    void extraObserversSeeEveryLoopOnTheVirtualClockAndTheListenerEveryApiCall() throws Exception {
        List<Instant> loops = new CopyOnWriteArrayList<>();
        List<ApiCallListener.CallEvent> calls = new CopyOnWriteArrayList<>();
        Clock[] given = new Clock[1];
        try (VirtualCluster cluster =
                VirtualCluster.builder()
                        .nodeGroup("ng1", 1, 2)
                        .observers(
                                clock -> {
                                    given[0] = clock;
                                    return List.of(
                                            new LoopObserver() {
                                                @Override
                                                public void loopStarted(Instant now) {
                                                    loops.add(now);
                                                }
                                            });
                                })
                        .apiCallListener(
                                new ApiCallListener() {
                                    @Override
                                    public void onCall(CallEvent event) {
                                        calls.add(event);
                                    }
                                })
                        .start()) {
            Instant start = cluster.now();
            assertThat(given[0].instant())
                    .as("the factory got the cluster's clock")
                    .isEqualTo(start);

            cluster.run(Duration.ofMinutes(1));
            cluster.restartAutoscaler();
            cluster.step();

            assertThat(loops)
                    .as("one loop per step, at the virtual time, also after a restart")
                    .hasSize(7)
                    .startsWith(start.plusSeconds(10))
                    .endsWith(start.plusSeconds(70));
            assertThat(calls).as("the autoscaler listed servers every loop").isNotEmpty();
        }
    }
}
