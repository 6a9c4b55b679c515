package org.k8sca.kube.election;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Competes for the Lease and says when this process leads. {@code onLost} runs when leadership ends
 * for any reason other than {@link #stop()}: the caller then exits, as upstream does, since another
 * replica may already be acting. {@link #stop()} releases the Lease so another replica takes over
 * at once instead of after the lease duration. The Lease is written with get and update only
 * ({@link UpdatingLeaseLock}), the verbs upstream's RBAC grants.
 */
public final class LeaderElection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    private final KubernetesClient client;
    private final LeaseSettings settings;
    private final Clock clock;
    private ScheduledExecutorService watchdog;
    private volatile boolean stopping;
    private volatile boolean leading;
    private final AtomicBoolean lostReported = new AtomicBoolean();
    private CompletableFuture<?> running;

    public LeaderElection(KubernetesClient client, LeaseSettings settings) {
        this(client, settings, Clock.systemUTC());
    }

    /**
     * @param clock the clock of the watchdog that ends leadership when no renewal succeeded within
     *     the renew deadline (fabric8's elector runs on the real clock, so this is the real clock
     *     outside tests)
     */
    public LeaderElection(KubernetesClient client, LeaseSettings settings, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts competing; returns at once.
     *
     * @param onLeading runs (on the election thread: hand long work to another thread) when this
     *     process becomes the leader
     * @param onLost runs when leadership ends other than through {@link #stop()}
     */
    public synchronized void start(Runnable onLeading, Runnable onLost) {
        if (running != null) {
            throw new IllegalStateException("leader election already started");
        }
        LeaderCallbacks callbacks =
                new LeaderCallbacks(
                        () -> {
                            leading = true;
                            LOG.info(
                                    "successfully acquired lease {}/{} as {}",
                                    settings.namespace(),
                                    settings.name(),
                                    settings.identity());
                            onLeading.run();
                        },
                        () -> {
                            boolean was = leading;
                            leading = false;
                            if (!stopping && was) {
                                LOG.error(
                                        "leaderelection lost: lease {}/{} is no longer held by {}",
                                        settings.namespace(),
                                        settings.name(),
                                        settings.identity());
                                reportLost(onLost);
                            }
                        },
                        leader -> LOG.info("new leader elected: {}", leader));
        UpdatingLeaseLock lock =
                new UpdatingLeaseLock(
                        settings.namespace(), settings.name(), settings.identity(), clock);
        LeaderElector elector =
                client.leaderElector()
                        .withConfig(
                                new LeaderElectionConfigBuilder()
                                        .withName(settings.name())
                                        .withLock(lock)
                                        .withLeaseDuration(settings.leaseDuration())
                                        .withRenewDeadline(settings.renewDeadline())
                                        .withRetryPeriod(settings.retryPeriod())
                                        .withReleaseOnCancel(true)
                                        .withLeaderCallbacks(callbacks)
                                        .build())
                        .build();
        LOG.info(
                "attempting to acquire leader lease {}/{} as {}",
                settings.namespace(),
                settings.name(),
                settings.identity());
        startWatchdog(lock, onLost);
        running = elector.start();
        // fabric8's renew loop retries only API errors; any other failure (e.g. a closed client)
        // ends the election without the stop-leading callback. Whatever ends it, unless we asked,
        // this process no longer leads: it must stop acting, or two replicas act at once.
        running.whenComplete(
                (ignored, error) -> {
                    ScheduledExecutorService w = watchdog;
                    if (w != null) {
                        w.shutdownNow();
                    }
                    if (stopping) {
                        leading = false;
                        return;
                    }
                    boolean was = leading;
                    leading = false;
                    if (error != null) {
                        LOG.error(
                                "leader election failed: {}",
                                error.getMessage() == null ? error.toString() : error.getMessage());
                    } else if (was) {
                        LOG.error(
                                "leaderelection lost: lease {}/{} is no longer held by {}",
                                settings.namespace(),
                                settings.name(),
                                settings.identity());
                    }
                    reportLost(onLost);
                });
    }

    /**
     * fabric8's renew loop can end without telling (it retries only API errors), so a leader also
     * checks for itself that its Lease was renewed within the renew deadline, as client-go does.
     */
    private void startWatchdog(UpdatingLeaseLock lock, Runnable onLost) {
        watchdog =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "leader-election-watchdog");
                            t.setDaemon(true);
                            return t;
                        });
        long period = Math.max(1, settings.retryPeriod().toMillis());
        watchdog.scheduleWithFixedDelay(
                () -> checkRenewed(lock, onLost), period, period, TimeUnit.MILLISECONDS);
    }

    private void checkRenewed(UpdatingLeaseLock lock, Runnable onLost) {
        Instant last = lock.lastOwnWrite();
        if (stopping || !leading || last == null) {
            return;
        }
        if (Duration.between(last, clock.instant()).compareTo(settings.renewDeadline()) > 0) {
            leading = false;
            LOG.error(
                    "leaderelection lost: lease {}/{} not renewed by {} within {} (last at {})",
                    settings.namespace(),
                    settings.name(),
                    settings.identity(),
                    settings.renewDeadline(),
                    last);
            reportLost(onLost);
            CompletableFuture<?> r = running;
            if (r != null) {
                r.cancel(true);
            }
        }
    }

    /** Runs {@code onLost} once, however many ways the end of leadership is noticed. */
    private void reportLost(Runnable onLost) {
        if (lostReported.compareAndSet(false, true)) {
            onLost.run();
        }
    }

    /** Whether this process holds the Lease now. */
    public boolean isLeading() {
        return leading;
    }

    /** Stops competing and releases the Lease if held; {@code onLost} is not called. */
    public synchronized void stop() {
        stopping = true;
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        if (running != null) {
            running.cancel(true);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
