package org.k8sca.core.snapshot;

import org.k8sca.core.model.HostPort;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node in the snapshot with its pods and aggregates. A live, read-only view: it reflects later
 * changes of the snapshot, so read it, do not keep it across changes.
 */
public final class NodeInfo {

    private final Node node;
    private final Map<String, Pod> podsByUid = new LinkedHashMap<>();
    private final List<HostPort> usedHostPorts = new ArrayList<>(0);
    private Resources requested = Resources.ZERO;

    NodeInfo(Node node) {
        this.node = node;
    }

    public Node node() {
        return node;
    }

    public String name() {
        return node.name();
    }

    /** The sum of the requests of the pods on this node (with {@code pods} = their number). */
    public Resources requested() {
        return requested;
    }

    /** The pods on this node, in no particular order. */
    public Collection<Pod> pods() {
        return Collections.unmodifiableCollection(podsByUid.values());
    }

    public int podCount() {
        return podsByUid.size();
    }

    /** The host ports used by the pods on this node (one entry per pod and port). */
    public List<HostPort> usedHostPorts() {
        return Collections.unmodifiableList(usedHostPorts);
    }

    /** Whether {@code wanted} conflicts with a host port already used here. Does not allocate. */
    public boolean hostPortInUse(HostPort wanted) {
        for (int i = 0; i < usedHostPorts.size(); i++) {
            if (usedHostPorts.get(i).conflictsWith(wanted)) {
                return true;
            }
        }
        return false;
    }

    void addPod(Pod pod) {
        podsByUid.put(pod.uid(), pod);
        requested = requested.plus(pod.requests());
        usedHostPorts.addAll(pod.hostPorts());
    }

    void removePod(Pod pod) {
        podsByUid.remove(pod.uid());
        requested = requested.minus(pod.requests());
        for (HostPort port : pod.hostPorts()) {
            usedHostPorts.remove(port);
        }
    }

    Pod pod(String uid) {
        return podsByUid.get(uid);
    }

    @Override
    public String toString() {
        return "NodeInfo["
                + node.name()
                + ", pods="
                + podsByUid.size()
                + ", requested="
                + requested
                + "]";
    }
}
