package org.k8sca.kamatera.api.http;

import java.util.Objects;

/** The two API keys sent as {@code AuthClientId} and {@code AuthSecret}; never printed. */
record ApiCredentials(String clientId, String secret) {

    public ApiCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "ApiCredentials[redacted]";
    }
}
