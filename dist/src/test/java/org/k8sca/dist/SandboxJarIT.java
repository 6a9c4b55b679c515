package org.k8sca.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * End to end: the shaded jar runs the sandbox in a child process. Proves that the jar holds the
 * testkit's launcher (found through META-INF/services, which the shade plugin must merge), that the
 * in-process API server and simulator work from the merged jar, that logs stay quiet, and that the
 * demo ends by itself.
 */
class SandboxJarIT {
    @TempDir Path dir;

    @Test
    void shadedJarRunsTheSandboxToItsEnd() throws Exception {
        JavaJar.Result result =
                JavaJar.run(
                        dir, "sandbox", "--duration=8m", "--speed=max", "--address=127.0.0.1:0");

        assertThat(result.status()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        assertThat(result.out())
                .as(result.toString())
                .containsPattern("Status page: http://127\\.0\\.0\\.1:\\d+/status")
                .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d  scale-up +general \\+\\d")
                .containsPattern("(?m)^Done after 00:08:00 of virtual time");
    }

    @Test
    void sandboxHelpListsItsOptions() throws Exception {
        JavaJar.Result result = JavaJar.run(dir, "sandbox", "--help");

        assertThat(result.status()).as(result.toString()).isZero();
        assertThat(result.out()).contains("--duration", "--speed", "--address", "--seed");
    }
}
