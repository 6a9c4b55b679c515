package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.ok;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.http.StubKamateraServer.Recorded;

import java.util.List;

/** Headers, URLs, methods and bodies on the wire (kamatera-provider.md §7 items 17, 18, 26). */
class RequestShapeTest {

    private StubKamateraServer server;
    private FakeTime time;

    @BeforeEach
    void start() throws Exception {
        server = new StubKamateraServer();
        time = new FakeTime();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * Item 17: every request, GET included, carries the auth, Accept, Content-Type and User-Agent
     * headers.
     */
    @Test
    void item17_everyRequestCarriesTheHeaders() {
        server.script("/service/servers", ok("[]"));
        server.script("/server/tags", ok("[]"));
        KamateraApi api = TestClients.client(server, time);

        api.listServers("");
        api.serverTags("srv1");

        assertThat(server.requests())
                .hasSize(2)
                .allSatisfy(
                        request -> {
                            assertThat(request.header("AuthClientId"))
                                    .isEqualTo(TestClients.CLIENT_ID);
                            assertThat(request.header("AuthSecret")).isEqualTo(TestClients.SECRET);
                            assertThat(request.header("Accept")).isEqualTo("application/json");
                            assertThat(request.header("Content-Type"))
                                    .isEqualTo("application/json");
                            assertThat(request.header("User-Agent"))
                                    .isEqualTo("kamatera-autoscaler/test");
                        });
    }

    @Test
    void defaultUserAgentNamesTheProduct() {
        server.script("/service/servers", ok("[]"));
        KamateraApi api =
                TestClients.client(
                        server,
                        TestClients.options(time)
                                .userAgent(ClientOptions.defaultUserAgent())
                                .build());

        api.listServers("");

        assertThat(server.requests().get(0).header("User-Agent"))
                .startsWith("kamatera-autoscaler/");
    }

    /** Item 17: URL = base + "/" + path; a trailing slash in the base URL gives no "//". */
    @Test
    void item17_trailingSlashesInTheBaseUrlAreDropped() {
        server.script("/service/servers", ok("[]"));
        KamateraApi api =
                new KamateraHttpApi(
                        server.baseUrl() + "//", "id", "secret", TestClients.options(time).build());

        api.listServers("");

        assertThat(server.requests())
                .extracting(Recorded::pathAndQuery)
                .containsExactly("/service/servers");
    }

    @Test
    void aBaseUrlWithAPathKeepsIt() {
        server.script("/proxy/service/servers", ok("[]"));
        KamateraApi api =
                new KamateraHttpApi(
                        server.baseUrl() + "/proxy/",
                        "id",
                        "secret",
                        TestClients.options(time).build());

        api.listServers("");

        assertThat(server.requests())
                .extracting(Recorded::pathAndQuery)
                .containsExactly("/proxy/service/servers");
    }

    @Test
    void anInvalidBaseUrlIsRejectedWithItsValue() {
        assertThatThrownBy(
                        () ->
                                new KamateraHttpApi(
                                        "cloudcli.cloudwm.com",
                                        "id",
                                        "s",
                                        ClientOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"cloudcli.cloudwm.com\"")
                .hasMessageContaining("absolute http or https URL");
    }

    /**
     * Item 18: list = GET /service/servers, tags = POST /server/tags {"name"}, status = GET
     * /service/queue?id=.
     */
    @Test
    void item18_pathsAndMethods() {
        server.script("/service/servers", ok("[]"));
        server.script("/server/tags", ok("[]"));
        server.script("/service/queue", ok("[{\"status\":\"complete\"}]"));
        KamateraApi api = TestClients.client(server, time);

        api.listServers("");
        api.serverTags("srv-1");
        api.commandStatuses(List.of("123"));

        List<Recorded> requests = server.requests();
        assertThat(requests).extracting(Recorded::method).containsExactly("GET", "POST", "GET");
        assertThat(requests)
                .extracting(Recorded::pathAndQuery)
                .containsExactly("/service/servers", "/server/tags", "/service/queue?id=123");
        assertThat(requests.get(0).body()).isEmpty();
        assertThat(requests.get(1).body()).isEqualTo("{\"name\":\"srv-1\"}");
    }

    /** Item 26: terminate sends name and force true; power on/off send the name to their paths. */
    @Test
    void item26_terminateAndPowerBodies() {
        server.script("/service/server/terminate", ok("[\"t1\"]"));
        server.script("/service/server/poweron", ok("[\"on1\"]"));
        server.script("/service/server/poweroff", ok("[\"off1\"]"));
        KamateraApi api = TestClients.client(server, time);

        assertThat(api.terminateServer("srv-1")).isEqualTo("t1");
        assertThat(api.powerOn("srv-1")).isEqualTo("on1");
        assertThat(api.powerOff("srv-1")).isEqualTo("off1");

        assertThat(server.requests()).extracting(Recorded::method).containsOnly("POST");
        assertThat(server.requests())
                .extracting(Recorded::pathAndQuery)
                .containsExactly(
                        "/service/server/terminate",
                        "/service/server/poweron",
                        "/service/server/poweroff");
        assertThat(server.requests())
                .extracting(Recorded::body)
                .containsExactly(
                        "{\"name\":\"srv-1\",\"force\":true}",
                        "{\"name\":\"srv-1\"}",
                        "{\"name\":\"srv-1\"}");
    }

    /** The API reads names as anchored regexes; ours match only the one server. */
    @Test
    void regexCharactersInNamesAreEscaped() {
        server.script("/service/server/poweroff", ok("[\"off1\"]"));
        KamateraApi api = TestClients.client(server, time);

        api.powerOff("a.b|c");

        assertThat(server.requests().get(0).body()).isEqualTo("{\"name\":\"a\\\\.b\\\\|c\"}");
    }

    @Test
    void tagsAddAndRemoveSendTheirKeys() {
        server.script("/server/tags", ok("[{\"id\":\"x\",\"tagName\":\"foo\"}]"), ok("[]"));
        KamateraApi api = TestClients.client(server, time);

        assertThat(api.addServerTag("srv-1", "foo")).containsExactly("foo");
        assertThat(api.removeServerTag("srv-1", "foo")).isEmpty();

        assertThat(server.requests())
                .extracting(Recorded::body)
                .containsExactly(
                        "{\"name\":\"srv-1\",\"add\":\"foo\"}",
                        "{\"name\":\"srv-1\",\"remove\":\"foo\"}");
    }

    @Test
    void anEmptyServerNameIsRefusedBeforeSending() {
        KamateraApi api = TestClients.client(server, time);

        assertThatThrownBy(() -> api.terminateServer(" "))
                .isInstanceOfSatisfying(
                        org.k8sca.kamatera.api.KamateraApiException.class,
                        e -> {
                            assertThat(e.kind())
                                    .isEqualTo(
                                            org.k8sca.kamatera.api.KamateraApiException.Kind
                                                    .INVALID_REQUEST);
                            assertThat(e.mayHaveBeenProcessed()).isFalse();
                            assertThat(e.getMessage()).contains("server name must not be empty");
                        });
        assertThat(server.requests()).isEmpty();
    }
}
