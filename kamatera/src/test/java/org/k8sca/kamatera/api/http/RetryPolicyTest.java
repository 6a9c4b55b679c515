package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.json;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.ok;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.text;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.KamateraApiException.Kind;
import org.k8sca.kamatera.api.http.StubKamateraServer.Recorded;
import org.k8sca.kamatera.api.http.StubKamateraServer.Reply;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * Which failures are retried, how long we wait, and where we stop (kamatera-provider.md §7 items
 * 19, 20, 21, adapted: upstream retries everything but create; we retry only where a repeat is
 * safe).
 */
class RetryPolicyTest {

    private StubKamateraServer server;
    private FakeTime time;

    @BeforeEach
    void start() throws Exception {
        server = new StubKamateraServer();
        time = new FakeTime();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Item 19: a 504 with a non-JSON body is retried to 5 attempts with sleeps 2, 4, 8, 16 s. */
    @Test
    void item19_gateway504IsRetriedFiveTimesWithExponentialBackoff() {
        server.script("/service/servers", text(504, "Gateway Timeout"));
        KamateraApi api = TestClients.client(server, time);

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        assertThat(error).hasMessage("bad status code from Kamatera API: 504");
        assertThat(error.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(error.httpStatus()).isEqualTo(504);
        assertThat(error.attempts()).isEqualTo(5);
        assertThat(server.requests()).hasSize(5);
        assertThat(time.sleeps())
                .containsExactly(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16));
    }

    @Test
    void item19_theBackoffBaseIsConfigurable() {
        server.script("/service/servers", text(502, "Bad Gateway"));
        KamateraApi api =
                TestClients.client(
                        server,
                        TestClients.options(time)
                                .backoffBase(Duration.ofMillis(10))
                                .maxAttempts(3)
                                .build());

        catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(20), Duration.ofMillis(40));
    }

    @Test
    void aTransientFailureThenSuccessReturnsTheResult() {
        server.script(
                "/service/servers",
                json(500, "{\"message\":\"Failed to run command method (list)\"}"),
                ok("[{\"name\":\"a\",\"power\":\"on\"}]"));
        KamateraApi api = TestClients.client(server, time);

        assertThat(api.listServers(""))
                .singleElement()
                .satisfies(s -> assertThat(s.poweredOn()).isTrue());
        assertThat(server.requests()).hasSize(2);
    }

    /** Item 20: every retry resends the identical body (tags are repeatable). */
    @Test
    void item20_retriesResendTheIdenticalBody() {
        server.script(
                "/server/tags",
                json(500, "{\"message\":\"Failed to run command method (serverTags)\"}"),
                json(503, "{\"message\":\"busy\"}"),
                ok("[{\"tagName\":\"k8sca-c1\"}]"));
        KamateraApi api = TestClients.client(server, time);

        assertThat(api.addServerTag("srv-1", "k8sca-c1")).containsExactly("k8sca-c1");

        assertThat(server.requests())
                .hasSize(3)
                .extracting(Recorded::body)
                .containsOnly("{\"name\":\"srv-1\",\"add\":\"k8sca-c1\"}");
    }

    @Test
    void theApiMessageOfAJsonErrorIsKeptWithUpstreamWording() {
        server.script(
                "/server/tags",
                json(500, "{\"message\":\"Failed to run command method (serverTags)\"}"));
        KamateraApi api =
                TestClients.client(server, TestClients.options(time).maxAttempts(1).build());

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.serverTags("s"));

