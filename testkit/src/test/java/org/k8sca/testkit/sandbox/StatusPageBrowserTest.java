package org.k8sca.testkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.k8sca.app.SandboxOptions;
import org.k8sca.app.http.ListenAddress;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The status page of a running sandbox, loaded by a real browser: headless Chromium renders it, the
 * test checks the rendered DOM, and a screenshot is kept as a build artifact ({@code
 * testkit/target/status-page.png}). Skipped when no Chromium is installed, unless {@code
 * KAS_REQUIRE_BROWSER=1} (as {@code .ci/run} sets it), which makes a missing browser a failure.
 */
class StatusPageBrowserTest {
    /** Only a guard against a hung browser; nothing here asserts how long anything took. */
    private static final long HANG_GUARD_MINUTES = 3;

    /** Tried in order: Debian's package first, then the same names on the PATH. */
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");

    private static Path chromium;

    @TempDir Path dir;

    @BeforeAll
    static void findChromium() {
        List<Path> candidates = new ArrayList<>();
        NAMES.forEach(name -> candidates.add(Path.of("/usr/bin", name)));
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                NAMES.forEach(name -> candidates.add(Path.of(entry, name)));
            }
        }
        Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
        boolean required = "1".equals(System.getenv("KAS_REQUIRE_BROWSER"));
        if (found.isEmpty() && required) {
            throw new AssertionError(
                    "KAS_REQUIRE_BROWSER=1 but no "
                            + NAMES
                            + " in /usr/bin or on the PATH; install it (Debian: apt-get install -y chromium)");
        }
        Assumptions.assumeTrue(
                found.isPresent(),
                "no "
                        + NAMES
                        + " in /usr/bin or on the PATH: the browser test is skipped (set KAS_REQUIRE_BROWSER=1 to fail"
                        + " instead; Debian: apt-get install -y chromium)");
        chromium = found.get();
    }

    @Test
    void theBrowserRendersTheNodeGroupsOfARunningSandbox() throws Exception {
        SandboxOptions options =
                new SandboxOptions(
                        Duration.ofMinutes(6),
                        SandboxOptions.AS_FAST_AS_POSSIBLE,
                        new ListenAddress("127.0.0.1", 0),
                        1,
                        0);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Sandbox sandbox =
                Sandbox.start(options, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            // Six virtual minutes: both groups have scaled up; the page stays up until close.
            sandbox.run();
            String url = sandbox.statusUrl();

            Browser dom = browse("--dump-dom", url);

            assertThat(dom.status()).as(dom.toString()).isZero();
            assertThat(dom.out())
                    .as(dom.toString())
                    .contains("<title>kamatera-autoscaler status</title>")
                    .contains("id=\"node-groups\"")
                    .doesNotContain("id=\"starting\"");
            // The demo's groups are cells of the node-groups section (any cell attributes).
            String groups = dom.out().substring(dom.out().indexOf("id=\"node-groups\""));
            assertThat(groups)
                    .as(dom.toString())
                    .containsPattern("<td[^>]*>general</td>")
                    .containsPattern("<td[^>]*>highmem</td>");
            // Every section of the page is rendered, with what six minutes of the demo did:
            // servers were created (the API section counts the calls) and nodes have joined.
            assertThat(dom.out())
                    .as(dom.toString())
                    .contains("id=\"pending-pods\"")
                    .contains("id=\"nodes\"")
                    .contains("id=\"scale-events\"")
                    .contains("id=\"kamatera-api\"")
                    .contains("id=\"history-chart\"")
                    .contains("<svg")
                    .contains("data-endpoint=\"create_server\"")
                    .containsPattern("<tr[^>]*data-node=\"[^\"]+\"");

            Path screenshot = artifact("status-page.png");
            Files.deleteIfExists(screenshot);
            Browser shot = browse("--screenshot=" + screenshot, "--window-size=1280,1600", url);

            assertThat(shot.status()).as(shot.toString()).isZero();
            assertThat(screenshot).as(shot.toString()).isRegularFile();
            byte[] png = Files.readAllBytes(screenshot);
            assertThat(png.length).isGreaterThan(1000);
            assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII))
                    .as("a PNG file")
                    .isEqualTo("PNG");
        }
    }

    /** Where the build keeps artifacts: this module's target directory. */
    private static Path artifact(String name) throws IOException {
        Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
        Files.createDirectories(target);
        return target.resolve(name);
    }

    /** Runs headless Chromium with a fresh profile and no network use of its own. */
    private Browser browse(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(chromium.toString());
        command.addAll(
                List.of(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(args));
        File out = Files.createTempFile(dir, "stdout", ".txt").toFile();
        File err = Files.createTempFile(dir, "stderr", ".txt").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
        builder.environment().put("HOME", dir.toString());
        Process process = builder.start();
        if (!process.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + command);
        }
        return new Browser(
                process.exitValue(),
                Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    private record Browser(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }
}
