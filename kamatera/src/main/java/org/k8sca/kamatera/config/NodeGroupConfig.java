package org.k8sca.kamatera.config;

import java.util.List;
import java.util.Map;

/**
 * One {@code [nodegroup "name"]} after inheritance from {@code [global]} and validation.
 *
 * @param password the root password, or {@code __generate__} when none is configured
 * @param script the init script, already base64-decoded (never empty)
 * @param billingCycle {@code hourly} or {@code monthly}
 * @param powerOffOnScaleDownMaxServers 0 means unlimited
 * @param templateLabels labels of the template node, in file order
 * @param tags the two server tags: {@code k8sca-<cluster>} then {@code k8scang-<group>}
 * @param template our additions: kubelet reservations, template taints, price per hour
 */
public record NodeGroupConfig(
        String name,
        int minSize,
        int maxSize,
        String namePrefix,
        String password,
        String sshKey,
        String datacenter,
        String image,
        String cpu,
        String ram,
        List<String> disks,
        List<String> networks,
        boolean dailyBackup,
        boolean managed,
        String billingCycle,
        String monthlyPackage,
        String script,
        boolean powerOffOnScaleDown,
        int powerOffOnScaleDownMaxServers,
        boolean powerOnOnScaleUp,
        Map<String, String> templateLabels,
        List<String> tags,
        NodeTemplateConfig template) {

    /** Sent as password when none is configured: Kamatera then generates one. */
    public static final String GENERATE_PASSWORD = "__generate__";

    public NodeGroupConfig {
        disks = List.copyOf(disks);
        networks = List.copyOf(networks);
        templateLabels =
                java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(templateLabels));
        tags = List.copyOf(tags);
        template = template == null ? NodeTemplateConfig.NONE : template;
    }

    /** Secrets (password, script) are never printed. */
    @Override
    public String toString() {
        return "NodeGroupConfig[name="
                + name
                + ", minSize="
                + minSize
                + ", maxSize="
                + maxSize
                + ", namePrefix="
                + namePrefix
                + ", datacenter="
                + datacenter
                + ", image="
                + image
                + ", cpu="
                + cpu
                + ", ram="
                + ram
                + ", disks="
                + disks
                + ", networks="
                + networks
                + ", billingCycle="
                + billingCycle
                + ", powerOffOnScaleDown="
                + powerOffOnScaleDown
                + ", powerOffOnScaleDownMaxServers="
                + powerOffOnScaleDownMaxServers
                + ", powerOnOnScaleUp="
                + powerOnOnScaleUp
                + ", templateLabels="
                + templateLabels
                + ", tags="
                + tags
                + ", template="
                + template
                + ", password=<redacted>, script=<redacted>]";
    }
}
