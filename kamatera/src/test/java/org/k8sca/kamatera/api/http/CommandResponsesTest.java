package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.json;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.ok;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.k8sca.kamatera.api.CommandState;
import org.k8sca.kamatera.api.CommandStatus;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.KamateraApiException.Kind;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Command ids of power/terminate answers and queue statuses (kamatera-provider.md §7 items 27, 28).
 */
class CommandResponsesTest {

    private StubKamateraServer server;
    private FakeTime time;
    private KamateraApi api;

    @BeforeEach
    void start() throws Exception {
        server = new StubKamateraServer();
        time = new FakeTime();
        api = TestClients.client(server, time);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * Item 27 (widened): one string or one integral number, possibly nested in one-element arrays.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[\"x\"]      | x",
                "\"x\"        | x",
                "[[\"x\"]]    | x",
                "[1]          | 1",
                "12345678     | 12345678"
            })
    void item27_acceptedCommandIdShapes(String answer, String expectedId) {
        server.script("/service/server/terminate", ok(answer));

        assertThat(api.terminateServer("s1")).isEqualTo(expectedId);
    }

    /** Item 27: anything but exactly one id is rejected with upstream's wording, per endpoint. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[]                   | []",
                "[1,2]                | [1 2]",
                "[null]               | [<nil>]",
                "[\"\"]               | []",
                "{}                   | map[]",
                "{\"a\":\"b\"}        | map[a:b]",
                "[1.5]                | [1.5]"
            })
    void item27_rejectedCommandIdShapes(String answer, String dump) {
        server.script("/service/server/terminate", ok(answer));
        server.script("/service/server/poweron", ok(answer));
        server.script("/service/server/poweroff", ok(answer));

        assertRejected(() -> api.terminateServer("s1"), "terminate", dump);
        assertRejected(() -> api.powerOn("s1"), "poweron", dump);
        assertRejected(() -> api.powerOff("s1"), "poweroff", dump);
    }

    private static void assertRejected(Runnable call, String apiName, String dump) {
        KamateraApiException error = catchThrowableOfType(KamateraApiException.class, call::run);
        assertThat(error)
                .hasMessage("invalid response from Kamatera server " + apiName + " API: " + dump);
        assertThat(error.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(error.mayHaveBeenProcessed()).isTrue();
    }

    /** Item 28: complete, error (with log, no exception), and pending for no or unknown status. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[{\"status\":\"complete\"}]            | COMPLETE",
                "[{\"status\":\"error\",\"log\":\"x\"}] | ERROR",
                "[{}]                                   | PENDING",
                "[{\"status\":\"running\"}]             | PENDING",
                "[{\"status\":\"progress\"}]            | PENDING",
                "[{\"status\":null}]                    | PENDING",
                "[{\"status\":\"cancelled\"}]           | CANCELLED"
            })
    void item28_queueStatuses(String answer, CommandState expected) {
        server.script("/service/queue", ok(answer));

        CommandStatus status = api.commandStatuses(List.of("42")).get("42");

        assertThat(status.state()).isEqualTo(expected);
    }

    @Test
    void item28_theErrorLogIsReturned() {
        server.script(
                "/service/queue",
                ok("[{\"id\":42,\"status\":\"error\",\"log\":\"quota exceeded (33)\"}]"));

        CommandStatus status = api.commandStatuses(List.of("42")).get("42");

        assertThat(status)
                .isEqualTo(
                        new CommandStatus(
                                "42", CommandState.ERROR, "error", "quota exceeded (33)"));
        assertThat(status.state().isFailure()).isTrue();
        assertThat(status.state().isTerminal()).isTrue();
    }

    /**
     * Upstream bug §6.3 #19: cancelled stayed pending forever. It is terminal and a failure here.
     */
    @Test
    void cancelledIsTerminal() {
        assertThat(CommandState.CANCELLED.isTerminal()).isTrue();
        assertThat(CommandState.CANCELLED.isFailure()).isTrue();
        assertThat(CommandState.PENDING.isTerminal()).isFalse();
        assertThat(CommandState.NOT_FOUND.isTerminal()).isFalse();
    }

