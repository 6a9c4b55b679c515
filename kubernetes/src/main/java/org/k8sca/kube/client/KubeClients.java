package org.k8sca.kube.client;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import org.k8sca.kube.Sleeper;

import java.io.File;
import java.time.Clock;

/** Builds the fabric8 client from {@link KubeClientSettings}. */
public final class KubeClients {

    private KubeClients() {}

    /**
     * The client configuration: from the kubeconfig file when one is named, else fabric8's
     * discovery (in-cluster service account, {@code $KUBECONFIG}, {@code ~/.kube/config}); the
     * {@code --kubernetes} URL, when given, replaces the API server address found there.
     *
     * @throws IllegalArgumentException when the named kubeconfig file does not exist or is
     *     unreadable
     */
    public static Config config(KubeClientSettings settings) {
        Config config;
        if (settings.kubeconfig().isEmpty()) {
            config = Config.autoConfigure(null);
        } else {
            File file = new File(settings.kubeconfig());
            if (!file.isFile() || !file.canRead()) {
                throw new IllegalArgumentException(
                        "--kubeconfig " + settings.kubeconfig() + ": no such readable file");
            }
            config = Config.fromKubeconfig(file);
        }
        if (!settings.master().isEmpty()) {
            // As client-go's BuildConfigFromFlags: the flag wins over the kubeconfig's server.
            config.setMasterUrl(settings.master());
        }
        config.setRequestRetryBackoffLimit(settings.requestRetryLimit());
        config.setRequestTimeout((int) settings.requestTimeout().toMillis());
        return config;
    }

    public static KubernetesClient create(KubeClientSettings settings) {
        return create(
                settings,
                new TokenBucket(
                        settings.qps(), settings.burst(), Clock.systemUTC(), Sleeper.SYSTEM));
    }

    /** With a given rate limiter (tests use one on a fake clock). */
    public static KubernetesClient create(KubeClientSettings settings, TokenBucket bucket) {
        KubernetesClientBuilder builder =
                new KubernetesClientBuilder().withConfig(config(settings));
        if (!bucket.unlimited()) {
            builder.withHttpClientBuilderConsumer(
                    b ->
                            b.addOrReplaceInterceptor(
                                    RateLimitingInterceptor.NAME,
                                    new RateLimitingInterceptor(bucket)));
        }
        return builder.build();
    }
}
