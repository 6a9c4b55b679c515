package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.json;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.ok;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.text;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.api.ApiCallListener;
import org.k8sca.kamatera.api.ApiCallListener.AttemptEvent;
import org.k8sca.kamatera.api.ApiCallListener.CallEvent;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.KamateraApiException.Kind;
import org.k8sca.kamatera.api.Outcome;

import java.time.Duration;
import java.util.List;

/** The metrics hook (one event per attempt, one per call) and the client-side rate limit. */
class MetricsAndRateLimitTest {

    private StubKamateraServer server;
    private FakeTime time;
    private RecordingListener listener;

    @BeforeEach
    void start() throws Exception {
        server = new StubKamateraServer();
        time = new FakeTime();
        listener = new RecordingListener();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void oneEventPerAttemptAndOnePerCall() {
        server.script(
                "/service/servers",
                text(504, "Gateway Timeout"),
                json(500, "{\"message\":\"x\"}"),
                ok("[]"));
        KamateraApi api =
                TestClients.client(server, TestClients.options(time).listener(listener).build());

        api.listServers("");

        assertThat(listener.attempts).extracting(AttemptEvent::attempt).containsExactly(1, 2, 3);
        assertThat(listener.attempts)
                .extracting(AttemptEvent::outcome)
                .containsExactly(Outcome.HTTP_5XX, Outcome.HTTP_5XX, Outcome.OK);
        assertThat(listener.attempts)
                .extracting(AttemptEvent::httpStatus)
                .containsExactly(504, 500, 200);
        assertThat(listener.attempts)
                .extracting(AttemptEvent::endpoint)
                .containsOnly(Endpoint.LIST_SERVERS);
        assertThat(listener.calls)
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.outcome()).isEqualTo(Outcome.OK);
                            assertThat(call.attempts()).isEqualTo(3);
                            assertThat(call.httpStatus()).isEqualTo(200);
                            // Backoff sleeps of 2 s and 4 s happened on the fake clock and count in
                            // the call's latency.
                            assertThat(call.latency()).isEqualTo(Duration.ofSeconds(6));
                        });
    }

    @Test
    void aShapeErrorAfterA200IsAnOkAttemptButAnInvalidResponseCall() {
        server.script("/service/server/poweroff", ok("[]"));
        KamateraApi api =
                TestClients.client(server, TestClients.options(time).listener(listener).build());

        catchThrowableOfType(KamateraApiException.class, () -> api.powerOff("s1"));

        assertThat(listener.attempts).extracting(AttemptEvent::outcome).containsExactly(Outcome.OK);
        assertThat(listener.calls)
                .extracting(CallEvent::outcome)
                .containsExactly(Outcome.INVALID_RESPONSE);
        assertThat(listener.calls)
                .extracting(CallEvent::endpoint)
                .containsExactly(Endpoint.POWER_OFF);
    }

    @Test
    void aRefusedCallIsReportedWithNoAttempts() {
        KamateraApi api =
                TestClients.client(server, TestClients.options(time).listener(listener).build());

        catchThrowableOfType(
                KamateraApiException.class,
                () ->
                        api.createServer(
                                CreateServerRequest.builder("n1").tags(List.of("a b")).build()));

        assertThat(listener.attempts).isEmpty();
        assertThat(listener.calls)
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.outcome()).isEqualTo(Outcome.INVALID_REQUEST);
                            assertThat(call.attempts()).isZero();
                            assertThat(call.endpoint()).isEqualTo(Endpoint.CREATE_SERVER);
                        });
    }

    @Test
    void aThrowingListenerDoesNotBreakTheCall() {
        server.script("/service/servers", ok("[]"));
        ApiCallListener broken =
                new ApiCallListener() {
                    @Override
                    public void onAttempt(AttemptEvent event) {
                        throw new IllegalStateException("metrics down");
                    }

                    @Override
                    public void onCall(CallEvent event) {
                        throw new IllegalStateException("metrics down");
                    }
                };
        KamateraApi api =
                TestClients.client(server, TestClients.options(time).listener(broken).build());

        assertThat(api.listServers("")).isEmpty();
    }

    @Test
    void outcomeLabelsByHttpStatusClass() {
        assertThat(Outcome.of(Kind.HTTP_STATUS, 404)).isEqualTo(Outcome.HTTP_4XX);
        assertThat(Outcome.of(Kind.HTTP_STATUS, 503)).isEqualTo(Outcome.HTTP_5XX);
        assertThat(Outcome.of(Kind.HTTP_STATUS, 302)).isEqualTo(Outcome.HTTP_OTHER);
        assertThat(Outcome.of(Kind.TIMEOUT, 0).label()).isEqualTo("timeout");
    }

    /** Burst of 2 at 1 request/s: the third request waits one second on the injected clock. */
    @Test
    void theRateLimitDelaysRequestsBeyondTheBurst() {
        server.script("/service/servers", ok("[]"));
        KamateraApi api =
                TestClients.client(server, TestClients.options(time).rateLimit(1, 2).build());

        api.listServers("");
        api.listServers("");
        assertThat(time.sleeps()).isEmpty();
        api.listServers("");

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void theRateLimitRefillsWithTime() {
        server.script("/service/servers", ok("[]"));
        KamateraApi api =
                TestClients.client(server, TestClients.options(time).rateLimit(1, 1).build());

        api.listServers("");
        time.advance(Duration.ofSeconds(5));
        api.listServers("");

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aRateLimitThatCannotBeMetBeforeTheDeadlineFailsWithoutSending() {
        server.script("/service/servers", ok("[]"));
        KamateraApi api =
                TestClients.client(
                        server,
                        TestClients.options(time)
                                .rateLimit(0.01, 1)
                                .callDeadline(Duration.ofSeconds(30))
                                .build());

        api.listServers("");
        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        assertThat(error.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(error.mayHaveBeenProcessed()).isFalse();
        assertThat(error.attempts()).isZero();
        assertThat(server.requests()).hasSize(1);
    }
}
