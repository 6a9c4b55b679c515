package org.k8sca.kube.election;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

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
    private volatile boolean stopping;
    private volatile boolean leading;
    private CompletableFuture<?> running;

    public LeaderElection(KubernetesClient client, LeaseSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
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
                                onLost.run();
                            }
                        },
                        leader -> LOG.info("new leader elected: {}", leader));
        LeaderElector elector =
                client.leaderElector()
                        .withConfig(
                                new LeaderElectionConfigBuilder()
                                        .withName(settings.name())
                                        .withLock(
                                                new UpdatingLeaseLock(
                                                        settings.namespace(),
                                                        settings.name(),
                                                        settings.identity()))
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
        running = elector.start();
        running.whenComplete(
                (ignored, error) -> {
                    if (error != null
                            && !stopping
                            && !(error instanceof java.util.concurrent.CancellationException)) {
                        LOG.error("leader election failed: {}", error.getMessage());
                        if (!leading) {
                            onLost.run();
                        }
                    }
                });
    }

    /** Whether this process holds the Lease now. */
    public boolean isLeading() {
        return leading;
    }

    /** Stops competing and releases the Lease if held; {@code onLost} is not called. */
    public synchronized void stop() {
        stopping = true;
        if (running != null) {
            running.cancel(true);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
