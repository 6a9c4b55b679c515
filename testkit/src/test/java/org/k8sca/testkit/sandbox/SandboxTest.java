package org.k8sca.testkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.app.Main;
import org.k8sca.app.SandboxOptions;
import org.k8sca.app.http.ListenAddress;
import org.k8sca.app.logging.LogFormat;
import org.k8sca.app.logging.LogSetup;
import org.k8sca.kube.testing.Eventually;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sandbox command in-process, as fast as it can go: the demo's decisions are printed as they
 * happen, the same seed tells the same story, it ends by itself after its virtual duration, and it
 * stops cleanly when asked.
 */
class SandboxTest {

    /** A finished run of the command. */
    private record Run(int status, String out, String err) {
        String describe() {
            return "exit " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }

        /** The timed lines (decisions, cluster changes, summaries), without header and footer. */
        List<String> timedLines() {
            return out.lines().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d  .*")).toList();
        }
    }

    @AfterEach
    void restoreLogging() {
        // The command quiets logging for the whole JVM; give the next tests the usual setup.
        LogSetup.install(LogFormat.TEXT, 0, System.err);
    }

    private static Run sandbox(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            String[] all = new String[args.length + 1];
            all[0] = "sandbox";
            System.arraycopy(args, 0, all, 1, args.length);
            status = Main.run(all, o, e, Map.of());
        }
        return new Run(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDemoScalesUpAndDownAndEndsByItselfTheSameWayForTheSameSeed() {
        String[] args = {"--duration=20m", "--speed=max", "--address=127.0.0.1:0", "--seed=7"};

        Run run = sandbox(args);

        assertThat(run.status()).as(run.describe()).isZero();
        assertThat(run.err()).as("quiet logs: decisions only").isEmpty();
        assertThat(run.out())
                .as(run.describe())
                .containsPattern("Status page: http://127\\.0\\.0\\.1:\\d+/status")
                .containsPattern(
                        "(?m)^00:0\\d:\\d0  scale-up +general \\+\\d \\(2 -> \\d nodes,"
                                + " max 6\\) for web \\(\\d+ pods\\)$")
                .containsPattern(
                        "(?m)^\\d\\d:\\d\\d:\\d0  scale-up +highmem \\+1 \\(0 -> 1 nodes,"
                                + " max 3\\) for cache \\(2 pods\\)$")
                .containsPattern(
                        "(?m)^\\d\\d:\\d\\d:\\d0  no help +analytics \\(1 pod\\): .*"
                                + "Insufficient cpu")
                .containsPattern(
                        "(?m)^\\d\\d:\\d\\d:\\d0  scale-down +general-\\S+ \\(general\\):"
                                + " unneeded since \\d\\d:\\d\\d:\\d0 \\(cpu \\d+%, mem \\d+% requested\\)")
                .containsPattern("(?m)^\\d\\d:\\d\\d:\\d0  removed +general-\\S+ \\(general\\)")
                .containsPattern(
                        "(?m)^\\d\\d:\\d\\d:\\d0  warm pool +general-\\S+ \\(general\\)"
                                + " powered off")
                .containsPattern("(?m)^00:05:00  summary +nodes \\d")
                .containsPattern("(?m)^Done after 00:20:00 of virtual time");
        assertThat(run.out().lines().filter(l -> l.contains("no help  ")).count())
                .as("a pod no group can take is reported once, not every loop")
                .isEqualTo(1);

        Run again = sandbox(args);

        assertThat(again.timedLines()).as(again.describe()).isEqualTo(run.timedLines());
    }

    @Test
    void stopEndsTheDemoAfterTheCurrentStep() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        SandboxOptions options =
                new SandboxOptions(
                        Duration.ofHours(10),
                        SandboxOptions.AS_FAST_AS_POSSIBLE,
                        new ListenAddress("127.0.0.1", 0),
                        1,
                        0);
        try (Sandbox sandbox = Sandbox.start(options, printed)) {
            Thread runner = new Thread(sandbox::run, "sandbox-under-test");
            runner.start();
            Eventually.await(
                    "the demo's first nodes join",
                    () -> out.toString(StandardCharsets.UTF_8).contains("node ready"));

            sandbox.stop();
            runner.join(Duration.ofMinutes(2).toMillis());

            assertThat(runner.isAlive()).as("run() returned after stop()").isFalse();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("(?m)^Stopped after \\d\\d:\\d\\d:\\d0 of virtual time");
        assertThat(text).doesNotContain("Done after");
    }
}
