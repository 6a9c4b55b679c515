package org.k8sca.kamatera.api.http;

import java.time.Duration;

/** Builds clients for tests: fake time, no real sleeping, no rate limit unless asked. */
final class TestClients {

    static final String CLIENT_ID = "client-id-7f3a9b2c";
    static final String SECRET = "api-secret-Zq81xK4vW0";

    private TestClients() {}

    static ClientOptions.Builder options(FakeTime time) {
        return ClientOptions.builder()
                .clock(time)
                .sleeper(time)
                .rateLimit(0, 1)
                .attemptTimeout(Duration.ofSeconds(10))
                .userAgent("kamatera-autoscaler/test");
    }

    static KamateraHttpApi client(StubKamateraServer server, ClientOptions options) {
        return new KamateraHttpApi(server.baseUrl(), CLIENT_ID, SECRET, options);
    }

    static KamateraHttpApi client(StubKamateraServer server, FakeTime time) {
        return client(server, options(time).build());
    }
}
