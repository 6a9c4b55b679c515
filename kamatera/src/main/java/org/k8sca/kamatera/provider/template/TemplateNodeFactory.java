package org.k8sca.kamatera.provider.template;

import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Node;
import org.k8sca.core.resources.Quantity;
import org.k8sca.core.resources.Resources;
import org.k8sca.kamatera.config.NodeGroupConfig;
import org.k8sca.kamatera.config.NodeTemplateConfig;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the template node of a node group: capacity from the server config, allocatable as the
 * kubelet computes it (capacity minus kube-reserved, system-reserved and the hard eviction
 * thresholds), the labels every kubelet sets plus Kamatera's datacenter as region and zone, then
 * the group's {@code template-label}s (which win), and its {@code template-taint}s.
 */
public final class TemplateNodeFactory {

    public static final String LABEL_OS = "kubernetes.io/os";
    public static final String LABEL_ARCH = "kubernetes.io/arch";
    public static final String LABEL_HOSTNAME = "kubernetes.io/hostname";
    public static final String LABEL_INSTANCE_TYPE = "node.kubernetes.io/instance-type";
    public static final String LABEL_REGION = "topology.kubernetes.io/region";
    public static final String LABEL_ZONE = "topology.kubernetes.io/zone";

    /** Pods per node: the kubelet's default {@code --max-pods}. */
    public static final long MAX_PODS = 110;

    private TemplateNodeFactory() {}

    /**
     * @param nodeName the template node's name (the name a new server would get)
     */
    public static NodeTemplate build(NodeGroupConfig group, String nodeName, String providerId) {
        MachineShape shape = MachineShape.of(group);
        Resources capacity =
                Resources.builder()
                        .milliCpu(shape.cores() * 1000L)
                        .memoryBytes(shape.ramMb() * 1024L * 1024L)
                        .ephemeralStorageBytes(shape.firstDiskGb() * 1024L * 1024L * 1024L)
                        .pods(MAX_PODS)
                        .build();
        Resources allocatable = allocatable(capacity, group.template());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_OS, "linux");
        labels.put(LABEL_ARCH, "amd64");
        labels.put(LABEL_HOSTNAME, nodeName);
        labels.put(LABEL_INSTANCE_TYPE, shape.instanceType());
        labels.put(LABEL_REGION, group.datacenter());
        labels.put(LABEL_ZONE, group.datacenter());
        labels.putAll(group.templateLabels());
        Node node =
                Node.builder(nodeName)
                        .providerId(providerId)
                        .labels(Labels.of(labels))
                        .taints(group.template().taints())
                        .capacity(capacity)
                        .allocatable(allocatable)
                        .ready(true)
                        .build();
        return new NodeTemplate(node, List.of());
    }

    /** Capacity minus the reservations, never below zero (kubelet's rule). */
    static Resources allocatable(Resources capacity, NodeTemplateConfig template) {
        long cpu =
                capacity.milliCpu()
                        - milliCpu(template.kubeReserved())
                        - milliCpu(template.systemReserved());
        long memory =
                capacity.memoryBytes()
                        - bytes(template.kubeReserved(), "memory")
                        - bytes(template.systemReserved(), "memory")
                        - threshold(
                                template.evictionHard().get("memory.available"),
                                capacity.memoryBytes());
        long storage =
                capacity.ephemeralStorageBytes()
                        - bytes(template.kubeReserved(), "ephemeral-storage")
                        - bytes(template.systemReserved(), "ephemeral-storage")
                        - threshold(
                                template.evictionHard().get("nodefs.available"),
                                capacity.ephemeralStorageBytes());
        return Resources.builder()
                .milliCpu(Math.max(0, cpu))
                .memoryBytes(Math.max(0, memory))
                .ephemeralStorageBytes(Math.max(0, storage))
                .pods(capacity.pods())
                .build();
    }

    private static long milliCpu(Map<String, String> reserved) {
        String value = reserved.get("cpu");
        return value == null ? 0 : Quantity.parse(value).milliValue();
    }

    private static long bytes(Map<String, String> reserved, String resource) {
        String value = reserved.get(resource);
        return value == null ? 0 : Quantity.parse(value).value();
    }

    /** An eviction threshold: a quantity, or a percentage of {@code total}. */
    private static long threshold(String value, long total) {
        if (value == null) {
            return 0;
        }
        if (value.endsWith("%")) {
            BigDecimal percent = new BigDecimal(value.substring(0, value.length() - 1));
            return BigDecimal.valueOf(total)
                    .multiply(percent)
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                    .longValueExact();
        }
        return Quantity.parse(value).value();
    }
}
