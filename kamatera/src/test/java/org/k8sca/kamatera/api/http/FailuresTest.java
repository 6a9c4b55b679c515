package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.KamateraApiException.Kind;

import tools.jackson.databind.json.JsonMapper;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;

/** The "may have been processed" verdict and messages of each failure. */
class FailuresTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Redactor NO_SECRETS = Redactor.of();

    private static KamateraApiException response(int status, String body) {
        return Failures.fromResponse(
                Endpoint.POWER_OFF, status, HttpCallExecutor.parseJson(body), NO_SECRETS);
    }

    @Test
    void serverErrorsMayHaveBeenProcessed() {
        assertThat(
                        response(
                                        500,
                                        "{\"message\":\"Failed to run command method"
                                                + " (powerServer)\"}")
                                .mayHaveBeenProcessed())
                .isTrue();
        assertThat(response(504, "Gateway Timeout").mayHaveBeenProcessed()).isTrue();
        assertThat(response(200, "not json").mayHaveBeenProcessed()).isTrue();
    }

    @Test
    void refusalsWereNotProcessed() {
        assertThat(
                        response(400, "{\"message\":\"missing required flag (name)\"}")
                                .mayHaveBeenProcessed())
                .isFalse();
        assertThat(response(429, "").mayHaveBeenProcessed()).isFalse();
        assertThat(
                        response(500, "{\"message\":\"No servers found (name='x')\"}")
                                .mayHaveBeenProcessed())
                .isFalse();
        assertThat(
                        response(500, "{\"message\":\"Too many matching servers (name='a|b')\"}")
                                .mayHaveBeenProcessed())
                .isFalse();
    }

    @Test
    void messagesKeepUpstreamWording() {
        assertThat(response(504, "Gateway Timeout"))
                .hasMessage("bad status code from Kamatera API: 504");
        assertThat(response(200, "")).hasMessage("invalid response from Kamatera API: <nil>");
        assertThat(response(404, "{\"error\":true,\"message\":\"Not Found\"}"))
                .hasMessage(
                        "error response from Kamatera API (404): map[error:true message:Not"
                                + " Found]");
        assertThat(response(429, "{}").kind()).isEqualTo(Kind.RATE_LIMITED);
    }

    @Test
    void trailingDataAfterTheFirstJsonValueIsIgnored() {
        assertThat(HttpCallExecutor.parseJson("[\"x\"] trailing"))
                .contains(MAPPER.readTree("[\"x\"]"));
        assertThat(HttpCallExecutor.parseJson("   ")).isEmpty();
    }

    @Test
    void connectionRefusedWasNotProcessedButOtherIoErrorsOfAPostMayHaveBeen() {
        KamateraApiException refused =
                Failures.fromTransport(
                        Endpoint.POWER_OFF,
                        new java.io.IOException(
                                "wrapped", new ConnectException("Connection refused")),
                        Duration.ofSeconds(1),
                        true,
                        NO_SECRETS);
        KamateraApiException reset =
                Failures.fromTransport(
                        Endpoint.POWER_OFF,
                        new java.io.IOException("connection reset"),
                        Duration.ofSeconds(1),
                        true,
                        NO_SECRETS);

        assertThat(refused.kind()).isEqualTo(Kind.TRANSPORT);
        assertThat(refused.mayHaveBeenProcessed()).isFalse();
        assertThat(reset.mayHaveBeenProcessed()).isTrue();
        assertThat(reset.getMessage())
                .isEqualTo(
                        "Kamatera API request failed (power_off): IOException: connection reset");
    }

    @Test
    void theDeadlineMessageNamesTheLastError() {
        KamateraApiException last = response(503, "busy");

        KamateraApiException error =
                Failures.deadlineExceeded(Endpoint.LIST_SERVERS, Duration.ofSeconds(3), 2, last);

        assertThat(error.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(error)
                .hasMessage(
                        "Kamatera API call list_servers exceeded its deadline of 3000 ms after 2"
                                + " attempts; last error: bad status code from Kamatera API: 503");
        assertThat(Optional.of(error.httpStatus())).contains(503);
    }
}
