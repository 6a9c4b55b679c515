package org.k8sca.core.scheduling;

/** kube-scheduler's plugin names and reason texts, spelled exactly as the scheduler does. */
public final class Reasons {

    private Reasons() {}

    public static final String NODE_UNSCHEDULABLE = "NodeUnschedulable";
    public static final String NODE_NAME = "NodeName";
    public static final String TAINT_TOLERATION = "TaintToleration";
    public static final String NODE_AFFINITY = "NodeAffinity";
    public static final String NODE_PORTS = "NodePorts";
    public static final String NODE_RESOURCES_FIT = "NodeResourcesFit";
    public static final String VOLUME_BINDING = "VolumeBinding";
    public static final String VOLUME_ZONE = "VolumeZone";
    public static final String POD_TOPOLOGY_SPREAD = "PodTopologySpread";
    public static final String INTER_POD_AFFINITY = "InterPodAffinity";

    public static final String UNSCHEDULABLE = "node(s) were unschedulable";
    public static final String NODE_NAME_MISMATCH = "node(s) didn't match the requested node name";
    public static final String NODE_AFFINITY_MISMATCH =
            "node(s) didn't match Pod's node affinity/selector";
    public static final String NO_FREE_PORTS =
            "node(s) didn't have free ports for the requested pod ports";
    public static final String TOO_MANY_PODS = "Too many pods";
    public static final String INSUFFICIENT_PREFIX = "Insufficient ";
    public static final String UNBOUND_IMMEDIATE_CLAIMS =
            "pod has unbound immediate PersistentVolumeClaims";
    public static final String VOLUME_NODE_AFFINITY_CONFLICT =
            "node(s) had volume node affinity conflict";
    public static final String NO_VOLUME_ZONE = "node(s) had no available volume zone";
    public static final String SPREAD_MISMATCH =
            "node(s) didn't match pod topology spread constraints";
    public static final String SPREAD_MISSING_LABEL = SPREAD_MISMATCH + " (missing required label)";
    public static final String EXISTING_ANTI_AFFINITY_MISMATCH =
            "node(s) didn't satisfy existing pods anti-affinity rules";
    public static final String AFFINITY_MISMATCH = "node(s) didn't match pod affinity rules";
    public static final String ANTI_AFFINITY_MISMATCH =
            "node(s) didn't match pod anti-affinity rules";

    /** {@code node(s) had untolerated taint {key: value}}. */
    public static String untoleratedTaint(String key, String value) {
        return "node(s) had untolerated taint {" + key + ": " + value + "}";
    }
}
