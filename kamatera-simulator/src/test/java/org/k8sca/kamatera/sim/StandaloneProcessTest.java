package org.k8sca.kamatera.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The runner as its own process: prints its URL, serves, and stops cleanly on SIGTERM. */
class StandaloneProcessTest {

    @Test
    void printsUrlServesAndStopsOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p =
                new ProcessBuilder(
                                List.of(
                                        java,
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        SimulatorMain.class.getName(),
                                        "--port",
                                        "0",
                                        "--client-id",
                                        "cid",
                                        "--secret",
                                        "process-secret-1",
                                        "--fast"))
                        .redirectErrorStream(true)
                        .start();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).startsWith("kamatera-simulator listening on http://127.0.0.1:");
            String url = first.substring(first.indexOf("http://"));
            SimClient client = new SimClient(url, "cid", "process-secret-1");
            assertThat(client.get("/").body()).isEqualTo("{\"ready\":true}");
            assertThat(client.get("/service/servers").status()).isEqualTo(200);
            // Each request is logged after its answer, from the server's worker threads: in any
            // order.
            List<String> logged = List.of(out.readLine(), out.readLine());
            assertThat(logged)
                    .anySatisfy(l -> assertThat(l).endsWith("GET / -> 200"))
                    .anySatisfy(l -> assertThat(l).endsWith("GET /service/servers -> 200"));
            p.toHandle()
                    .destroy(); // SIGTERM; Process.destroy() would also close our end of the pipe
            StringBuilder rest = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                rest.append(line).append('\n');
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(rest.toString())
                    .contains("kamatera-simulator stopped")
                    .doesNotContain("process-secret-1");
        } finally {
            p.destroyForcibly();
        }
    }
}
