package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.k8sca.kamatera.api.CommandState;
import org.k8sca.kamatera.api.CommandStatus;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.CreateServerResult;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.KamateraApiException.Kind;
import org.k8sca.kamatera.api.Secret;
import org.k8sca.kamatera.api.ServerInfo;
import org.k8sca.kamatera.api.ServerSummary;
import org.k8sca.kamatera.sim.KamateraSimulator;
import org.k8sca.kamatera.sim.ManualClock;
import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.CreateFailureMode;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.QueueBadShape;
import org.k8sca.kamatera.sim.knobs.Timings;
import org.k8sca.kamatera.sim.model.ServerSetup;

import java.time.Duration;
import java.util.List;

/**
 * The real client against the in-process Kamatera simulator over HTTP on 127.0.0.1: a full server
 * life cycle, power off/on, and one test per fault knob. Client and simulator share one manual
 * clock; the client's backoff sleeps advance it, so nothing sleeps for real except the latency
 * test.
 */
class ClientAgainstSimulatorTest {

    private static final String CLIENT_ID = "sim-client-id";
    private static final String SECRET = "sim-secret-value";

    private ManualClock clock;
    private List<Duration> sleeps;
    private KamateraSimulator sim;
    private KamateraApi api;

    @BeforeEach
    void start() {
        clock = new ManualClock();
        sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();
        Timings timings =
                new Timings()
                        .pendingDelay(DurationRange.fixed(Duration.ofSeconds(2)))
                        .allDurations(DurationRange.fixed(Duration.ofSeconds(10)));
        sim =
                KamateraSimulator.builder()
                        .credentials(CLIENT_ID, SECRET)
                        .clock(clock)
                        .seed(7)
                        .timings(timings)
                        .build()
                        .start();
        api = client(options());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private ClientOptions.Builder options() {
        return ClientOptions.builder()
                .clock(clock)
                .sleeper(
                        duration -> {
                            sleeps.add(duration);
                            clock.advance(duration);
                        })
                .rateLimit(0, 1)
                .attemptTimeout(Duration.ofSeconds(10));
    }

    private KamateraApi client(ClientOptions.Builder options) {
        return new KamateraHttpApi(sim.baseUrl(), CLIENT_ID, SECRET, options.build());
    }

    private static CreateServerRequest request(String name) {
        return CreateServerRequest.builder(name)
                .datacenter("EU")
                .image("ubuntu_server_24.04_64-bit")
                .cpu("2B")
                .ram("4096")
                .disks(List.of("size=50"))
                .networks(List.of("name=wan,ip=auto"))
                .script(Secret.of("#!/bin/bash\necho hello\n"))
                .tags(List.of("k8sca-c1", "k8scang-ng1"))
                .build();
    }

    private CommandState state(String commandId) {
        return api.commandStatuses(List.of(commandId)).get(commandId).state();
    }

    private void finishCommands() {
        clock.advanceSeconds(60);
    }

    @Test
    void createQueueListTagsTerminateRoundTrip() {
        CreateServerResult created = api.createServer(request("ng1-3fa9c02b71e"));
        assertThat(created.generatedPassword().isEmpty())
                .as("__generate__ answers a password")
                .isFalse();
        assertThat(state(created.commandId())).isEqualTo(CommandState.PENDING);

        finishCommands();
        CommandStatus done =
                api.commandStatuses(List.of(created.commandId())).get(created.commandId());
        assertThat(done.state()).isEqualTo(CommandState.COMPLETE);
        assertThat(done.log()).contains("ng1-3fa9c02b71e");

        assertThat(api.listServers("ng1-"))
                .singleElement()
                .satisfies(
                        server -> {
                            assertThat(server.name()).isEqualTo("ng1-3fa9c02b71e");
                            assertThat(server.poweredOn()).isTrue();
                        });
        assertThat(api.listServers("other-")).isEmpty();
        assertThat(api.serverTags("ng1-3fa9c02b71e")).containsExactly("k8sca-c1", "k8scang-ng1");
        assertThat(api.addServerTag("ng1-3fa9c02b71e", "extra-tag")).contains("extra-tag");
        assertThat(api.removeServerTag("ng1-3fa9c02b71e", "extra-tag"))
                .containsExactly("k8sca-c1", "k8scang-ng1");
        ServerInfo info = api.serverInfo("ng1-3fa9c02b71e").orElseThrow();
        assertThat(info.datacenter()).isEqualTo("EU");
        assertThat(info.cpu()).isEqualTo("2B");
        assertThat(info.ramMb()).isEqualTo(4096);

        String terminate = api.terminateServer("ng1-3fa9c02b71e");
        finishCommands();
        assertThat(state(terminate)).isEqualTo(CommandState.COMPLETE);
        assertThat(api.listServers("")).isEmpty();
        assertThat(api.serverInfo("ng1-3fa9c02b71e")).isEmpty();
    }

    @Test
    void powerOffThenOn() {
        sim.addServer(
                ServerSetup.named("ng1-00000000001").power("on").tags("k8sca-c1", "k8scang-ng1"));

        String off = api.powerOff("ng1-00000000001");
        finishCommands();
        assertThat(state(off)).isEqualTo(CommandState.COMPLETE);
        assertThat(api.listServers(""))
                .singleElement()
                .extracting(ServerSummary::poweredOn)
                .isEqualTo(false);

        String on = api.powerOn("ng1-00000000001");
        finishCommands();
        assertThat(state(on)).isEqualTo(CommandState.COMPLETE);
        assertThat(api.listServers(""))
                .singleElement()
                .extracting(ServerSummary::poweredOn)
                .isEqualTo(true);
    }

    @Test
    void severalCommandsAreAskedInOneQueueRequest() {
        sim.addServer(ServerSetup.named("ng1-00000000001").power("on"));
        sim.addServer(ServerSetup.named("ng1-00000000002").power("on"));
        String first = api.powerOff("ng1-00000000001");
        String second = api.powerOff("ng1-00000000002");
        finishCommands();
        sim.clearJournal();

        assertThat(api.commandStatuses(List.of(first, second)).values())
                .extracting(CommandStatus::state)
                .containsExactly(CommandState.COMPLETE, CommandState.COMPLETE);
        assertThat(sim.requestCount(Endpoint.QUEUE)).isEqualTo(1);
    }

    @Test
    void http500BurstOnReadsIsRetriedThrough() {
        sim.addServer(ServerSetup.named("ng1-00000000001").power("on"));
        sim.faults()
                .failNext(
                        Endpoint.LIST_SERVERS,
                        3,
                        500,
                        "{\"message\":\"Failed to run command method (serversList)\"}");

        assertThat(api.listServers("")).hasSize(1);
        assertThat(sim.requestCount(Endpoint.LIST_SERVERS)).isEqualTo(4);
        assertThat(sleeps)
                .containsExactly(
                        Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void http500OnPowerOffIsNotRepeated() {
        sim.addServer(ServerSetup.named("ng1-00000000001").power("on"));
        sim.faults().http500Rate(Endpoint.POWER_OFF, 1.0);

        KamateraApiException error =
                catchThrowableOfType(
                        KamateraApiException.class, () -> api.powerOff("ng1-00000000001"));

        assertThat(error.httpStatus()).isEqualTo(500);
        assertThat(error.apiMessage()).contains("Failed to run command method (powerServer)");
        assertThat(error.mayHaveBeenProcessed()).isTrue();
        assertThat(sim.requestCount(Endpoint.POWER_OFF)).isEqualTo(1);
    }

    @Test
    void gateway504OnEveryAttemptGivesUpWithUpstreamMessage() {
        sim.faults().gatewayRate(Endpoint.LIST_SERVERS, 1.0);

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        assertThat(error).hasMessage("bad status code from Kamatera API: 504");
        assertThat(sim.requestCount(Endpoint.LIST_SERVERS)).isEqualTo(5);
    }

    /** A create that errors after the server was made: not retried; the caller finds it by name. */
    @Test
    void ambiguousCreateIsNotRetriedAndTheServerIsFoundByName() {
        sim.faults().createAcceptedButErrored(CreateFailureMode.GATEWAY_504, 1.0);

        KamateraApiException error =
                catchThrowableOfType(
                        KamateraApiException.class,
                        () -> api.createServer(request("ng1-0000000000a")));

        assertThat(error.mayHaveBeenProcessed()).isTrue();
        assertThat(sim.requestCount(Endpoint.CREATE_SERVER)).isEqualTo(1);
        finishCommands();
        assertThat(api.serverInfo("ng1-0000000000a")).isPresent();
    }

    @Test
    void commandErrorIsTerminalWithItsLog() {
        sim.faults().failNextCommands(CommandKind.CREATE, 1, "error", "quota exceeded (33)");
        CreateServerResult created = api.createServer(request("ng1-0000000000b"));

        finishCommands();
        CommandStatus status =
                api.commandStatuses(List.of(created.commandId())).get(created.commandId());

        assertThat(status.state()).isEqualTo(CommandState.ERROR);
        assertThat(status.log()).contains("quota exceeded (33)");
    }

    /** Upstream bug §6.3 #19: a cancelled command stayed pending forever; here it is terminal. */
    @Test
    void commandCancelIsTerminal() {
        sim.addServer(ServerSetup.named("ng1-00000000001").power("on"));
        sim.faults().commandCancelRate(1.0);
        String off = api.powerOff("ng1-00000000001");

        finishCommands();

        assertThat(state(off)).isEqualTo(CommandState.CANCELLED);
    }

    @Test
    void queue404WindowIsPendingForOurNewCommandsAndNotFoundForUnknownOnes() {
        sim.faults().queue404Window(Duration.ofSeconds(30));
        CreateServerResult created = api.createServer(request("ng1-0000000000c"));

        assertThat(state(created.commandId())).isEqualTo(CommandState.PENDING);
        clock.advanceSeconds(31);
        assertThat(state(created.commandId())).isIn(CommandState.PENDING, CommandState.COMPLETE);
        finishCommands();
        assertThat(state(created.commandId())).isEqualTo(CommandState.COMPLETE);

        assertThat(state("999999")).isEqualTo(CommandState.NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(QueueBadShape.class)
    void badQueueShapesAreInvalidResponses(QueueBadShape shape) {
        sim.addServer(ServerSetup.named("ng1-00000000001").power("on"));
        String off = api.powerOff("ng1-00000000001");
        sim.faults().queueBadShape(shape);

        KamateraApiException error =
                catchThrowableOfType(
                        KamateraApiException.class, () -> api.commandStatuses(List.of(off)));

        assertThat(error.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(error.getMessage())
                .startsWith("invalid response from Kamatera command status API: ");
    }

    /**
     * Latency past the attempt timeout: each attempt times out; the deadline stops further retries.
     */
    @Test
    void latencyPastTheDeadlineTimesOut() {
        sim.faults().latency(Endpoint.LIST_SERVERS, Duration.ofSeconds(3));
        KamateraApi impatient =
                client(
                        options()
                                .attemptTimeout(Duration.ofMillis(150))
                                .callDeadline(Duration.ofSeconds(5)));

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> impatient.listServers(""));

        assertThat(error.kind()).isEqualTo(Kind.TIMEOUT);
        // 2 s and then 4 s of backoff would end at 6 s, past the 5 s deadline: two attempts only.
        assertThat(error.attempts()).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void legacyTagKeysAreRead() {
        sim.addServer(
                ServerSetup.named("ng1-00000000001").power("on").tags("k8sca-c1", "k8scang-ng1"));
        sim.faults().legacyTagKeys(true);

        assertThat(api.serverTags("ng1-00000000001")).containsExactly("k8sca-c1", "k8scang-ng1");
    }

    @Test
    void listPassthroughErrorBodyIsAnInvalidResponse() {
        sim.faults().listPassthroughErrorBody(true);

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        assertThat(error.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(error.getMessage())
                .startsWith("invalid response from Kamatera servers API: map[errors:");
    }

    @Test
    void wrongCredentialsCarryTheApiMessageAndNoSecret() {
        KamateraApi wrong =
                new KamateraHttpApi(
                        sim.baseUrl(),
                        CLIENT_ID,
                        "wrong-secret-123",
                        options().maxAttempts(1).build());

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> wrong.listServers(""));

        assertThat(error.apiMessage().orElseThrow()).contains("you are not logged in");
        assertThat(error.getMessage()).doesNotContain("wrong-secret-123");
    }

    @Test
    void serverOptionsFromTheCatalogue() {
        assertThat(api.datacenters())
                .extracting(org.k8sca.kamatera.api.Datacenter::id)
                .contains("EU", "IL");
        assertThat(api.capabilities("EU").cpuTypes())
                .extracting(org.k8sca.kamatera.api.CpuType::id)
                .contains("A", "B", "D", "T");
        assertThat(api.images("EU"))
                .extracting(org.k8sca.kamatera.api.ServerImage::id)
                .allMatch(id -> id.startsWith("EU:"));
    }
}
