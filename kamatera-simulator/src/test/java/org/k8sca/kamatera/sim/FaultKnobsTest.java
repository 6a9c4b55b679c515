package org.k8sca.kamatera.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.SimClient.Answer;
import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.CreateFailureMode;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.QueueBadShape;
import org.k8sca.kamatera.sim.model.ServerSetup;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every fault knob of API spec §6.3, set at runtime, over HTTP. */
class FaultKnobsTest extends SimTestBase {
    private final List<Duration> slept = new CopyOnWriteArrayList<>();

    @Override
    KamateraSimulator.Builder configure(KamateraSimulator.Builder b) {
        return b.sleeper(slept::add);
    }

    /**
     * Polls a condition that another thread makes true; the 30 s bound only guards against a hung
     * build.
     */
    private static void awaitUntil(java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void http500RateFailsOnlyTheChosenEndpoint() {
        sim.addServer(ServerSetup.named("s-1"));
        sim.faults().http500Rate(Endpoint.SERVER_INFO, 1.0);
        Answer a = api.postJson("/service/server/info", "{\"name\":\"s-1\"}");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.body())
                .isEqualTo("{\"message\":\"Failed to run command method (serversInfo)\"}");
        assertThat(api.get("/service/servers").status()).isEqualTo(200);
        sim.faults().http500Rate(Endpoint.SERVER_INFO, 0.0);
        assertThat(api.postJson("/service/server/info", "{\"name\":\"s-1\"}").status())
                .isEqualTo(200);
    }

