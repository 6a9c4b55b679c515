package org.k8sca.kamatera.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.SimClient.Answer;
import org.k8sca.kamatera.sim.knobs.TerminateWithoutForce;
import org.k8sca.kamatera.sim.model.ServerSetup;

import tools.jackson.databind.JsonNode;

/** B7 power, B8 terminate, B9 name handling, B12 partial fan-out failure. */
class PowerAndTerminateTest extends SimTestBase {

    /** The power state the server list shows for a name (null when not listed). */
    private String power(String name) {
        for (JsonNode s : api.get("/service/servers").json()) {
            if (s.get("name").stringValue().equals(name)) {
                return s.get("power").stringValue();
            }
        }
        return null;
    }

    @Test
    void powerOffAndOnChangePowerWhenTheCommandCompletes() {
        sim.addServer(ServerSetup.named("node-1"));
        Answer off = api.postJson("/service/server/poweroff", "{\"name\":\"node-1\"}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().size()).isEqualTo(1);
        assertThat(off.json().get(0).isString()).isTrue();
        assertThat(power("node-1")).isEqualTo("on");
        clock.advanceSeconds(11);
        assertThat(power("node-1")).isEqualTo("on");
        clock.advanceSeconds(1);
        assertThat(power("node-1")).isEqualTo("off");
        JsonNode item = api.get("/service/queue?id=" + off.commandId()).json().get(0);
        assertThat(item.get("description").stringValue()).isEqualTo("Power Off Server");
        assertThat(item.get("status").stringValue()).isEqualTo("complete");

        api.postJson("/service/server/poweron", "{\"name\":\"node-1\"}");
        finishCommands();
        assertThat(power("node-1")).isEqualTo("on");
        api.postJson("/service/server/poweroff", "{\"name\":\"node-1\"}");
        finishCommands();
        api.postJson("/service/server/reboot", "{\"name\":\"node-1\"}");
        finishCommands();
        assertThat(power("node-1")).isEqualTo("on");
    }

    @Test
    void nameIsAnAnchoredRegexAndFansOut() {
        sim.addServer(ServerSetup.named("ng1-a"));
        sim.addServer(ServerSetup.named("ng1-b"));
        sim.addServer(ServerSetup.named("xng1-c"));
        assertThat(api.postJson("/service/server/poweroff", "{\"name\":\"ng1-.\"}").json().size())
                .isEqualTo(2);
        assertThat(
                        api.postJson("/service/server/poweroff", "{\"name\":\"ng1-a|ng1-b\"}")
                                .json()
                                .size())
                .isEqualTo(2);
        // "ng1" alone does not match "ng1-a": the pattern is anchored at both ends.
        Answer none = api.postJson("/service/server/poweroff", "{\"name\":\"ng1\"}");
        assertThat(none.status()).isEqualTo(500);
        assertThat(none.body()).isEqualTo("{\"message\":\"No servers found (name='ng1')\"}");
    }

    @Test
    void idOrNameExactlyOneElse500() {
        sim.addServer(ServerSetup.named("n-1").id("id-000000000001"));
        String failed = "{\"message\":\"Failed to run command method (terminateServer)\"}";
        Answer both =
                api.postJson(
                        "/service/server/terminate",
                        "{\"id\":\"id-000000000001\",\"name\":\"n-1\",\"force\":true}");
        assertThat(both.status()).isEqualTo(500);
        assertThat(both.body()).isEqualTo(failed);
        assertThat(api.postJson("/service/server/terminate", "{\"force\":true}").body())
                .isEqualTo(failed);
        assertThat(
                        api.postJson("/service/server/terminate", "{\"name\":\"\",\"force\":true}")
                                .body())
                .isEqualTo(failed);
        assertThat(api.postJson("/service/server/info", "{\"name\":\"a/b\"}").body())
                .isEqualTo("{\"message\":\"Failed to run command method (serversInfo)\"}");
        assertThat(api.postJson("/service/server/info", "{\"name\":\"(\"}").status())
                .isEqualTo(500);
        assertThat(
                        api.postJson("/service/server/poweroff", "{\"id\":\"id-000000000001\"}")
                                .status())
                .isEqualTo(200);
        assertThat(api.postJson("/service/server/poweroff", "{\"id\":\"nope\"}").status())
                .isEqualTo(500);
        assertThat(sim.commands()).hasSize(1);
    }

    @Test
    void terminateWithForceRemovesTheServerOnCompletion() {
        sim.addServer(ServerSetup.named("gone-1"));
        Answer t =
                api.postJson("/service/server/terminate", "{\"name\":\"gone-1\",\"force\":true}");
        assertThat(t.status()).isEqualTo(200);
        assertThat(api.get("/service/servers").json().size()).isEqualTo(1);
        finishCommands();
        assertThat(api.get("/service/servers").body()).isEqualTo("[]");
        assertThat(sim.servers()).isEmpty();
        assertThat(
                        api.get("/service/queue?id=" + t.commandId())
                                .json()
                                .get(0)
                                .get("description")
                                .stringValue())
                .isEqualTo("Terminate Server");
    }

    @Test
    void terminateWithoutForceOnARunningServerFailsAsConfigured() {
        sim.addServer(ServerSetup.named("run-1"));
        // Form "1" is not "true" in PHP, so this is force=false.
        long id = api.postForm("/service/server/terminate", "name=run-1&force=1").commandId();
        finishCommands();
        assertThat(sim.command(id).orElseThrow().status()).isEqualTo("error");
        assertThat(sim.command(id).orElseThrow().log()).endsWith("server is powered on");
        assertThat(sim.server("run-1")).isPresent();

        sim.faults().terminateWithoutForce(TerminateWithoutForce.SYNC_500);
        Answer sync = api.postJson("/service/server/terminate", "{\"name\":\"run-1\"}");
        assertThat(sync.status()).isEqualTo(500);
        assertThat(sync.json().get("message").stringValue()).startsWith("server is powered on");

        // A powered-off server terminates without force; the string "true" counts as true too.
        sim.addServer(ServerSetup.named("off-1").power("off"));
        api.postJson("/service/server/terminate", "{\"name\":\"off-1\"}");
        api.postJson("/service/server/terminate", "{\"name\":\"run-1\",\"force\":\"true\"}");
        finishCommands();
        assertThat(sim.servers()).isEmpty();
    }

    @Test
    void dryrunListsNamesOnlyWhenNameWasGiven() {
        sim.addServer(ServerSetup.named("d-1").id("id-d1-00000000"));
        sim.addServer(ServerSetup.named("d-2"));
        assertThat(
                        api.postJson(
                                        "/service/server/terminate",
                                        "{\"name\":\"d-.\",\"dryrun\":true,\"force\":true}")
                                .body())
                .isEqualTo("{\"dryrun\":true,\"server-names\":[\"d-1\",\"d-2\"]}");
        assertThat(
                        api.postJson(
                                        "/service/server/terminate",
                                        "{\"id\":\"id-d1-00000000\",\"dryrun\":true}")
                                .body())
                .isEqualTo("{\"dryrun\":true,\"server-names\":[]}");
        assertThat(sim.commands()).isEmpty();
    }

    @Test
    void partialFanOutFailureKeepsTheEarlierCommands() {
        sim.addServer(ServerSetup.named("f-1"));
        sim.addServer(ServerSetup.named("f-2"));
        sim.addServer(ServerSetup.named("f-3"));
        sim.faults().fanOutFailureAt(3);
        Answer a = api.postJson("/service/server/poweroff", "{\"name\":\"f-.\"}");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.body()).isEqualTo("{\"message\":\"error occured, issue reported (117)\"}");
        assertThat(sim.commands()).extracting(c -> c.serverName()).containsExactly("f-1", "f-2");
        finishCommands();
        assertThat(sim.server("f-2").orElseThrow().power()).isEqualTo("off");
        assertThat(sim.server("f-3").orElseThrow().power()).isEqualTo("on");
    }
}