        assertThat(error)
                .hasMessage(
                        "error response from Kamatera API (500): map[message:Failed to run command"
                                + " method (serverTags)]");
        assertThat(error.apiMessage()).contains("Failed to run command method (serverTags)");
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.script("/service/servers", json(401, "{\"message\":\"you are not logged in\"}"));
        KamateraApi api = TestClients.client(server, time);

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        assertThat(error.httpStatus()).isEqualTo(401);
        assertThat(error.mayHaveBeenProcessed()).isFalse();
        assertThat(server.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void noServersFoundIsADefiniteAnswerAndNotRetried() {
        server.script(
                "/server/tags", json(500, "{\"message\":\"No servers found (name='gone')\"}"));
        KamateraApi api = TestClients.client(server, time);

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.serverTags("gone"));

        assertThat(error.isNoServersFound()).isTrue();
        assertThat(error.mayHaveBeenProcessed()).isFalse();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aNonJson200IsAnInvalidResponseAndRetriedForReads() {
        server.script("/service/servers", text(200, "<html>oops</html>"));
        KamateraApi api =
                TestClients.client(server, TestClients.options(time).maxAttempts(2).build());

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        assertThat(error).hasMessage("invalid response from Kamatera API: <nil>");
        assertThat(error.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(server.requests()).hasSize(2);
    }

    /** Power and terminate: a 500 may mean the command started, so it is not repeated. */
    @Test
    void powerOffIsNotRetriedAfterA500AndIsReportedAsMaybeProcessed() {
        server.script(
                "/service/server/poweroff",
                json(500, "{\"message\":\"Failed to run command method (x)\"}"));
        KamateraApi api = TestClients.client(server, time);

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.powerOff("s1"));

        assertThat(error.mayHaveBeenProcessed()).isTrue();
        assertThat(error.apiMessage()).contains("Failed to run command method (x)");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void terminateIsNotRetriedAfterA504() {
        server.script("/service/server/terminate", text(504, "Gateway Timeout"));
        KamateraApi api = TestClients.client(server, time);

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.terminateServer("s1"));

        assertThat(error.mayHaveBeenProcessed()).isTrue();
        assertThat(server.requests()).hasSize(1);
    }

    /** A 429 proves the request was refused, so even power on is repeated, after Retry-After. */
    @Test
    void powerOnIsRetriedAfter429HonouringRetryAfter() {
        server.script(
                "/service/server/poweron",
                json(429, "{\"message\":\"slow down\"}").withHeader("Retry-After", "7"),
                ok("[\"cmd-9\"]"));
        KamateraApi api = TestClients.client(server, time);

        assertThat(api.powerOn("s1")).isEqualTo("cmd-9");
        assertThat(server.requests()).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a429ThatNeverEndsIsRateLimited() {
        server.script("/service/servers", json(429, "{\"message\":\"slow down\"}"));
        KamateraApi api =
                TestClients.client(server, TestClients.options(time).maxAttempts(2).build());

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        assertThat(error.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(error.httpStatus()).isEqualTo(429);
        assertThat(error.mayHaveBeenProcessed()).isFalse();
    }

    /**
     * Connection refused proves nothing was sent: power off is repeated, and reported as not
     * processed.
     */
    @Test
    void connectionRefusedIsRetriedEvenForPowerOff() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        KamateraApi api =
                new KamateraHttpApi(
                        "http://127.0.0.1:" + closedPort,
                        "id",
                        "secret",
                        TestClients.options(time).maxAttempts(3).build());

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.powerOff("s1"));

        assertThat(error.kind()).isEqualTo(Kind.TRANSPORT);
        assertThat(error.mayHaveBeenProcessed()).isFalse();
        assertThat(error.attempts()).isEqualTo(3);
        assertThat(time.sleeps()).hasSize(2);
    }

    /** Item 21: create is attempted exactly once, whatever the failure. */
    @Test
    void item21_createIsNeverRetried() {
        server.script("/service/server", text(504, "Gateway Timeout"));
        KamateraApi api = TestClients.client(server, time);

        KamateraApiException error =
                catchThrowableOfType(
                        KamateraApiException.class,
                        () ->
                                api.createServer(
                                        CreateServerRequest.builder("ng1-0123456789a").build()));

        assertThat(error.mayHaveBeenProcessed()).isTrue();
        assertThat(error.attempts()).isEqualTo(1);
        assertThat(server.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void item21_createRejectedWith400IsNotProcessed() {
        server.script(
                "/service/server",
                json(400, "{\"message\":\"missing required flag (datacenter)\"}"));
        KamateraApi api = TestClients.client(server, time);

        KamateraApiException error =
                catchThrowableOfType(
                        KamateraApiException.class,
                        () ->
                                api.createServer(
                                        CreateServerRequest.builder("ng1-0123456789a").build()));

        assertThat(error.mayHaveBeenProcessed()).isFalse();
        assertThat(error.apiMessage()).contains("missing required flag (datacenter)");
        assertThat(server.requests()).hasSize(1);
    }

    /** The deadline bounds the whole call: no retry starts whose sleep would end past it. */
    @Test
    void noRetryStartsThatWouldPassTheDeadline() {
        server.script("/service/servers", text(503, "Service Unavailable"));
        KamateraApi api =
                TestClients.client(
                        server,
                        TestClients.options(time).callDeadline(Duration.ofSeconds(10)).build());

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        // Sleeps of 2 s and 4 s fit in 10 s; the next (8 s) would end at 14 s.
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(server.requests()).hasSize(3);
        assertThat(error).hasMessage("bad status code from Kamatera API: 503");
    }

    @Test
    void backoffIsCappedAtTheMaximum() {
        server.script("/service/servers", text(503, "Service Unavailable"));
        KamateraApi api =
                TestClients.client(
                        server,
                        TestClients.options(time)
                                .maxAttempts(5)
                                .backoffMax(Duration.ofSeconds(5))
                                .build());

        catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        assertThat(time.sleeps())
                .containsExactly(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5));
    }

    /**
     * A hanging server: the attempt times out; reads are repeated, each within the attempt timeout.
     */
    @Test
    void aHangingReadTimesOutAndIsRetried() {
        server.script("/service/servers", Reply.hanging());
        KamateraApi api =
                TestClients.client(
                        server,
                        TestClients.options(time)
                                .attemptTimeout(Duration.ofMillis(200))
                                .maxAttempts(2)
                                .build());

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        assertThat(error.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aHangingCreateTimesOutOnceAndMayHaveBeenProcessed() {
        server.script("/service/server", Reply.hanging());
        KamateraApi api =
                TestClients.client(
                        server,
                        TestClients.options(time).createTimeout(Duration.ofMillis(200)).build());

        KamateraApiException error =
                catchThrowableOfType(
                        KamateraApiException.class,
                        () ->
                                api.createServer(
                                        CreateServerRequest.builder("ng1-0123456789a").build()));

        assertThat(error.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(error.mayHaveBeenProcessed()).isTrue();
        assertThat(server.requests()).hasSize(1);
    }

    /** An interrupted caller stops at once: no request is sent and the interrupt flag is kept. */
    @Test
    void anInterruptedThreadIsCancelledBeforeSending() {
        server.script("/service/servers", ok("[]"));
        KamateraApi api = TestClients.client(server, time);

        Thread.currentThread().interrupt();
        KamateraApiException error;
        try {
            error = catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }

        assertThat(error.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(server.requests()).isEmpty();
    }

    /**
     * Interrupted while sleeping between retries: the call ends as cancelled without more requests.
     */
    @Test
    void anInterruptDuringBackoffCancelsTheCall() {
        server.script("/service/servers", text(503, "Service Unavailable"));
        Sleeper interruptingSleeper =
                duration -> {
                    throw new InterruptedException("stop");
                };
        KamateraApi api =
                TestClients.client(
                        server, TestClients.options(time).sleeper(interruptingSleeper).build());

        KamateraApiException error;
        try {
            error = catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }

        assertThat(error.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(server.requests()).hasSize(1);
    }

    /**
     * Interrupted while waiting for a response: returns promptly, before the (long) attempt
     * timeout.
     */
    @Test
    void anInterruptWhileWaitingForTheResponseCancelsTheCall() throws Exception {
        server.script("/service/server/poweroff", Reply.hanging());
        KamateraApi api =
                TestClients.client(
                        server,
                        TestClients.options(time).attemptTimeout(Duration.ofMinutes(5)).build());
        KamateraApiException[] failure = new KamateraApiException[1];
        Thread caller =
                new Thread(
                        () ->
                                failure[0] =
                                        catchThrowableOfType(
                                                KamateraApiException.class,
                                                () -> api.powerOff("s1")));

        caller.start();
        while (server.requests().isEmpty()) {
            Thread.sleep(5);
        }
        caller.interrupt();
        caller.join(Duration.ofMinutes(1).toMillis());

        assertThat(caller.isAlive()).as("call still blocked after interrupt").isFalse();
        assertThat(failure[0].kind()).isEqualTo(Kind.CANCELLED);
        assertThat(failure[0].mayHaveBeenProcessed()).isTrue();
    }
}