    @Test
    void http500RateIsAProbabilityDrawnFromTheSeed() {
        sim.faults().http500Rate(Endpoint.LIST_SERVERS, 0.5);
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            if (api.get("/service/servers").status() == 500) {
                failures++;
            }
        }
        assertThat(failures).as("failures out of 200 at rate 0.5, seed 42").isBetween(60, 140);
    }

    @Test
    void gatewayFailuresAreNonJson() {
        sim.faults().gatewayRate(1.0);
        Answer a = api.get("/service/servers");
        assertThat(a.status()).isEqualTo(504);
        assertThat(a.body()).isEqualTo("Gateway Timeout");
        assertThat(a.contentType()).startsWith("text/plain");
        sim.faults().gatewayStatus(502);
        assertThat(api.get("/").body()).isEqualTo("Bad Gateway");
        sim.faults().gatewayRate(0).gatewayRate(Endpoint.QUEUE, 1.0);
        assertThat(api.get("/service/servers").status()).isEqualTo(200);
        assertThat(api.get("/service/queue?id=1").status()).isEqualTo(502);
    }

    @Test
    void latencyWaitsThroughTheInjectedSleeper() {
        sim.faults().latency(Endpoint.LIST_SERVERS, Duration.ofMinutes(6));
        assertThat(api.get("/service/servers").status()).isEqualTo(200);
        api.get("/");
        assertThat(slept).containsExactly(Duration.ofMinutes(6));
    }

    @Test
    void hangingCreateStillCreatesTheServerAndAnswersAfterRelease() throws Exception {
        sim.faults().hang(Endpoint.CREATE_SERVER, true);
        SimClient impatient = api.withTimeout(Duration.ofMillis(300));
        assertThatThrownBy(
                        () ->
                                impatient.postJson(
                                        "/service/server",
                                        SimClient.autoscalerCreateBody("hang-1")))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(sim.server("hang-1")).isPresent();
        CompletableFuture<Answer> patient =
                CompletableFuture.supplyAsync(
                        () ->
                                api.postJson(
                                        "/service/server",
                                        SimClient.autoscalerCreateBody("hang-2")));
        awaitUntil(() -> sim.hangingRequests() == 2 && sim.server("hang-2").isPresent());
        sim.faults().hang(Endpoint.CREATE_SERVER, false);
        sim.releaseHangingRequests();
        assertThat(patient.get().status()).isEqualTo(200); // "hang then succeed"
    }

    @Test
    void createAcceptedButErroredCreatesTheServerAnyway() throws Exception {
        sim.faults().createAcceptedButErrored(CreateFailureMode.HTTP_500, 1.0);
        Answer a = api.postJson("/service/server", SimClient.autoscalerCreateBody("acc-1"));
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.body())
                .isEqualTo("{\"message\":\"Failed to run command method (createServer)\"}");
        sim.faults().createAcceptedButErrored(CreateFailureMode.GATEWAY_504, 1.0);
        Answer b = api.postJson("/service/server", SimClient.autoscalerCreateBody("acc-2"));
        assertThat(b.status()).isEqualTo(504);
        assertThat(b.body()).isEqualTo("Gateway Timeout");
        sim.faults().createAcceptedButErrored(CreateFailureMode.HANG, 1.0);
        CompletableFuture<Answer> c =
                CompletableFuture.supplyAsync(
                        () ->
                                api.postJson(
                                        "/service/server",
                                        SimClient.autoscalerCreateBody("acc-3")));
        awaitUntil(() -> sim.hangingRequests() == 1);
        sim.releaseHangingRequests();
        assertThat(c.get().status()).isEqualTo(504);
        finishCommands();
        // The client can recover by name: all three servers exist and are listed.
        assertThat(api.postJson("/service/server/info", "{\"name\":\"acc-.\"}").json().size())
                .isEqualTo(3);
        sim.faults().createAcceptedButErrored(null, 0);
        assertThat(
                        api.postJson("/service/server", SimClient.autoscalerCreateBody("acc-4"))
                                .status())
                .isEqualTo(200);
    }

    @Test
    void commandErrorAndCancelRates() {
        sim.addServer(ServerSetup.named("c-1"));
        sim.faults().commandErrorRate(1.0).commandErrorMessage("backend exploded (99)");
        long failed =
                api.postJson("/service/server", SimClient.autoscalerCreateBody("c-2")).commandId();
        sim.faults().commandErrorRate(0).commandCancelRate(1.0);
        long cancelled = api.postJson("/service/server/poweroff", "{\"name\":\"c-1\"}").commandId();
        finishCommands();
        assertThat(sim.command(failed).orElseThrow().status()).isEqualTo("error");
        assertThat(api.get("/service/queue?id=" + failed).json().get(0).get("log").stringValue())
                .endsWith("backend exploded (99)");
        assertThat(sim.server("c-2")).isEmpty();
        assertThat(sim.command(cancelled).orElseThrow().status()).isEqualTo("cancelled");
        assertThat(sim.server("c-1").orElseThrow().power()).isEqualTo("on");
    }

    @Test
    void failNextCommandsIsPrecise() {
        sim.faults().failNextCommands(CommandKind.CREATE, 1, "error", "no capacity (7)");
        long first =
                api.postJson("/service/server", SimClient.autoscalerCreateBody("p-1")).commandId();
        long second =
                api.postJson("/service/server", SimClient.autoscalerCreateBody("p-2")).commandId();
        finishCommands();
        assertThat(sim.command(first).orElseThrow().status()).isEqualTo("error");
        assertThat(sim.command(first).orElseThrow().log()).endsWith("no capacity (7)");
        assertThat(sim.command(second).orElseThrow().status()).isEqualTo("complete");
    }

    @Test
    void queueBadShapes() {
        long id =
                api.postJson("/service/server", SimClient.autoscalerCreateBody("q-1")).commandId();
        for (QueueBadShape shape : QueueBadShape.values()) {
            sim.faults().queueBadShape(shape);
            Answer a = api.get("/service/queue?id=" + id);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).isEqualTo(shape.body());
        }
        sim.faults().queueBadShape(null);
        assertThat(api.get("/service/queue?id=" + id).json().get(0).get("id").longValue())
                .isEqualTo(id);
    }

    @Test
    void listPassthroughErrorBody() {
        sim.faults().listPassthroughErrorBody(true);
        Answer a = api.get("/service/servers");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body())
                .isEqualTo(
                        "{\"errors\":[{\"code\":1,\"info\":\"error occured, issue reported\"}]}");
    }

    @Test
    void visibilityLagDelaysWhatListAndInfoShow() {
        sim.faults().visibilityLag(DurationRange.fixed(Duration.ofSeconds(30)));
        long create =
                api.postJson("/service/server", SimClient.autoscalerCreateBody("lag-1"))
                        .commandId();
        clock.advanceSeconds(12);
        assertThat(sim.command(create).orElseThrow().status()).isEqualTo("complete");
        assertThat(api.get("/service/servers").body()).isEqualTo("[]");
        clock.advanceSeconds(30);
        assertThat(api.get("/service/servers").json().get(0).get("power").stringValue())
                .isEqualTo("on");

        api.postJson("/service/server/poweroff", "{\"name\":\"lag-1\"}");
        clock.advanceSeconds(12);
        assertThat(sim.server("lag-1").orElseThrow().power()).isEqualTo("off");
        assertThat(sim.server("lag-1").orElseThrow().shownPower()).isEqualTo("on");
        assertThat(
                        api.postJson("/service/server/info", "{\"name\":\"lag-1\"}")
                                .json()
                                .get(0)
                                .get("power")
                                .stringValue())
                .isEqualTo("on");
        clock.advanceSeconds(30);
        assertThat(
                        api.postJson("/service/server/info", "{\"name\":\"lag-1\"}")
                                .json()
                                .get(0)
                                .get("power")
                                .stringValue())
                .isEqualTo("off");

        api.postJson("/service/server/terminate", "{\"name\":\"lag-1\",\"force\":true}");
        clock.advanceSeconds(12);
        assertThat(api.get("/service/servers").json().size()).isEqualTo(1);
        clock.advanceSeconds(30);
        assertThat(api.get("/service/servers").body()).isEqualTo("[]");
    }

    @Test
    void showCreatingServersListsThemPoweredOff() {
        sim.timings().showCreatingServers(true);
        long id =
                api.postJson("/service/server", SimClient.autoscalerCreateBody("vis-1"))
                        .commandId();
        assertThat(api.get("/service/servers").json().get(0).get("power").stringValue())
                .isEqualTo("off");
        finishCommands();
        assertThat(sim.command(id).orElseThrow().status()).isEqualTo("complete");
        assertThat(api.get("/service/servers").json().get(0).get("power").stringValue())
                .isEqualTo("on");
    }

    @Test
    void failNextRequestsGetTheExactAnswerThenNormalOnes() {
        sim.faults()
                .failNext(
                        Endpoint.TAGS,
                        2,
                        500,
                        "{\"message\":\"Failed to run command method (serverTags)\"}");
        sim.faults().failNext(Endpoint.LIST_SERVERS, 1, 503, "upstream down");
        sim.addServer(ServerSetup.named("t-1"));
        for (int i = 0; i < 2; i++) {
            Answer a = api.postJson("/server/tags", "{\"name\":\"t-1\"}");
            assertThat(a.status()).isEqualTo(500);
            assertThat(a.contentType()).isEqualTo("application/json");
        }
        assertThat(api.postJson("/server/tags", "{\"name\":\"t-1\"}").status()).isEqualTo(200);
        Answer list = api.get("/service/servers");
        assertThat(list.status()).isEqualTo(503);
        assertThat(list.body()).isEqualTo("upstream down");
        assertThat(api.get("/service/servers").status()).isEqualTo(200);
    }

    @Test
    void resetTurnsEverythingOff() {
        sim.faults()
                .http500Rate(Endpoint.LIST_SERVERS, 1.0)
                .gatewayRate(Endpoint.ROOT, 1.0)
                .failNext(Endpoint.QUEUE, 3, 500, "{}")
                .listPassthroughErrorBody(true);
        sim.faults().reset();
        assertThat(api.get("/service/servers").body()).isEqualTo("[]");
        assertThat(api.get("/").status()).isEqualTo(200);
        assertThat(api.get("/service/queue").body()).isEqualTo("[]");
    }
}
