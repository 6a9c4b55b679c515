package org.k8sca.app.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The cloud config the app's end-to-end tests use: one group "ng1" against a simulator. */
public final class SimulatorCloudConfig {
    private SimulatorCloudConfig() {}

    /**
     * Cluster {@code c1}, node group {@code ng1} (name prefix {@code ng1}, min 0), servers of 2B /
     * 4096 MB / 20 GB in EU, and no minimum refresh interval so every loop lists the servers.
     */
    public static String ini(
            String apiUrl, String clientId, String secret, String script, int maxSize) {
        return """
                [global]
                kamatera-api-client-id=%s
                kamatera-api-secret=%s
                kamatera-api-url=%s
                cluster-name=c1
                min-refresh-interval=0s
                default-datacenter=EU
                default-image=ubuntu_server_24.04_64-bit
                default-cpu=2B
                default-ram=4096
                default-disk=size=20
                default-network=name=wan,ip=auto
                default-script-base64=%s
                [nodegroup "ng1"]
                name-prefix=ng1
                min-size=0
                max-size=%d
                """
                .formatted(
                        clientId,
                        secret,
                        apiUrl,
                        Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)),
                        maxSize);
    }
}
