package org.k8sca.kamatera.config;

import static org.k8sca.kamatera.config.ConfigKeys.*;

import org.k8sca.kamatera.config.golang.GoStrconv;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the stored file into a {@link CloudConfig}: defaults, the environment overrides, upstream's
 * start-up checks in upstream's order (§1.6 of the provider spec), then every node group.
 */
final class CloudConfigResolver {
    private static final long DEFAULT_MIN_SIZE_VALUE = 1;
    private static final long DEFAULT_MAX_SIZE_VALUE = 254;

    private CloudConfigResolver() {}

    /**
     * @return the config, meaningful only when {@code findings} has no errors afterwards
     */
    static CloudConfig resolve(RawCloudConfig raw, Map<String, String> env, Findings findings) {
        RawSection global = raw.global() != null ? raw.global() : new RawSection(GLOBAL_SECTION, 0);
        String clientId =
                fromEnvOr(env, CloudConfigLoader.ENV_CLIENT_ID, global.stringValue(API_CLIENT_ID));
        String secret =
                fromEnvOr(env, CloudConfigLoader.ENV_SECRET, global.stringValue(API_SECRET));
        String clusterName = global.stringValue(CLUSTER_NAME);

        if (clusterName.isEmpty()) {
            findings.error(
                    GLOBAL_SECTION, CLUSTER_NAME, global.headerLine, "cluster name is not set");
        }
        if (clientId.isEmpty()) {
            findings.error(
                    GLOBAL_SECTION,
                    API_CLIENT_ID,
                    global.headerLine,
                    "kamatera api client id is not set"
                            + " (set "
                            + API_CLIENT_ID
                            + " in [global] or "
                            + CloudConfigLoader.ENV_CLIENT_ID
                            + ")");
        }
        if (secret.isEmpty()) {
            findings.error(
                    GLOBAL_SECTION,
                    API_SECRET,
                    global.headerLine,
                    "kamatera api secret is not set"
                            + " (set "
                            + API_SECRET
                            + " in [global] or "
                            + CloudConfigLoader.ENV_SECRET
                            + ")");
        }
        String apiUrl = global.stringValue(API_URL);
        if (apiUrl.isEmpty()) {
            apiUrl = CloudConfig.DEFAULT_API_URL;
        } else {
            checkApiUrl(apiUrl, global.lineOfValue(API_URL), findings);
        }
        if (ServerTags.byteLength(clusterName) > ServerTags.MAX_NAME_BYTES) {
            findings.error(
                    GLOBAL_SECTION,
                    CLUSTER_NAME,
                    global.lineOfValue(CLUSTER_NAME),
                    "cluster name must be at most 15 characters long");
        } else if (!clusterName.isEmpty()) {
            ServerTags.check(
                    ServerTags.CLUSTER_TAG_PREFIX + clusterName,
                    "cluster-name",
                    GLOBAL_SECTION,
                    CLUSTER_NAME,
                    global.lineOfValue(CLUSTER_NAME),
                    findings);
        }
        String providerIdPrefix = global.stringValue(PROVIDER_ID_PREFIX);
        if (providerIdPrefix.isEmpty()) {
            providerIdPrefix = CloudConfig.DEFAULT_PROVIDER_ID_PREFIX;
        }
        SizeRange.Result defaults =
                SizeRange.check(
                        global,
                        DEFAULT_MIN_SIZE,
                        DEFAULT_MAX_SIZE,
                        DEFAULT_MIN_SIZE_VALUE,
                        DEFAULT_MAX_SIZE_VALUE,
                        true,
                        "cannot get default size values in global section: ",
                        findings);

        Map<String, NodeGroupConfig> nodeGroups = new LinkedHashMap<>();
        for (Map.Entry<String, RawSection> group : raw.nodeGroups().entrySet()) {
            NodeGroupResolver resolver =
                    new NodeGroupResolver(
                            group.getKey(),
                            group.getValue(),
                            global,
                            clusterName,
                            defaults,
                            findings);
            nodeGroups.put(group.getKey(), resolver.resolve());
        }
        if (raw.nodeGroups().isEmpty()) {
            findings.warning(
                    GLOBAL_SECTION,
                    null,
                    global.headerLine,
                    "no [nodegroup \"NAME\"] section: the autoscaler has nothing to scale");
        }
        return new CloudConfig(
                clientId,
                secret,
                apiUrl,
                clusterName,
                global.stringValue(FILTER_NAME_PREFIX),
                providerIdPrefix,
                global.boolValue(POWEROFF_ON_SCALE_DOWN),
                global.boolValue(POWERON_ON_SCALE_UP),
                clampToInt(defaults.min()),
                clampToInt(defaults.max()),
                minRefreshInterval(global, findings),
                nodeGroups,
                findings.warnings());
    }

    private static java.time.Duration minRefreshInterval(RawSection global, Findings findings) {
        String text = global.stringValue(MIN_REFRESH_INTERVAL);
        if (text.isEmpty()) {
            return CloudConfig.DEFAULT_MIN_REFRESH_INTERVAL;
        }
        try {
            return TemplateSyntax.duration(text);
        } catch (IllegalArgumentException e) {
            findings.error(
                    GLOBAL_SECTION,
                    MIN_REFRESH_INTERVAL,
                    global.lineOfValue(MIN_REFRESH_INTERVAL),
                    MIN_REFRESH_INTERVAL + ": " + e.getMessage());
            return CloudConfig.DEFAULT_MIN_REFRESH_INTERVAL;
        }
    }

    private static String fromEnvOr(Map<String, String> env, String variable, String fileValue) {
        String fromEnv = env == null ? null : env.get(variable);
        return fromEnv == null || fromEnv.isEmpty() ? fileValue : fromEnv;
    }

    /** Upstream uses the URL as given; one that is not an absolute http(s) URL fails every call. */
    private static void checkApiUrl(String url, int line, Findings findings) {
        boolean ok;
        try {
            URI uri = new URI(url);
            ok =
                    ("http".equalsIgnoreCase(uri.getScheme())
                                    || "https".equalsIgnoreCase(uri.getScheme()))
                            && uri.getHost() != null;
        } catch (URISyntaxException e) {
            ok = false;
        }
        if (!ok) {
            findings.error(
                    GLOBAL_SECTION,
                    API_URL,
                    line,
                    API_URL + " " + GoStrconv.quote(url) + " is not an absolute http or https URL");
        }
    }

    /** Go ints are 64-bit; sizes beyond Java's int range mean "no practical limit". */
    static int clampToInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
