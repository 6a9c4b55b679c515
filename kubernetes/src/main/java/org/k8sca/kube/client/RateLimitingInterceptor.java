package org.k8sca.kube.client;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

/**
 * Holds each API request until the {@link TokenBucket} allows it. Watch requests pass: they are
 * long-lived and few, and their reconnects are paced by the client's own backoff.
 */
final class RateLimitingInterceptor implements Interceptor {

    static final String NAME = "k8sca-rate-limit";

    private final TokenBucket bucket;

    RateLimitingInterceptor(TokenBucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String query = request.uri().getRawQuery();
        if (query != null && query.contains("watch=true")) {
            return;
        }
        try {
            bucket.acquire();
        } catch (InterruptedException e) {
            // Let the request go; whoever interrupted us will see the flag.
            Thread.currentThread().interrupt();
        }
    }
}
