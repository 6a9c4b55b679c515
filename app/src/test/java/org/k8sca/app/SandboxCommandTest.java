package org.k8sca.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The sandbox command's options, checked here and handed to whatever launcher is found. */
class SandboxCommandTest {

    /** Remembers what it was asked to run and answers a fixed status. */
    private static final class RecordingLauncher implements SandboxLauncher {
        final List<SandboxOptions> runs = new ArrayList<>();

        @Override
        public int run(SandboxOptions options, PrintStream out, PrintStream err) {
            runs.add(options);
            out.println("demo ran");
            return 0;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(SandboxLauncher launcher, String... args) {
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine line =
                new CommandLine(
                        new SandboxCommand(
                                outStream, errStream, () -> Optional.ofNullable(launcher)));
        line.setErr(new java.io.PrintWriter(errStream, true));
        line.setOut(new java.io.PrintWriter(outStream, true));
        return line.execute(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void defaultsAreHalfAnHourAtTwentyTimesOnLoopback() {
        RecordingLauncher launcher = new RecordingLauncher();

        int status = execute(launcher);

        assertThat(status).as(err()).isZero();
        SandboxOptions o = launcher.runs.get(0);
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.speed()).isEqualTo(20.0);
        assertThat(o.address().host()).isEqualTo("127.0.0.1");
        assertThat(o.address().port()).isEqualTo(8085);
        assertThat(o.seed()).isEqualTo(1);
        assertThat(o.verbosity()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo ran");
    }

    @Test
    void optionsReachTheLauncherParsed() {
        RecordingLauncher launcher = new RecordingLauncher();

        int status =
                execute(
                        launcher,
                        "--duration=1h30m",
                        "--speed",
                        "max",
                        "--address=localhost:0",
                        "--seed=42",
                        "-v");

        assertThat(status).as(err()).isZero();
        SandboxOptions o = launcher.runs.get(0);
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(o.asFastAsPossible()).isTrue();
        assertThat(o.address().host()).isEqualTo("localhost");
        assertThat(o.address().port()).isZero();
        assertThat(o.seed()).isEqualTo(42);
        assertThat(o.verbosity()).isEqualTo(1);
    }

    @Test
    void speedZeroMeansMaxAndAFractionIsSlowerThanRealTime() {
        assertThat(SandboxCommand.parseSpeed("0")).isEqualTo(SandboxOptions.AS_FAST_AS_POSSIBLE);
        assertThat(SandboxCommand.parseSpeed("MAX")).isEqualTo(SandboxOptions.AS_FAST_AS_POSSIBLE);
        assertThat(SandboxCommand.parseSpeed("0.5")).isEqualTo(0.5);
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        String[][] cases = {
            {"--duration=10", "--duration"},
            {"--duration=-5m", "--duration"},
            {"--speed=fast", "--speed"},
            {"--speed=-2", "--speed"},
            {"--address=8085", "--address"},
        };
        for (String[] c : cases) {
            RecordingLauncher launcher = new RecordingLauncher();
            err.reset();

            int status = execute(launcher, c[0]);

            assertThat(status).as(c[0] + ": " + err()).isEqualTo(ExitCodes.USAGE);
            assertThat(err()).as(c[0]).contains(c[1]);
            assertThat(launcher.runs).as(c[0] + " must not start the sandbox").isEmpty();
        }
    }

    @Test
    void helpListsEveryOption() {
        CliRun run = CliRun.run("sandbox", "--help");

        assertThat(run.status()).as(run.describe()).isZero();
        assertThat(run.out())
                .contains("--duration=DURATION")
                .contains("--speed=FACTOR")
                .contains("--address=HOST:PORT")
                .contains("--seed=N")
                .contains("-v");
    }
}
