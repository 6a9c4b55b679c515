package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.json;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.ok;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.ServerInfo;
import org.k8sca.kamatera.api.ServerLister;
import org.k8sca.kamatera.api.ServerSummary;
import org.k8sca.kamatera.api.ServerWithTags;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Server list, tags and info (kamatera-provider.md §7 items 29, 30, 31). */
class ServerListingTest {

    private StubKamateraServer server;
    private KamateraApi api;

    @BeforeEach
    void start() throws Exception {
        server = new StubKamateraServer();
        api =
                TestClients.client(
                        server, TestClients.options(new FakeTime()).maxAttempts(2).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Item 29: only "on" is powered on; the list keeps API order and optional id/datacenter. */
    @Test
    void item29_powerOnMeansOnlyOn() {
        server.script(
                "/service/servers",
                ok(
                        "[{\"id\":\"u1\",\"datacenter\":\"IL\",\"name\":\"a\",\"power\":\"on\"},"
                                + "{\"name\":\"b\",\"power\":\"off\"},{\"name\":\"c\",\"power\":\"On\"}]"));

        List<ServerSummary> servers = api.listServers("");

        assertThat(servers).extracting(ServerSummary::name).containsExactly("a", "b", "c");
        assertThat(servers)
                .extracting(ServerSummary::poweredOn)
                .containsExactly(true, false, false);
        assertThat(servers.get(0)).isEqualTo(new ServerSummary("u1", "a", "IL", "on"));
        assertThat(servers.get(1).id()).isNull();
    }

    /** Item 29: wrong shapes, with upstream's dumps. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"invalid\":\"response\"}                | map[invalid:response]",
                "[1,2]                                     | [1 2]",
                "[{\"foo\":\"bar\"}]                       | [map[foo:bar]]",
                "[{\"name\":123}]                          | [map[name:123]]",
                "[{\"name\":\"foo\",\"power\":123}]        | [map[name:foo power:123]]",
                "[{\"name\":\"foo\"}]                      | [map[name:foo]]"
            })
    void item29_invalidListShapes(String answer, String dump) {
        server.script("/service/servers", ok(answer));

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.listServers(""));

        assertThat(error).hasMessage("invalid response from Kamatera servers API: " + dump);
        assertThat(server.requests()).as("shape errors are not retried").hasSize(1);
    }

    /**
     * Item 29: name is checked for every element, power only for the servers kept by the prefix.
     */
    @Test
    void item29_powerIsCheckedOnlyForKeptServers() {
        server.script(
                "/service/servers",
                ok("[{\"name\":\"other\",\"power\":5},{\"name\":\"k8s-a\",\"power\":\"on\"}]"),
                ok("[{\"name\":\"k8s-a\",\"power\":\"on\"},{\"name\":7}]"));

        assertThat(api.listServers("k8s-"))
                .extracting(ServerSummary::name)
                .containsExactly("k8s-a");
        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.listServers("k8s-"));
        assertThat(error.getMessage()).startsWith("invalid response from Kamatera servers API: ");
    }

    /**
     * Item 30: tags only for servers not already known; servers outside the prefix are not asked.
     */
    @Test
    void item30_tagsAreFetchedOnlyForUnknownServersMatchingThePrefix() {
        server.script(
                "/service/servers",
                ok(
                        "[{\"name\":\"k8s-known\",\"power\":\"on\"},"
                                + "{\"name\":\"other-srv\",\"power\":\"on\"},{\"name\":\"k8s-new\",\"power\":\"off\"}]"));
        server.script(
                "/server/tags",
                ok(
                        "[{\"id\":\"u\",\"tagName\":\"k8sca-c1\"},{\"id\":\"u\",\"tagName\":\"k8scang-ng1\"}]"));
        Map<String, List<String>> cache = Map.of("k8s-known", List.of("k8sca-c1", "k8scang-ng2"));

        List<ServerWithTags> servers =
                new ServerLister(api).list("k8s-", name -> Optional.ofNullable(cache.get(name)));

        assertThat(servers)
                .extracting(ServerWithTags::name)
                .containsExactly("k8s-known", "k8s-new");
        assertThat(servers.get(0).tags()).containsExactly("k8sca-c1", "k8scang-ng2");
        assertThat(servers.get(1).tags()).containsExactly("k8sca-c1", "k8scang-ng1");
        assertThat(servers.get(1).poweredOn()).isFalse();
        assertThat(server.requests("/server/tags"))
                .singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"name\":\"k8s-new\"}"));
    }

    /** Item 31: one failing tags call fails the whole listing. */
    @Test
    void item31_aFailingTagsCallFailsTheListing() {
        server.script(
                "/service/servers",
                ok("[{\"name\":\"a\",\"power\":\"on\"},{\"name\":\"b\",\"power\":\"on\"}]"));
        server.handler(
                "/server/tags",
                request ->
                        request.body().contains("\"b\"")
                                ? json(
                                        500,
                                        "{\"message\":\"Failed to run command method"
                                                + " (serverTags)\"}")
                                : ok("[]"));

        KamateraApiException error =
                catchThrowableOfType(
                        KamateraApiException.class,
                        () -> new ServerLister(api).list("", name -> Optional.empty()));

        assertThat(error.apiMessage()).contains("Failed to run command method (serverTags)");
    }

    @Test
    void legacyTagKeysAreAccepted() {
        server.script(
                "/server/tags",
                ok("[{\"server id\":\"u\",\"tag name\":\"foo\"},{\"tagName\":\"bar\"}]"));

        assertThat(api.serverTags("s1")).containsExactly("foo", "bar");
    }

    @Test
    void invalidTagShapesAreRejected() {
        server.script("/server/tags", ok("[{\"tagName\":1}]"));

        KamateraApiException error =
                catchThrowableOfType(KamateraApiException.class, () -> api.serverTags("s1"));

        assertThat(error)
                .hasMessage("invalid response from Kamatera server tags API: [map[tagName:1]]");
    }

    @Test
    void serverInfoFindsTheExactNameAndAsksWithAllowNoServers() {
        server.script(
                "/service/server/info",
                ok(
                        "[{\"id\":\"u1\",\"name\":\"ng1-abc\",\"datacenter\":\"IL\","
                                + "\"power\":\"on\",\"cpu\":\"2B\",\"ram\":4096,\"diskSizes\":[50,20],"
                                + "\"networks\":[{\"network\":\"wan-il\",\"ips\":[\"185.0.2.10\"]}],\"billing\":\"hourly\","
                                + "\"traffic\":\"t5000\",\"managed\":\"0\",\"backup\":\"1\",\"priceMonthlyOn\":\"4.00\","
                                + "\"priceHourlyOn\":\"0.006\",\"priceHourlyOff\":\"0.006\"}]"));

        ServerInfo info = api.serverInfo("ng1-abc").orElseThrow();

        assertThat(info.id()).isEqualTo("u1");
        assertThat(info.ramMb()).isEqualTo(4096);
        assertThat(info.diskSizesGb()).containsExactly(50L, 20L);
        assertThat(info.networks())
                .singleElement()
                .satisfies(
                        n -> {
                            assertThat(n.network()).isEqualTo("wan-il");
                            assertThat(n.ips()).containsExactly("185.0.2.10");
                        });
        assertThat(info.poweredOn()).isTrue();
        assertThat(server.requests().get(0).body())
                .isEqualTo("{\"name\":\"ng1-abc\",\"allow-no-servers\":true}");
    }

    @Test
    void serverInfoToleratesOddFieldTypes() {
        server.script(
                "/service/server/info",
                ok(
                        "[{\"name\":\"a\",\"ram\":\"2048\",\"diskSizes\":[\"20\",{}],"
                                + "\"networks\":[\"wan\"]}]"),
                ok("[{\"name\":\"a\",\"ram\":{\"mb\":1}}]"));

        ServerInfo first = api.serverInfo("a").orElseThrow();
        ServerInfo second = api.serverInfo("a").orElseThrow();

        assertThat(first.ramMb()).isEqualTo(2048);
        assertThat(first.diskSizesGb()).containsExactly(20L);
        assertThat(second.ramMb()).isZero();
        assertThat(second.power()).isNull();
    }

    @Test
    void serverInfoIsEmptyWhenNoServerMatches() {
        server.script(
                "/service/server/info",
                ok("[]"),
                json(500, "{\"message\":\"No servers found (name='x')\"}"));

        assertThat(api.serverInfo("x")).isEmpty();
        assertThat(api.serverInfo("x")).isEmpty();
    }
}
