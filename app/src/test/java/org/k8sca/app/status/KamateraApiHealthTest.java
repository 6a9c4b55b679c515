package org.k8sca.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.app.status.StatusModel.ApiHealth;
import org.k8sca.app.status.StatusModel.EndpointHealth;
import org.k8sca.app.testing.MutableClock;
import org.k8sca.kamatera.api.ApiCallListener.CallEvent;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.Outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Calls and errors per endpoint over the last minutes, on the injected clock. */
class KamateraApiHealthTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:30Z"));
    private final KamateraApiHealth health = new KamateraApiHealth(clock);

    private void call(Endpoint endpoint, Outcome outcome, int httpStatus, int attempts) {
        health.onCall(
                new CallEvent(endpoint, outcome, httpStatus, attempts, Duration.ofMillis(20)));
    }

    private EndpointHealth endpoint(String name) {
        return health.snapshot().endpoints().stream()
                .filter(e -> e.endpoint().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void noCallsNoEndpoints() {
        ApiHealth snapshot = health.snapshot();
        assertThat(snapshot.endpoints()).isEmpty();
        assertThat(snapshot.window()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void countsCallsAndErrorsPerEndpointAndKeepsTheLastError() {
        call(Endpoint.LIST_SERVERS, Outcome.OK, 200, 1);
        call(Endpoint.LIST_SERVERS, Outcome.HTTP_5XX, 503, 3);
        clock.advance(Duration.ofSeconds(5));
        call(Endpoint.LIST_SERVERS, Outcome.OK, 200, 1);
        call(Endpoint.CREATE_SERVER, Outcome.TIMEOUT, 0, 2);

        EndpointHealth list = endpoint("list_servers");
        assertThat(list.recentCalls()).isEqualTo(3);
        assertThat(list.recentErrors()).isEqualTo(1);
        assertThat(list.lastCall()).contains(clock.instant());
        assertThat(list.lastError().orElseThrow().describe())
                .isEqualTo("http_5xx (HTTP 503) after 3 attempts");
        assertThat(list.lastError().orElseThrow().time())
                .isEqualTo(clock.instant().minusSeconds(5));
        assertThat(endpoint("create_server").lastError().orElseThrow().describe())
                .isEqualTo("timeout after 2 attempts");
        // Endpoints in their declaration order.
        assertThat(health.snapshot().endpoints())
                .extracting(EndpointHealth::endpoint)
                .containsExactly("list_servers", "create_server");
    }

    @Test
    void oldCallsLeaveTheWindowButStayInTheTotals() {
        call(Endpoint.POWER_ON, Outcome.HTTP_4XX, 404, 1);
        clock.advance(Duration.ofMinutes(14));
        call(Endpoint.POWER_ON, Outcome.OK, 200, 1);
        assertThat(endpoint("power_on").recentCalls()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(1));
        EndpointHealth e = endpoint("power_on");
        assertThat(e.recentCalls()).as("the first call is 15 minutes old").isEqualTo(1);
        assertThat(e.recentErrors()).isZero();
        assertThat(e.totalCalls()).isEqualTo(2);
        assertThat(e.totalErrors()).isEqualTo(1);
        assertThat(e.lastError()).isPresent();

        clock.advance(Duration.ofHours(3));
        assertThat(endpoint("power_on").recentCalls()).isZero();
    }

    /**
     * Against a plain list of call times: the recent count is the calls whose minute is within the
     * last 15 minutes, for random call patterns.
     */
    @Test
    void recentCountsMatchAPlainRecountForRandomCallTimes() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            MutableClock c = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
            KamateraApiHealth h = new KamateraApiHealth(c);
            java.util.List<Instant> times = new java.util.ArrayList<>();
            int calls = random.nextInt(60);
            for (int i = 0; i < calls; i++) {
                c.advance(Duration.ofSeconds(random.nextInt(120)));
                h.onCall(new CallEvent(Endpoint.SERVER_INFO, Outcome.OK, 200, 1, Duration.ZERO));
                times.add(c.instant());
            }
            c.advance(Duration.ofSeconds(random.nextInt(600)));
            long nowMinute = c.instant().getEpochSecond() / 60;
            long expected =
                    times.stream().filter(t -> t.getEpochSecond() / 60 > nowMinute - 15).count();
            long actual =
                    h.snapshot().endpoints().stream().mapToLong(EndpointHealth::recentCalls).sum();
            assertThat(actual).as("seed %d round %d", seed, round).isEqualTo(expected);
        }
    }
}
