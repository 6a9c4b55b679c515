package org.k8sca.kube.client;

import java.time.Duration;

/**
 * How to reach the API server.
 *
 * @param kubeconfig {@code --kubeconfig}: a kubeconfig file; empty means the usual discovery (the
 *     in-cluster service account, {@code $KUBECONFIG}, {@code ~/.kube/config})
 * @param qps {@code --kube-client-qps} (upstream default 5); 0 or less disables the limit
 * @param burst {@code --kube-client-burst} (upstream default 10)
 * @param requestRetryLimit how often fabric8 itself retries a failed request; keep it at 0 to 2,
 *     because fabric8 also retries 429 (a PDB refusing an eviction) with growing backoff
 * @param requestTimeout the per-request timeout
 * @param master {@code --kubernetes}: the API server URL, overriding the kubeconfig's (or the
 *     in-cluster one); empty keeps it
 */
public record KubeClientSettings(
        String kubeconfig,
        double qps,
        int burst,
        int requestRetryLimit,
        Duration requestTimeout,
        String master) {

    public static final KubeClientSettings DEFAULTS =
            new KubeClientSettings("", 5, 10, 1, Duration.ofSeconds(30), "");

    /** Without a {@code --kubernetes} override. */
    public KubeClientSettings(
            String kubeconfig,
            double qps,
            int burst,
            int requestRetryLimit,
            Duration requestTimeout) {
        this(kubeconfig, qps, burst, requestRetryLimit, requestTimeout, "");
    }

    public KubeClientSettings {
        kubeconfig = kubeconfig == null ? "" : kubeconfig.trim();
        master = master == null ? "" : master.trim();
        if (!master.isEmpty() && !isHttpUrl(master)) {
            throw new IllegalArgumentException(
                    "--kubernetes must be an http:// or https:// URL of the API server, got \""
                            + master
                            + "\"");
        }
        if (requestRetryLimit < 0 || requestRetryLimit > 2) {
            throw new IllegalArgumentException(
                    "kube client request retry limit must be 0..2, got " + requestRetryLimit);
        }
        if (qps > 0 && burst < 1) {
            throw new IllegalArgumentException(
                    "--kube-client-burst must be at least 1, got " + burst);
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "kube client request timeout must be positive, got " + requestTimeout);
        }
    }

    public KubeClientSettings withKubeconfig(String path) {
        return new KubeClientSettings(path, qps, burst, requestRetryLimit, requestTimeout, master);
    }

    public KubeClientSettings withMaster(String url) {
        return new KubeClientSettings(
                kubeconfig, qps, burst, requestRetryLimit, requestTimeout, url);
    }

    private static boolean isHttpUrl(String text) {
        try {
            java.net.URI uri = new java.net.URI(text);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