    /** Item 28: wrong shapes are rejected with upstream's wording. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[]                        | []",
                "[1,2]                     | [1 2]",
                "[{\"status\":123}]        | [map[status:123]]",
                "{}                        | map[]",
                "[\"complete\"]            | [complete]"
            })
    void item28_invalidQueueShapes(String answer, String dump) {
        server.script("/service/queue", ok(answer));

        KamateraApiException error =
                catchThrowableOfType(
                        KamateraApiException.class, () -> api.commandStatuses(List.of("42")));

        assertThat(error).hasMessage("invalid response from Kamatera command status API: " + dump);
    }

    /**
     * Several ids in one request, space-separated (%20), matched by the numeric id of each entry.
     */
    @Test
    void severalIdsAreAskedInOneRequestAndMatchedById() {
        server.script(
                "/service/queue",
                ok("[{\"id\":2,\"status\":\"error\"},{\"id\":1,\"status\":\"complete\"}]"));

        Map<String, CommandStatus> statuses = api.commandStatuses(List.of("1", "2", "1"));

        assertThat(server.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.pathAndQuery()).isEqualTo("/service/queue?id=1%202"));
        assertThat(statuses.keySet()).containsExactly("1", "2");
        assertThat(statuses.get("1").state()).isEqualTo(CommandState.COMPLETE);
        assertThat(statuses.get("2").state()).isEqualTo(CommandState.ERROR);
    }

    @Test
    void entriesWithoutIdsAreMatchedByPosition() {
        server.script(
                "/service/queue", ok("[{\"status\":\"complete\"},{\"status\":\"progress\"}]"));

        Map<String, CommandStatus> statuses = api.commandStatuses(List.of("a", "b"));

        assertThat(statuses.get("a").state()).isEqualTo(CommandState.COMPLETE);
        assertThat(statuses.get("b").state()).isEqualTo(CommandState.PENDING);
    }

    @Test
    void manyIdsAreSplitIntoBatches() {
        server.handler(
                "/service/queue",
                request -> {
                    int count = request.pathAndQuery().split("%20").length;
                    return ok(
                            "["
                                    + String.join(
                                            ",",
                                            java.util.Collections.nCopies(
                                                    count, "{\"status\":\"complete\"}"))
                                    + "]");
                });
        KamateraApi batched =
                TestClients.client(server, TestClients.options(time).queueBatchSize(2).build());

        Map<String, CommandStatus> statuses =
                batched.commandStatuses(List.of("1", "2", "3", "4", "5"));

        assertThat(statuses).hasSize(5);
        assertThat(server.requests())
                .extracting(StubKamateraServer.Recorded::pathAndQuery)
                .containsExactly(
                        "/service/queue?id=1%202",
                        "/service/queue?id=3%204", "/service/queue?id=5");
    }

    @Test
    void noIdsMeansNoRequest() {
        assertThat(api.commandStatuses(List.of())).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    /**
     * A 404 for a command we issued a moment ago means "not registered yet"; later it is NOT_FOUND.
     */
    @Test
    void a404ShortlyAfterIssuingIsPendingAndLaterNotFound() {
        server.script("/service/server/poweroff", ok("[\"77\"]"));
        server.script("/service/queue", json(404, "{\"json_decode_error\":null}"));
        KamateraApi graced =
                TestClients.client(
                        server,
                        TestClients.options(time)
                                .queueNotFoundGrace(Duration.ofSeconds(30))
                                .build());

        String id = graced.powerOff("s1");
        assertThat(graced.commandStatuses(List.of(id)).get(id).state())
                .isEqualTo(CommandState.PENDING);

        time.advance(Duration.ofSeconds(31));
        assertThat(graced.commandStatuses(List.of(id)).get(id).state())
                .isEqualTo(CommandState.NOT_FOUND);
    }

    @Test
    void a404ForAnIdThisClientNeverIssuedIsNotFound() {
        server.script("/service/queue", json(404, "{\"json_decode_error\":null}"));

        assertThat(api.commandStatuses(List.of("999")).get("999").state())
                .isEqualTo(CommandState.NOT_FOUND);
        assertThat(server.requests()).hasSize(1);
    }

    /** In a batch one young command's 404 fails all; each id is then asked alone. */
    @Test
    void aBatch404IsResolvedIdById() {
        server.script("/service/server", ok("[\"new\"]"));
        server.handler(
                "/service/queue",
                request ->
                        switch (request.pathAndQuery()) {
                            case "/service/queue?id=old" ->
                                    ok("[{\"id\":\"old\",\"status\":\"complete\"}]");
                            default -> json(404, "{\"json_decode_error\":null}");
                        });
        String fresh =
                api.createServer(CreateServerRequest.builder("ng1-0000000000a").build())
                        .commandId();

        Map<String, CommandStatus> statuses = api.commandStatuses(List.of("old", fresh));

        assertThat(statuses.get("old").state()).isEqualTo(CommandState.COMPLETE);
        assertThat(statuses.get(fresh).state()).isEqualTo(CommandState.PENDING);
        assertThat(server.requests("/service/queue"))
                .extracting(StubKamateraServer.Recorded::pathAndQuery)
                .containsExactly(
                        "/service/queue?id=old%20new",
                        "/service/queue?id=old", "/service/queue?id=new");
    }

    @Test
    void idsAreUrlEncoded() {
        server.script("/service/queue", ok("[{\"status\":\"complete\"}]"));

        api.commandStatuses(List.of("a&b"));

        assertThat(server.requests().get(0).pathAndQuery()).isEqualTo("/service/queue?id=a%26b");
    }
}
