package org.k8sca.kamatera.provider;

import org.k8sca.kamatera.config.CloudConfig;

import java.util.Objects;

/**
 * Provider IDs are {@code <provider-id-prefix><server name>}, e.g. {@code
 * kamatera://web-3f2a9c1be4d} or, for RKE2 clusters, {@code rke2://web-3f2a9c1be4d}.
 */
public final class ProviderIds {

    private final String prefix;

    public ProviderIds(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** The provider ID of a server; an empty name gives the empty string. */
    public String format(String serverName) {
        return serverName.isEmpty() ? "" : prefix + serverName;
    }

    /**
     * The server name in a provider ID: the configured prefix stripped; else, when the configured
     * prefix is not the default, a {@code kamatera://} prefix stripped (IDs written by older
     * versions); else the input unchanged (bare names of very old versions).
     */
    public String serverName(String providerId) {
        if (providerId.isEmpty()) {
            return "";
        }
        if (providerId.startsWith(prefix)) {
            return providerId.substring(prefix.length());
        }
        String legacy = CloudConfig.DEFAULT_PROVIDER_ID_PREFIX;
        if (!prefix.equals(legacy) && providerId.startsWith(legacy)) {
            return providerId.substring(legacy.length());
        }
        return providerId;
    }
}
