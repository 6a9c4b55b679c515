package org.k8sca.app.simulate;

import org.k8sca.kube.objects.ClusterObjects;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded situation to decide on: the translated Kubernetes objects and the Kamatera servers.
 *
 * @param time the moment the snapshot was taken (the simulation's "now"), when it says
 * @param cluster the Kubernetes objects, translated as the live view would
 * @param servers the Kamatera servers, in file order
 * @param ignoredKinds kinds present in the file that the autoscaler does not read, sorted
 */
public record Snapshot(
        Optional<Instant> time,
        ClusterObjects cluster,
        List<SnapshotServer> servers,
        List<String> ignoredKinds) {

    public Snapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(cluster, "cluster");
        servers = List.copyOf(servers);
        ignoredKinds = List.copyOf(ignoredKinds);
    }
}
