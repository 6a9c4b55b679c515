package org.k8sca.core;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;

import java.util.List;

/** Small builders shared by tests. */
public final class Fixtures {

    public static final String HOSTNAME = "kubernetes.io/hostname";
    public static final String ZONE = "topology.kubernetes.io/zone";
    public static final long GI = 1L << 30;

    private Fixtures() {}

    /**
     * A ready node with the hostname label, {@code cpu} millicores, {@code memGi} GiB and 110 pods.
     */
    public static Node.Builder node(String name, long milliCpu, long memGi) {
        return Node.builder(name)
                .labels(Labels.of(HOSTNAME, name))
                .allocatable(Resources.of(milliCpu, memGi * GI, 100 * GI, 110, 0));
    }

    /** A node in a zone. */
    public static Node.Builder zonedNode(String name, String zone, long milliCpu, long memGi) {
        return node(name, milliCpu, memGi).labels(Labels.of(HOSTNAME, name, ZONE, zone));
    }

    /** A pending pod asking for {@code cpu} millicores and {@code memMi} MiB. */
    public static Pod.Builder pod(String name, long milliCpu, long memMi) {
        return Pod.builder("default", name)
                .uid("uid-" + name)
                .requests(Resources.of(milliCpu, memMi << 20, 0, 0, 0));
    }

    public static Pod.Builder pod(String name, long milliCpu, long memMi, String... labels) {
        return pod(name, milliCpu, memMi).labels(Labels.of(labels));
    }

    public static List<String> list(String... s) {
        return List.of(s);
    }
}
