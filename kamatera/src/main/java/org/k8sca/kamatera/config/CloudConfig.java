package org.k8sca.kamatera.config;

import java.util.List;
import java.util.Map;

/**
 * The resolved cloud config: {@code [global]} after defaults, with every node group resolved and
 * validated. Produced only by the loader; an instance is always valid.
 *
 * @param apiClientId from {@code KAMATERA_API_CLIENT_ID} when set, else from the file
 * @param apiSecret from {@code KAMATERA_API_SECRET} when set, else from the file
 * @param filterNamePrefix empty when not set: then every server of the account is considered
 * @param powerOffOnScaleDown the global default; node groups carry their own resolved value
 * @param powerOnOnScaleUp the global default; node groups carry their own resolved value
 * @param minRefreshInterval our {@code min-refresh-interval}: idle refreshes list servers no more
 *     often
 * @param nodeGroups by node group name, in the order the groups first appear in the file
 * @param warnings findings that do not stop the autoscaler (e.g. a node-group value that has no
 *     effect), in file order; the CLI prints them on stderr
 */
public record CloudConfig(
        String apiClientId,
        String apiSecret,
        String apiUrl,
        String clusterName,
        String filterNamePrefix,
        String providerIdPrefix,
        boolean powerOffOnScaleDown,
        boolean powerOnOnScaleUp,
        int defaultMinSize,
        int defaultMaxSize,
        java.time.Duration minRefreshInterval,
        Map<String, NodeGroupConfig> nodeGroups,
        List<ConfigProblem> warnings) {

    public static final String DEFAULT_API_URL = "https://cloudcli.cloudwm.com";
    public static final String DEFAULT_PROVIDER_ID_PREFIX = "kamatera://";

    /**
     * Idle refreshes list servers at most every 30 s (upstream: at every loop, 10 s by default).
     */
    public static final java.time.Duration DEFAULT_MIN_REFRESH_INTERVAL =
            java.time.Duration.ofSeconds(30);

    public CloudConfig {
        minRefreshInterval =
                minRefreshInterval == null ? DEFAULT_MIN_REFRESH_INTERVAL : minRefreshInterval;
        nodeGroups =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodeGroups));
        warnings = List.copyOf(warnings);
    }

    /** The tag every server of this cluster carries. */
    public String clusterTag() {
        return "k8sca-" + clusterName;
    }

    /** Secrets are never printed. */
    @Override
    public String toString() {
        return "CloudConfig[clusterName="
                + clusterName
                + ", apiUrl="
                + apiUrl
                + ", providerIdPrefix="
                + providerIdPrefix
                + ", filterNamePrefix="
                + filterNamePrefix
                + ", nodeGroups="
                + nodeGroups.keySet()
                + ", apiClientId=<redacted>, apiSecret=<redacted>]";
    }
}
