package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.ok;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.api.Datacenter;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.ServerCapabilities;
import org.k8sca.kamatera.api.ServerImage;

/**
 * Server options of kamatera-api.md §3.9: datacenters, capabilities (CPU types, RAM, disks),
 * images.
 */
class ServerOptionsTest {

    private StubKamateraServer server;
    private KamateraApi api;

    @BeforeEach
    void start() throws Exception {
        server = new StubKamateraServer();
        api = TestClients.client(server, new FakeTime());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void datacenters() {
        server.script(
                "/service/server",
                ok(
                        "[{\"id\":\"EU\",\"name\":\"The Netherlands\",\"category\":\"Europe\","
                                + "\"subCategory\":\"Amsterdam\"},{\"id\":\"IL\",\"name\":\"Israel\"}]"));

        assertThat(api.datacenters())
                .containsExactly(
                        new Datacenter("EU", "The Netherlands", "Europe", "Amsterdam"),
                        new Datacenter("IL", "Israel", null, null));
        assertThat(server.requests().get(0).pathAndQuery())
                .isEqualTo("/service/server?datacenter=1");
        assertThat(server.requests().get(0).method()).isEqualTo("GET");
    }

    @Test
    void capabilities() {
        server.script(
                "/service/server",
                ok(
                        "{\"diskSizeGB\":[5,10,20],\"monthlyTrafficPackage\":{\"t5000\":\"5000GB\"},\"defaultMonthlyTrafficPackage\":\"t5000\",\"cpuTypes\":[{\"id\":\"B\",\"name\":\"Type"
                                + " B\","
                                + "\"description\":\"General\",\"cpuCores\":[1,2,4],\"ramMB\":[256,1024,4096]}]}"));

        ServerCapabilities capabilities = api.capabilities("US-NY2");

        assertThat(server.requests().get(0).pathAndQuery())
                .isEqualTo("/service/server?capabilities=1&datacenter=US-NY2");
        assertThat(capabilities.diskSizesGb()).containsExactly(5L, 10L, 20L);
        assertThat(capabilities.defaultMonthlyTrafficPackage()).isEqualTo("t5000");
        assertThat(capabilities.monthlyTrafficPackages()).containsEntry("t5000", "5000GB");
        assertThat(capabilities.cpuTypes())
                .singleElement()
                .satisfies(
                        type -> {
                            assertThat(type.id()).isEqualTo("B");
                            assertThat(type.cpuCores()).containsExactly(1L, 2L, 4L);
                            assertThat(type.ramMb()).containsExactly(256L, 1024L, 4096L);
                        });
    }

    @Test
    void images() {
        server.script(
                "/service/server",
                ok(
                        "[{\"datacenter\":\"EU\",\"os\":\"Ubuntu\",\"id\":\"EU:6000C29a5a7220dcf84716e7bba74215\",\"name\":\"Ubuntu"
                                + " 24.04\",\"code\":\"24.04 64bit\","
                                + "\"osDiskSizeGB\":4,\"ramMBMin\":{\"B\":512}}]"));

        assertThat(api.images("EU"))
                .containsExactly(
                        new ServerImage(
                                "EU",
                                "EU:6000C29a5a7220dcf84716e7bba74215",
                                "Ubuntu",
                                "Ubuntu 24.04",
                                "24.04 64bit"));
        assertThat(server.requests().get(0).pathAndQuery())
                .isEqualTo("/service/server?images=1&datacenter=EU");
    }

    @Test
    void wrongShapesAreInvalid() {
        server.script("/service/server", ok("{\"cpuTypes\":\"none\"}"));

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.capabilities("EU"));

        assertThat(error)
                .hasMessage(
                        "invalid response from Kamatera server options API: map[cpuTypes:none]");
    }
}
