package org.k8sca.kube.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records events without blocking the caller: an event is de-duplicated (unless {@code
 * --record-duplicated-events}), logged, and put on a bounded queue that one daemon thread drains
 * into the {@link EventSink}. When the queue is full (the API server is slow or down) the event is
 * dropped and counted; a write that fails is logged and counted, never retried, as events are best
 * effort. Thread-safe.
 */
public final class EventRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    public static final int DEFAULT_QUEUE_CAPACITY = 1000;

    private final EventSink sink;
    private final Clock clock;
    private final EventDeduplicator deduplicator;
    private final boolean deduplicate;
    private final BlockingQueue<RecordedEvent> queue;
    private final Thread writer;
    private volatile boolean closed;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * Starts the writer thread.
     *
     * @param recordDuplicates {@code --record-duplicated-events}: when true, nothing is
     *     de-duplicated
     * @param queueCapacity events that may wait for the writer before new ones are dropped
     */
    public EventRecorder(EventSink sink, Clock clock, boolean recordDuplicates, int queueCapacity) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deduplicator = new EventDeduplicator();
        this.deduplicate = !recordDuplicates;
        if (queueCapacity < 1) {
            throw new IllegalArgumentException(
                    "event queue capacity must be at least 1, got " + queueCapacity);
        }
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = new Thread(this::drain, "event-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Records an event at the clock's current time. Returns at once. */
    public void record(EventObject object, EventType type, String reason, String message) {
        record(new RecordedEvent(object, type, reason, message, clock.instant()));
    }

    /** Records {@code event}; returns at once. */
    public void record(RecordedEvent event) {
        if (closed) {
            LOG.debug(
                    "event recorder closed, not recording {} {} on {}",
                    event.type().apiName(),
                    event.reason(),
                    event.object().describe());
            return;
        }
        if (deduplicate) {
            boolean admitted;
            synchronized (deduplicator) {
                admitted = deduplicator.admit(event);
            }
            if (!admitted) {
                suppressed.incrementAndGet();
                return;
            }
        }
        LOG.debug(
                "Event({}): type: '{}' reason: '{}' {}",
                event.object().describe(),
                event.type().apiName(),
                event.reason(),
                event.message());
        if (queue.offer(event)) {
            accepted.incrementAndGet();
        } else {
            dropped.incrementAndGet();
            LOG.warn(
                    "event queue full ({} waiting), dropped {} event on {}",
                    queue.size(),
                    event.reason(),
                    event.object().describe());
        }
    }

    private void drain() {
        while (true) {
            RecordedEvent event;
            try {
                event = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                sink.write(event);
                written.incrementAndGet();
            } catch (InterruptedException e) {
                failed.incrementAndGet();
                return;
            } catch (Exception e) {
                failed.incrementAndGet();
                LOG.warn(
                        "writing {} event on {} failed: {}",
                        event.reason(),
                        event.object().describe(),
                        e.getMessage());
            }
        }
    }

    /** Events de-duplicated away so far. */
    public long suppressed() {
        return suppressed.get();
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Events written so far. */
    public long written() {
        return written.get();
    }

    /** Events whose write failed. */
    public long failed() {
        return failed.get();
    }

    /** Events waiting for the writer. */
    public int queued() {
        return queue.size();
    }

    /**
     * Waits up to {@code timeout} (real time) for every accepted event to be written or to fail.
     * Returns whether that happened in time.
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (written.get() + failed.get() < accepted.get()) {
            if (System.nanoTime() > deadline || !writer.isAlive()) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Stops accepting events, gives the writer up to 10 s to finish the queue, then stops it. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.interrupt();
    }
}
