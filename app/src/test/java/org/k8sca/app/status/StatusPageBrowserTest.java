package org.k8sca.app.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.k8sca.app.http.HealthCheck;
import org.k8sca.app.http.ListenAddress;
import org.k8sca.app.http.ObservabilityServer;
import org.k8sca.app.testing.MutableClock;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.kamatera.api.ApiCallListener.CallEvent;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.Outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium loads {@code /status} from a real server on 127.0.0.1 and the DOM it builds has
 * every section and the chart: the page parses as a browser parses it, with no network besides the
 * page itself. Skipped when no Chromium is installed, unless {@code KAS_REQUIRE_BROWSER=1}.
 */
class StatusPageBrowserTest {

    private static final List<Path> CHROMIUM =
            List.of(
                    Path.of("/usr/bin/chromium"),
                    Path.of("/usr/bin/chromium-browser"),
                    Path.of("/usr/bin/google-chrome"));

    @TempDir Path profile;

    private static Optional<Path> chromium() {
        return CHROMIUM.stream().filter(Files::isExecutable).findFirst();
    }

    @Test
    void chromiumRendersEverySectionAndTheChart() throws Exception {
        Optional<Path> browser = chromium();
        if (browser.isEmpty()) {
            if ("1".equals(System.getenv("KAS_REQUIRE_BROWSER"))) {
                fail("KAS_REQUIRE_BROWSER=1 but no Chromium found at " + CHROMIUM);
            }
            Assumptions.abort("no Chromium found at " + CHROMIUM + "; browser test skipped");
        }
        MutableClock clock = new MutableClock(StatusFixtures.START);
        StatusPage page = new StatusPage(clock);
        for (int i = 0; i < 3; i++) {
            Instant now = clock.instant();
            page.loopStarted(now);
            page.clusterObjects(StatusFixtures.objects());
            page.clusterState(StatusFixtures.status(Health.HEALTHY), StatusFixtures.update());
            page.scaleUp(StatusFixtures.scaleUpResult(), StatusFixtures.executed());
            page.scaleDown(StatusFixtures.scaleDownPlan(Optional.empty()));
            page.loopFinished(now, Duration.ofMillis(40), Optional.empty());
            clock.advance(Duration.ofSeconds(10));
        }
        page.apiCalls()
                .onCall(
                        new CallEvent(
                                Endpoint.CREATE_SERVER,
                                Outcome.HTTP_5XX,
                                503,
                                3,
                                Duration.ofSeconds(2)));

        HealthCheck health =
                new HealthCheck(
                        clock,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(20));
        try (ObservabilityServer server =
                new ObservabilityServer(
                        ListenAddress.parse("127.0.0.1:0"), new PrometheusRegistry(), health)) {
            server.handle("/status", page.handler());
            server.start();
            String url = "http://127.0.0.1:" + server.address().getPort() + "/status";

            String dom = dumpDom(browser.get(), url);

            assertThat(dom)
                    .contains("id=\"node-groups\"")
                    .contains("id=\"pending-pods\"")
                    .contains("id=\"nodes\"")
                    .contains("id=\"scale-events\"")
                    .contains("id=\"kamatera-api\"")
                    .contains("id=\"history-chart\"")
                    .contains("<tr data-group=\"web\">")
                    .contains("<tr data-endpoint=\"create_server\"")
                    .contains("http_5xx (HTTP 503) after 3 attempts");
            assertThat(dom).containsPattern("<polyline id=\"chart-nodes\"[^>]*points=\"[^\"]+ ");
        }
    }

    private String dumpDom(Path browser, String url) throws IOException, InterruptedException {
        Path out = profile.resolve("dom.html");
        Process p =
                new ProcessBuilder(
                                browser.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--user-data-dir=" + profile.resolve("profile"),
                                "--dump-dom",
                                url)
                        .redirectOutput(out.toFile())
                        .redirectError(profile.resolve("chromium.log").toFile())
                        .start();
        // A generous bound against a hung browser, not a timing assertion.
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 120 s; its log: " + log());
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("Chromium's exit status; its log: %s", log()).isZero();
        return dom;
    }

    private String log() throws IOException {
        Path log = profile.resolve("chromium.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
