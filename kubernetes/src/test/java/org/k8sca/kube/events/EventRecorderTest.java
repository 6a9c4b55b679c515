package org.k8sca.kube.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kube.testing.FakeTime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

class EventRecorderTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<RecordedEvent> written = new CopyOnWriteArrayList<>();

    private static final EventObject NODE = EventObject.node("n1");

    @Test
    void duplicatesWithinFiveMinutesAreSuppressedAndReEmittedAfter() throws Exception {
        try (EventRecorder r = new EventRecorder(written::add, time, false, 10)) {
            r.record(NODE, EventType.NORMAL, "ScaleDown", "marked");
            time.advance(Duration.ofMinutes(4).plusSeconds(59));
            r.record(NODE, EventType.NORMAL, "ScaleDown", "marked");
            time.advance(Duration.ofSeconds(1));
            r.record(NODE, EventType.NORMAL, "ScaleDown", "marked");
            assertThat(r.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(written)
                    .extracting(RecordedEvent::at)
                    .containsExactly(
                            Instant.parse("2026-01-01T00:00:00Z"),
                            Instant.parse("2026-01-01T00:05:00Z"));
            assertThat(r.suppressed()).isEqualTo(1);
            assertThat(r.written()).isEqualTo(2);
        }
    }

    @Test
    void recordDuplicatedEventsTurnsDeduplicationOff() throws Exception {
        try (EventRecorder r = new EventRecorder(written::add, time, true, 10)) {
            r.record(NODE, EventType.NORMAL, "ScaleDown", "marked");
            r.record(NODE, EventType.NORMAL, "ScaleDown", "marked");
            assertThat(r.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(written).hasSize(2);
            assertThat(r.suppressed()).isZero();
        }
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlocking() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventSink stuck =
                e -> {
                    writing.countDown();
                    release.await();
                    written.add(e);
                };
        try (EventRecorder r = new EventRecorder(stuck, time, false, 2)) {
            r.record(EventObject.node("a"), EventType.NORMAL, "R", "");
            assertThat(writing.await(20, TimeUnit.SECONDS)).isTrue(); // the writer holds "a"
            r.record(EventObject.node("b"), EventType.NORMAL, "R", "");
            r.record(EventObject.node("c"), EventType.NORMAL, "R", "");
            r.record(
                    EventObject.node("d"),
                    EventType.NORMAL,
                    "R",
                    ""); // queue holds b and c: dropped
            assertThat(r.dropped()).isEqualTo(1);
            assertThat(r.queued()).isEqualTo(2);
            release.countDown();
            assertThat(r.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(written).extracting(e -> e.object().name()).containsExactly("a", "b", "c");
        }
    }

    @Test
    void aFailingWriteIsCountedAndTheWriterGoesOn() throws Exception {
        EventSink flaky =
                e -> {
                    if (e.object().name().equals("bad")) {
                        throw new IllegalStateException("api down");
                    }
                    written.add(e);
                };
        try (EventRecorder r = new EventRecorder(flaky, time, false, 10)) {
            r.record(EventObject.node("bad"), EventType.WARNING, "R", "");
            r.record(EventObject.node("good"), EventType.NORMAL, "R", "");
            assertThat(r.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(r.failed()).isEqualTo(1);
            assertThat(written).extracting(e -> e.object().name()).containsExactly("good");
        }
    }

    @Test
    void closeWritesWhatIsQueuedAndIgnoresLaterEvents() {
        EventRecorder r = new EventRecorder(written::add, time, false, 10);
        r.record(EventObject.node("a"), EventType.NORMAL, "R", "");
        r.close();
        r.record(EventObject.node("b"), EventType.NORMAL, "R", "");
        assertThat(written).extracting(e -> e.object().name()).containsExactly("a");
    }

    @Test
    void longMessagesAreCut() {
        RecordedEvent e =
                new RecordedEvent(NODE, EventType.NORMAL, "R", "x".repeat(5000), time.instant());
        assertThat(e.message()).hasSize(RecordedEvent.MAX_MESSAGE_LENGTH).endsWith("...");
    }
}
