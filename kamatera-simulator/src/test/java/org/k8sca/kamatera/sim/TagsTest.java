package org.k8sca.kamatera.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.SimClient.Answer;
import org.k8sca.kamatera.sim.model.ServerSetup;

/** B10: POST /server/tags. */
class TagsTest extends SimTestBase {

    private String tags(String json) {
        Answer a = api.postJson("/server/tags", json);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.body();
    }

    @Test
    void addAndRemoveFollowTheObservedSequence() {
        sim.addServer(ServerSetup.named("t-1").id("sid-0000000001"));
        assertThat(tags("{\"name\":\"t-1\"}")).isEqualTo("[]");
        assertThat(tags("{\"name\":\"t-1\",\"add\":\"foo\"}"))
                .isEqualTo("[{\"id\":\"sid-0000000001\",\"tagName\":\"foo\"}]");
        assertThat(tags("{\"name\":\"t-1\",\"add\":\"bar\"}"))
                .isEqualTo(
                        "[{\"id\":\"sid-0000000001\",\"tagName\":\"foo\"},{\"id\":\"sid-0000000001\",\"tagName\":\"bar\"}]");
        assertThat(tags("{\"id\":\"sid-0000000001\",\"remove\":\"foo\"}"))
                .isEqualTo("[{\"id\":\"sid-0000000001\",\"tagName\":\"bar\"}]");
        assertThat(tags("{\"name\":\"t-1\",\"remove\":\"bar\"}")).isEqualTo("[]");
        assertThat(sim.server("t-1").orElseThrow().tags()).isEmpty();
    }

    @Test
    void legacyKeysKnob() {
        sim.addServer(ServerSetup.named("t-1").id("sid-0000000001").tags("k8sca-c1"));
        sim.faults().legacyTagKeys(true);
        assertThat(tags("{\"name\":\"t-1\"}"))
                .isEqualTo("[{\"server id\":\"sid-0000000001\",\"tag name\":\"k8sca-c1\"}]");
    }

    @Test
    void exactlyOneServerAndValidTagNames() {
        sim.addServer(ServerSetup.named("t-1"));
        sim.addServer(ServerSetup.named("t-2"));
        Answer many = api.postJson("/server/tags", "{\"name\":\"t-.\"}");
        assertThat(many.status()).isEqualTo(500);
        assertThat(many.body())
                .isEqualTo("{\"message\":\"Too many matching servers (name='t-.')\"}");
        Answer none = api.postJson("/server/tags", "{\"name\":\"zz\"}");
        assertThat(none.body()).isEqualTo("{\"message\":\"No servers found (name='zz')\"}");
        Answer neither = api.postJson("/server/tags", "{}");
        assertThat(neither.body())
                .isEqualTo("{\"message\":\"Failed to run command method (serverTags)\"}");
        for (String bad : new String[] {"ab", "a-very-long-tag-name-over-24", "bad/tag"}) {
            Answer a = api.postJson("/server/tags", "{\"name\":\"t-1\",\"add\":\"" + bad + "\"}");
            assertThat(a.status()).as(bad).isEqualTo(500);
            assertThat(a.body())
                    .as(bad)
                    .isEqualTo(
                            "{\"message\":\"{\\\"errors\\\":[{\\\"code\\\":12,\\\"info\\\":\\\"Invalid"
                                    + " tag name\\\"}]}\"}");
        }
        assertThat(tags("{\"name\":\"t-1\",\"add\":\"k8scang-abcdefghijklmno\"}"))
                .contains("k8scang-abcdefghijklmno");
    }
}
