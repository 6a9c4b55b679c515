package org.k8sca.kamatera.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.SimClient.Answer;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.model.CommandView;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

/** B2, B3: commands through the queue, driven by the manual clock (pending 2 s, run 10 s). */
class CommandLifecycleTest extends SimTestBase {

    private JsonNode queueItem(long id) {
        Answer a = api.get("/service/queue?id=" + id);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().size()).isEqualTo(1);
        return a.json().get(0);
    }

    @Test
    void createWalksPendingProgressCompleteWithTimestampsAndGrowingLog() {
        Answer created =
                api.postJson("/service/server", SimClient.autoscalerCreateBody("ng1-0123456789a"));
        assertThat(created.status()).isEqualTo(200);
        JsonNode body = created.json();
        // The response id is a string; the queue id is a number.
        assertThat(body.get("commandIds").get(0).isString()).isTrue();
        long id = created.commandId();

        JsonNode pending = queueItem(id);
        assertThat(pending.get("id").isNumber()).isTrue();
        assertThat(pending.get("id").longValue()).isEqualTo(id);
        assertThat(pending.get("status").stringValue()).isEqualTo("pending");
        assertThat(pending.get("server").stringValue()).isEqualTo("ng1-0123456789a");
        assertThat(pending.get("description").stringValue()).isEqualTo("Create Server");
        assertThat(pending.get("added").stringValue()).isEqualTo("2025-01-24 10:00:00");
        assertThat(pending.get("executed").stringValue()).isEmpty();
        assertThat(pending.get("completed").stringValue()).isEmpty();
        assertThat(pending.get("log").stringValue()).isEmpty();

        clock.advanceSeconds(3); // 1 s into the 10 s run
        JsonNode early = queueItem(id);
        assertThat(early.get("status").stringValue()).isEqualTo("progress");
        assertThat(early.get("executed").stringValue()).isEqualTo("2025-01-24 10:00:02");
        String earlyLog = early.get("log").stringValue();
        assertThat(earlyLog).startsWith("Name: ng1-0123456789a");

        clock.advanceSeconds(6); // 7 s into the run
        String laterLog = queueItem(id).get("log").stringValue();
        assertThat(laterLog).startsWith(earlyLog);
        assertThat(laterLog.length()).isGreaterThan(earlyLog.length());
        assertThat(api.get("/service/servers").body())
                .isEqualTo("[]"); // not visible before completion

        clock.advanceSeconds(3); // 12 s: complete
        JsonNode done = queueItem(id);
        assertThat(done.get("status").stringValue()).isEqualTo("complete");
        assertThat(done.get("completed").stringValue()).isEqualTo("2025-01-24 10:00:12");
        assertThat(done.get("log").stringValue().split("\n"))
                .contains(
                        "Name: ng1-0123456789a",
                        "Zone: IL",
                        "CPU: 2",
                        "RAM: 4096MB",
                        "Image Name: ubuntu_server_24.04_64-bit",
                        "Disk #1: 50GB",
                        "Daily Backup: No",
                        "Management Services: No",
                        "Billing: Hourly");
        assertThat(done.get("log").stringValue())
                .containsPattern("Network #1: wan-il - \\d+\\.\\d+\\.\\d+\\.\\d+ @ ");
        JsonNode list = api.get("/service/servers").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("power").stringValue()).isEqualTo("on");
    }

    @Test
    void queue404WindowHidesNewCommands() {
        sim.faults().queue404Window(Duration.ofSeconds(5));
        long id =
                api.postJson("/service/server", SimClient.autoscalerCreateBody("ng1-aaaaaaaaaaa"))
                        .commandId();
        Answer early = api.get("/service/queue?id=" + id);
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.body()).isEqualTo("{\"json_decode_error\":null}");
        assertThat(sim.command(id).orElseThrow().status()).isNull();
        clock.advanceSeconds(5);
        assertThat(queueItem(id).get("status").stringValue()).isEqualTo("progress");
    }

    @Test
    void unknownCommandIs404() {
        assertThat(api.get("/service/queue?id=1").status()).isEqualTo(404);
        assertThat(api.get("/service/queue?id=abc").status()).isEqualTo(404);
    }

    @Test
    void inFlightStatusesAreConfigurable() {
        sim.timings().inFlightStatuses(List.of("initializing", "started", "progress"));
        long id =
                api.postJson("/service/server", SimClient.autoscalerCreateBody("ng1-bbbbbbbbbbb"))
                        .commandId();
        assertThat(queueItem(id).get("status").stringValue()).isEqualTo("initializing");
        clock.advanceSeconds(3); // 10 % of the run
        assertThat(queueItem(id).get("status").stringValue()).isEqualTo("started");
        clock.advanceSeconds(6); // 70 %
        assertThat(queueItem(id).get("status").stringValue()).isEqualTo("progress");
        clock.advanceSeconds(3);
        assertThat(queueItem(id).get("status").stringValue()).isEqualTo("complete");
    }

    @Test
    void logOnlyFlagReturnsJustTheLog() {
        long id =
                api.postJson("/service/server", SimClient.autoscalerCreateBody("ng1-ccccccccccc"))
                        .commandId();
        finishCommands();
        JsonNode item = api.get("/service/queue?id=" + id + "&log=true").json().get(0);
        assertThat(item.propertyNames()).containsExactly("log");
        assertThat(item.get("log").stringValue()).startsWith("Name: ng1-ccccccccccc");
    }

    @Test
    void durationsAreDrawnFromTheSeededRangeAndTimestampZoneApplies() {
        sim.timings()
                .pendingDelay(DurationRange.ZERO)
                .allDurations(DurationRange.ofSeconds(90, 180))
                .timestampZone(java.time.ZoneId.of("Asia/Jerusalem"));
        long id =
                api.postJson("/service/server", SimClient.autoscalerCreateBody("ng1-ddddddddddd"))
                        .commandId();
        CommandView c = sim.command(id).orElseThrow();
        Duration run = Duration.between(c.executeAt(), c.completeAt());
        assertThat(run).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(180));
        assertThat(queueItem(id).get("added").stringValue()).isEqualTo("2025-01-24 12:00:00");
        clock.advance(run.minusSeconds(1));
        assertThat(sim.command(id).orElseThrow().isTerminal()).isFalse();
        clock.advanceSeconds(1);
        assertThat(sim.command(id).orElseThrow().status()).isEqualTo("complete");
    }

    @Test
    void sameSeedGivesSameIdsAndDurations() {
        KamateraSimulator.Builder b =
                KamateraSimulator.builder()
                        .clock(new ManualClock())
                        .seed(7)
                        .timings(t -> t.allDurations(DurationRange.ofSeconds(90, 180)));
        List<CommandView> first;
        List<CommandView> second;
        try (KamateraSimulator a =
                KamateraSimulator.builder()
                        .clock(new ManualClock())
                        .seed(7)
                        .timings(t -> t.allDurations(DurationRange.ofSeconds(90, 180)))
                        .build()
                        .start()) {
            new SimClient(a.baseUrl(), null, null)
                    .postJson("/service/server", SimClient.autoscalerCreateBody("ng1-same"));
            first = a.commands();
        }
        try (KamateraSimulator a = b.build().start()) {
            new SimClient(a.baseUrl(), null, null)
                    .postJson("/service/server", SimClient.autoscalerCreateBody("ng1-same"));
            second = a.commands();
        }
        assertThat(second.get(0).id()).isEqualTo(first.get(0).id());
        assertThat(second.get(0).completeAt()).isEqualTo(first.get(0).completeAt());
    }
}
