package org.k8sca.app.validate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.NodeGroupConfig;

/**
 * What {@code validate-config} shows of a resolved config: an ordered tree of the public key names
 * (docs/cli.md) to values, with every secret already redacted. Both output formats render this one
 * tree, so redaction is decided in exactly one place.
 *
 * <p>Values are {@link String}, {@link Integer}, {@link Boolean}, {@code List<String>},
 * {@code Map<String, String>} or, for nested sections, {@code Map<String, Object>}.
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
        // The script is a secret too (it usually holds a cluster join token): only say whether it is set.
        view.put("script-base64-set", group.script() != null && !group.script().isEmpty());
        view.put("poweroff-on-scale-down", group.powerOffOnScaleDown());
        view.put("poweroff-on-scale-down-max-servers", group.powerOffOnScaleDownMaxServers());
        view.put("poweron-on-scale-up", group.powerOnOnScaleUp());
        view.put("template-label", group.templateLabels());
        view.put("tags", group.tags());
        return view;
    }

    /** "" tells the user that Kamatera will generate a password; anything else is hidden. */
    private static String redactedPassword(String password) {
        boolean none = password == null || password.isEmpty()
                || password.equals(NodeGroupConfig.GENERATE_PASSWORD);
        return none ? "" : REDACTED;
    }
}
