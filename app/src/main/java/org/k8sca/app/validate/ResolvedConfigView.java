package org.k8sca.app.validate;

import org.k8sca.core.duration.GoDuration;
import org.k8sca.core.model.Taint;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.NodeGroupConfig;
import org.k8sca.kamatera.config.NodeTemplateConfig;
import org.k8sca.kamatera.provider.template.MachineShape;
import org.k8sca.kamatera.provider.template.PriceEstimator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code validate-config} shows of a resolved config: an ordered tree of the public key names
 * (docs/cli.md) to values, with every secret already redacted. Both output formats render this one
 * tree, so redaction is decided in exactly one place.
 *
 * <p>Values are {@link String}, {@link Integer}, {@link Double}, {@link Boolean}, {@code
 * List<String>}, {@code Map<String, String>} or, for nested sections, {@code Map<String, Object>}.
 */
public final class ResolvedConfigView {
    /** Shown instead of a secret that is set. */
    public static final String REDACTED = "<redacted>";

    private ResolvedConfigView() {}

    public static Map<String, Object> of(CloudConfig config) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cluster-name", config.clusterName());
        view.put("kamatera-api-url", config.apiUrl());
        view.put("provider-id-prefix", config.providerIdPrefix());
        view.put("filter-name-prefix", config.filterNamePrefix());
        view.put("default-min-size", config.defaultMinSize());
        view.put("default-max-size", config.defaultMaxSize());
        view.put("min-refresh-interval", GoDuration.format(config.minRefreshInterval()));
        Map<String, Object> nodeGroups = new LinkedHashMap<>();
        config.nodeGroups().forEach((name, group) -> nodeGroups.put(name, nodeGroup(group)));
        view.put("nodegroups", nodeGroups);
        return view;
    }

    private static Map<String, Object> nodeGroup(NodeGroupConfig group) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("min-size", group.minSize());
        view.put("max-size", group.maxSize());
        view.put("name-prefix", group.namePrefix());
        view.put("password", redactedPassword(group.password()));
        view.put("ssh-key", group.sshKey());
        view.put("datacenter", group.datacenter());
        view.put("image", group.image());
        view.put("cpu", group.cpu());
        view.put("ram", group.ram());
        view.put("disk", group.disks());
        view.put("network", group.networks());
        view.put("dailybackup", group.dailyBackup());
        view.put("managed", group.managed());
        view.put("billingcycle", group.billingCycle());
        view.put("monthlypackage", group.monthlyPackage());
        // The script is a secret too (it usually holds a cluster join token): only say whether it
        // is set.
        view.put("script-base64-set", group.script() != null && !group.script().isEmpty());
        view.put("poweroff-on-scale-down", group.powerOffOnScaleDown());
        view.put("poweroff-on-scale-down-max-servers", group.powerOffOnScaleDownMaxServers());
        view.put("poweron-on-scale-up", group.powerOnOnScaleUp());
        view.put("template-label", group.templateLabels());
        NodeTemplateConfig template = group.template();
        view.put("template-taint", taints(template.taints()));
        view.put("kube-reserved", template.kubeReserved());
        view.put("system-reserved", template.systemReserved());
        view.put("eviction-hard", template.evictionHard());
        boolean estimated = template.pricePerHour().isEmpty();
        view.put(
                "price-per-hour",
                estimated
                        ? roundedEstimate(PriceEstimator.estimate(MachineShape.of(group)))
                        : template.pricePerHour().getAsDouble());
        view.put("price-per-hour-estimated", estimated);
        view.put("tags", group.tags());
        return view;
    }

    /** In the config's own syntax, {@code key=value:Effect} or {@code key:Effect}. */
    private static List<String> taints(List<Taint> taints) {
        List<String> texts = new ArrayList<>();
        for (Taint taint : taints) {
            texts.add(taint.toString());
        }
        return texts;
    }

    /**
     * The estimate is only meant to rank node groups, so four decimals are plenty; rounding also
     * keeps floating-point noise ({@code 0.12750000000000003}) out of the output.
     */
    private static double roundedEstimate(double pricePerHour) {
        return Math.round(pricePerHour * 10_000) / 10_000.0;
    }

    /** "" tells the user that Kamatera will generate a password; anything else is hidden. */
    private static String redactedPassword(String password) {
        boolean none =
                password == null
                        || password.isEmpty()
                        || password.equals(NodeGroupConfig.GENERATE_PASSWORD);
        return none ? "" : REDACTED;
    }
}
