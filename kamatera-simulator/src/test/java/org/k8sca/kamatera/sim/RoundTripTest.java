package org.k8sca.kamatera.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.SimClient.Answer;
import org.k8sca.kamatera.sim.http.RecordedRequest;
import org.k8sca.kamatera.sim.knobs.Endpoint;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The autoscaler's whole cycle against the simulator, with the request bodies the upstream
 * autoscaler sends: create → queue → list → tags → poweroff → poweron → poweroff → terminate.
 */
class RoundTripTest extends SimTestBase {

    private String status(long id) {
        return api.get("/service/queue?id=" + id).json().get(0).get("status").stringValue();
    }

    @Test
    void createQueueListTagsPowerTerminate() {
        String name = "ng1-3fa9c02b71e";
        Answer created = api.postJson("/service/server", SimClient.autoscalerCreateBody(name));
        assertThat(created.status()).isEqualTo(200);
        long createId = created.commandId();
        assertThat(status(createId)).isEqualTo("pending");
        finishCommands();
        assertThat(status(createId)).isEqualTo("complete");

        JsonNode list = api.get("/service/servers").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("name").stringValue()).isEqualTo(name);
        assertThat(list.get(0).get("power").stringValue()).isEqualTo("on");

        JsonNode tags = api.postJson("/server/tags", "{\"name\":\"" + name + "\"}").json();
        assertThat(tags.findValuesAsString("tagName")).containsExactly("k8sca-c1", "k8scang-ng1");

        long off =
                api.postJson("/service/server/poweroff", "{\"name\":\"" + name + "\"}").commandId();
        finishCommands();
        assertThat(status(off)).isEqualTo("complete");
        assertThat(api.get("/service/servers").json().get(0).get("power").stringValue())
                .isEqualTo("off");

        long on =
                api.postJson("/service/server/poweron", "{\"name\":\"" + name + "\"}").commandId();
        finishCommands();
        assertThat(status(on)).isEqualTo("complete");
        assertThat(api.get("/service/servers").json().get(0).get("power").stringValue())
                .isEqualTo("on");

        api.postJson("/service/server/poweroff", "{\"name\":\"" + name + "\"}");
        finishCommands();
        long terminate =
                api.postJson(
                                "/service/server/terminate",
                                "{\"name\":\"" + name + "\",\"force\":true}")
                        .commandId();
        finishCommands();
        assertThat(status(terminate)).isEqualTo("complete");
        assertThat(api.get("/service/servers").body()).isEqualTo("[]");

        // The journal keeps exact bodies and counts per endpoint for client tests.
        RecordedRequest create = sim.journal(Endpoint.CREATE_SERVER).get(0);
        assertThat(create.jsonBody().get("tag").stringValue()).isEqualTo("k8sca-c1 k8scang-ng1");
        assertThat(create.body()).isEqualTo(SimClient.autoscalerCreateBody(name));
        assertThat(create.toString()).doesNotContain("join-token").doesNotContain("__generate__");
        assertThat(sim.requestCount(Endpoint.POWER_OFF)).isEqualTo(2);
        assertThat(sim.requestCount(Endpoint.TERMINATE)).isEqualTo(1);
        assertThat(sim.journal()).extracting(RecordedRequest::method).contains("GET", "POST");
        assertThat(sim.commands())
                .extracting(c -> c.kind().name())
                .isEqualTo(List.of("CREATE", "POWER_OFF", "POWER_ON", "POWER_OFF", "TERMINATE"));
    }
}
