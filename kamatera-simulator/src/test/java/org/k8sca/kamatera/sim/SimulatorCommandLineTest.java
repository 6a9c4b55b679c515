package org.k8sca.kamatera.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.CreateFailureMode;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.NameCollisionSuffix;
import org.k8sca.kamatera.sim.knobs.QueueBadShape;
import org.k8sca.kamatera.sim.knobs.Quota;
import org.k8sca.kamatera.sim.knobs.TerminateWithoutForce;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The standalone runner's options map onto the knobs; bad options say what is wrong. */
class SimulatorCommandLineTest {

    private static SimulatorCommandLine.Config parse(String... args) {
        return SimulatorCommandLine.parse(args, Map.of());
    }

    @Test
    void everyKnobHasAnOption() {
        SimulatorCommandLine.Config c =
                parse(
                        "--port",
                        "0",
                        "--client-id",
                        "id",
                        "--secret",
                        "s",
                        "--seed",
                        "9",
                        "--http500-rate",
                        "server-info=0.25",
                        "--gateway-rate",
                        "0.1",
                        "--gateway-status",
                        "502",
                        "--latency",
                        "list-servers=2s",
                        "--hang",
                        "create-server",
                        "--create-accepted-but-errored",
                        "gateway-504=0.5",
                        "--command-error-rate",
                        "0.2",
                        "--command-cancel-rate=0.3",
                        "--queue-404-window",
                        "3s",
                        "--queue-bad-shape",
                        "numeric-status",
                        "--list-passthrough-error-body",
                        "--name-collision-suffix",
                        "space-paren",
                        "--visibility-lag",
                        "0s..50s",
                        "--quota-servers",
                        "5",
                        "--quota-cpu-cores",
                        "16",
                        "--quota-ram-mb",
                        "65536",
                        "--quota-mode",
                        "sync-500",
                        "--legacy-tag-keys",
                        "--fanout-failure-at",
                        "2",
                        "--auth-failure-status",
                        "401",
                        "--auth-list-passthrough",
                        "--terminate-without-force",
                        "allow",
                        "--create-duration",
                        "1s..2s",
                        "--pending-delay",
                        "500ms",
                        "--statuses",
                        "initializing,progress",
                        "--show-creating-servers",
                        "--server",
                        "name=ng1-a,dc=IL,power=off,tag=k8sca-c,tag=k8scang-ng1");
        var f = c.faults;
        assertThat(c.port).isZero();
        assertThat(c.seed).isEqualTo(9);
        assertThat(f.http500Rate(Endpoint.SERVER_INFO)).isEqualTo(0.25);
        assertThat(f.http500Rate(Endpoint.LIST_SERVERS)).isZero();
        assertThat(f.gatewayRate(Endpoint.QUEUE)).isEqualTo(0.1);
        assertThat(f.gatewayStatus()).isEqualTo(502);
        assertThat(f.latency(Endpoint.LIST_SERVERS)).isEqualTo(Duration.ofSeconds(2));
        assertThat(f.hang(Endpoint.CREATE_SERVER)).isTrue();
        assertThat(f.createAcceptedButErroredMode()).contains(CreateFailureMode.GATEWAY_504);
        assertThat(f.createAcceptedButErroredRate()).isEqualTo(0.5);
        assertThat(f.commandErrorRate()).isEqualTo(0.2);
        assertThat(f.commandCancelRate()).isEqualTo(0.3);
        assertThat(f.queue404Window()).isEqualTo(Duration.ofSeconds(3));
        assertThat(f.queueBadShape()).contains(QueueBadShape.NUMERIC_STATUS);
        assertThat(f.listPassthroughErrorBody()).isTrue();
        assertThat(f.nameCollisionSuffix()).isEqualTo(NameCollisionSuffix.SPACE_PAREN);
        assertThat(f.visibilityLag()).isEqualTo(DurationRange.ofSeconds(0, 50));
        assertThat(f.quota()).isEqualTo(new Quota(5, 16, 65536, Quota.QuotaMode.SYNC_500));
        assertThat(f.legacyTagKeys()).isTrue();
        assertThat(f.fanOutFailureAt()).isEqualTo(2);
        assertThat(f.authFailureStatus()).isEqualTo(401);
        assertThat(f.authListPassthrough()).isTrue();
        assertThat(f.terminateWithoutForce()).isEqualTo(TerminateWithoutForce.ALLOW);
        assertThat(c.timings.duration(CommandKind.CREATE)).isEqualTo(DurationRange.ofSeconds(1, 2));
        assertThat(c.timings.pendingDelay()).isEqualTo(DurationRange.fixed(Duration.ofMillis(500)));
        assertThat(c.timings.inFlightStatuses()).containsExactly("initializing", "progress");
        assertThat(c.timings.showCreatingServers()).isTrue();
        assertThat(c.servers).hasSize(1);

        try (KamateraSimulator sim = c.builder().build().start()) {
            sim.addServer(c.servers.get(0));
            assertThat(sim.server("ng1-a").orElseThrow().tags())
                    .containsExactly("k8sca-c", "k8scang-ng1");
            assertThat(sim.server("ng1-a").orElseThrow().power()).isEqualTo("off");
            assertThat(sim.faults()).isSameAs(f);
        }
    }

