package org.k8sca.kamatera.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.knobs.Endpoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Parallel clients see one consistent account: unique command ids, every server created once. */
class ConcurrencyTest extends SimTestBase {

    @Test
    void parallelCreatesGetDistinctCommandsAndServers() throws Exception {
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Long>> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "par-" + i;
                ids.add(
                        CompletableFuture.supplyAsync(
                                () ->
                                        api.postJson(
                                                        "/service/server",
                                                        SimClient.autoscalerCreateBody(name))
                                                .commandId(),
                                pool));
                CompletableFuture.runAsync(() -> api.get("/service/servers"), pool);
            }
            Set<Long> distinct = new HashSet<>();
            for (CompletableFuture<Long> f : ids) {
                distinct.add(f.get());
            }
            assertThat(distinct).hasSize(n);
        } finally {
            pool.shutdown();
        }
        finishCommands();
        assertThat(api.get("/service/servers").json().size()).isEqualTo(n);
        assertThat(sim.requestCount(Endpoint.CREATE_SERVER)).isEqualTo(n);
    }
}
