package org.k8sca.kamatera.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.SimClient.Answer;
import org.k8sca.kamatera.sim.http.RecordedRequest;
import org.k8sca.kamatera.sim.knobs.Endpoint;

/** B1: AuthClientId/AuthSecret must match a configured pair. */
class AuthTest extends SimTestBase {
    private static final String NOT_LOGGED_IN =
            "{\"message\":\"{\\\"errors\\\":[{\\\"code\\\":1,\\\"info\\\":\\\"you are not logged"
                    + " in\\\"}]}\"}";

    @Test
    void wrongOrMissingCredentialsAre500WithTheBackendBody() {
        for (SimClient c :
                new SimClient[] {
                    new SimClient(sim.baseUrl(), CLIENT_ID, "wrong"),
                    new SimClient(sim.baseUrl(), "other", SECRET),
                    new SimClient(sim.baseUrl(), null, null)
                }) {
            Answer a = c.get("/service/servers");
            assertThat(a.status()).isEqualTo(500);
            assertThat(a.body()).isEqualTo(NOT_LOGGED_IN);
            assertThat(
                            c.postJson("/service/server", SimClient.autoscalerCreateBody("x-1"))
                                    .status())
                    .isEqualTo(500);
        }
        assertThat(sim.servers()).isEmpty();
        assertThat(api.get("/service/servers").status()).isEqualTo(200);
    }

    @Test
    void statusAndListPassthroughAreKnobs() {
        SimClient bad = new SimClient(sim.baseUrl(), CLIENT_ID, "wrong");
        sim.faults().authFailureStatus(401);
        assertThat(bad.get("/service/queue?id=1").status()).isEqualTo(401);
        sim.faults().authListPassthrough(true);
        Answer list = bad.get("/service/servers");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .isEqualTo("{\"errors\":[{\"code\":1,\"info\":\"you are not logged in\"}]}");
    }

    @Test
    void journalRedactsTheSecretButKeepsTheClientId() {
        api.get("/service/servers");
        RecordedRequest r = sim.journal(Endpoint.LIST_SERVERS).get(0);
        assertThat(r.header("AuthClientId")).contains(CLIENT_ID);
        assertThat(r.header("authsecret")).contains(RecordedRequest.REDACTED);
        assertThat(r.toString()).doesNotContain(SECRET);
    }

    @Test
    void withoutConfiguredCredentialsAnythingIsAccepted() {
        try (KamateraSimulator open = KamateraSimulator.builder().build().start()) {
            assertThat(new SimClient(open.baseUrl(), null, null).get("/service/servers").status())
                    .isEqualTo(200);
        }
    }
}