    @Test
    void helpListsEveryOptionAndDurationsPerKind() {
        String usage = SimulatorCommandLine.usage();
        for (String o :
                new String[] {
                    "--port",
                    "--client-id",
                    "--secret",
                    "--fast",
                    "--poweron-duration",
                    "--poweroff-duration",
                    "--reboot-duration",
                    "--terminate-duration",
                    "--create-duration",
                    "--quota-mode",
                    "--terminate-without-force",
                    "--server"
                }) {
            assertThat(usage).contains(o);
        }
        assertThat(parse("--help").help).isTrue();
    }

    @Test
    void secretMayComeFromTheEnvironment() {
        var c =
                SimulatorCommandLine.parse(
                        new String[] {"--client-id", "id"},
                        Map.of(SimulatorCommandLine.SECRET_ENV, "s"));
        assertThat(c.secret).isEqualTo("s");
    }

    @Test
    void badOptionsNameTheProblem() {
        assertThatThrownBy(() -> parse("--bogus")).hasMessageContaining("unknown option '--bogus'");
        assertThatThrownBy(() -> parse("--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> parse("--port", "x", "--no-auth"))
                .hasMessageContaining("--port expects a whole number");
        assertThatThrownBy(() -> parse("--no-auth", "--http500-rate", "nowhere=0.1"))
                .hasMessageContaining("--http500-rate")
                .hasMessageContaining("unknown endpoint 'nowhere'");
        assertThatThrownBy(() -> parse("--no-auth", "--command-error-rate", "1.5"))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> parse("--no-auth", "--queue-bad-shape", "square"))
                .hasMessageContaining("unknown value 'square'");
        assertThatThrownBy(() -> parse("--client-id", "id")).hasMessageContaining("--secret");
        assertThatThrownBy(() -> parse("--no-auth", "--server", "dc=IL"))
                .hasMessageContaining("name=NAME is required");
    }

    @Test
    void requestLogHidesQueriesThatMayCarrySecrets() {
        assertThat(SimulatorMain.printableQuery("id=1%202")).isEqualTo("?id=1%202");
        assertThat(SimulatorMain.printableQuery("")).isEmpty();
        assertThat(SimulatorMain.printableQuery("name=x&password=Hunter22ab"))
                .isEqualTo("?<redacted>");
    }

    @Test
    void runnerPrintsUsageAndRejectsBadOptionsWithExitCode2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(SimulatorMain.run(new String[] {"--help"}, o, e)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Usage: java -jar kamatera-simulator.jar");
        assertThat(
                        SimulatorMain.run(
                                new String[] {"--secret", "hunter2-secret", "--port", "x"}, o, e))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--port expects a whole number")
                .doesNotContain("hunter2-secret");
    }
}
