package org.k8sca.kube.election;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The Lease lock of fabric8's leader elector, written with an update (PUT) instead of fabric8's
 * patch: upstream's RBAC grants {@code leases: get, update} on the named Lease (and {@code create}
 * on leases), not {@code patch}. The update carries the {@code resourceVersion} of the last read,
 * so of two candidates writing at once one gets 409 Conflict and retries on its next period, as
 * with client-go's lock.
 */
final class UpdatingLeaseLock implements Lock {

    private final String namespace;
    private final String name;
    private final String identity;

    private final Clock clock;

    /** The Lease as last read; an update starts from it. */
    private Lease lastRead;

    /** When this process last wrote the Lease as its holder (null: never). */
    private volatile Instant lastOwnWrite;

    UpdatingLeaseLock(String namespace, String name, String identity, Clock clock) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * When this process last took or renewed the Lease (null: never): the leader election's
     * watchdog compares it with the renew deadline.
     */
    Instant lastOwnWrite() {
        return lastOwnWrite;
    }

    private void wrote(LeaderElectionRecord record) {
        if (identity.equals(record.getHolderIdentity())) {
            lastOwnWrite = clock.instant();
        }
    }

    @Override
    public synchronized LeaderElectionRecord get(KubernetesClient client) {
        lastRead = client.leases().inNamespace(namespace).withName(name).get();
        if (lastRead == null || lastRead.getSpec() == null) {
            return null;
        }
        LeaseSpec spec = lastRead.getSpec();
        return new LeaderElectionRecord(
                spec.getHolderIdentity(),
                Duration.ofSeconds(
                        spec.getLeaseDurationSeconds() == null
                                ? 0
                                : spec.getLeaseDurationSeconds()),
                spec.getAcquireTime(),
                spec.getRenewTime(),
                spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions());
    }

    @Override
    public synchronized void create(KubernetesClient client, LeaderElectionRecord record) {
        Lease lease =
                new LeaseBuilder()
                        .withMetadata(
                                new ObjectMetaBuilder()
                                        .withNamespace(namespace)
                                        .withName(name)
                                        .build())
                        .withSpec(spec(record))
                        .build();
        lastRead = client.leases().inNamespace(namespace).resource(lease).create();
        wrote(record);
    }

    @Override
    public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
        if (lastRead == null) {
            throw new IllegalStateException("the Lease must be read before it is updated");
        }
        Lease lease = new LeaseBuilder(lastRead).withSpec(spec(record)).build();
        // The resourceVersion of the read travels with the object: a write in between answers 409.
        lastRead = client.leases().inNamespace(namespace).resource(lease).update();
        wrote(record);
    }

    private static LeaseSpec spec(LeaderElectionRecord record) {
        LeaseSpec spec = new LeaseSpec();
        spec.setHolderIdentity(record.getHolderIdentity());
        spec.setLeaseDurationSeconds((int) record.getLeaseDuration().toSeconds());
        spec.setAcquireTime(record.getAcquireTime());
        spec.setRenewTime(record.getRenewTime());
        spec.setLeaseTransitions(record.getLeaderTransitions());
        return spec;
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public String describe() {
        return "Lease: " + namespace + " - " + name + " (" + identity + ")";
    }
}
