package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.json;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.ok;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.CreateServerResult;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.KamateraApiException.Kind;
import org.k8sca.kamatera.api.Secret;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The create request on the wire and both response shapes (kamatera-provider.md §7 items 21–25).
 */
class CreateServerTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private StubKamateraServer server;
    private FakeTime time;
    private KamateraApi api;

    @BeforeEach
    void start() throws Exception {
        server = new StubKamateraServer();
        time = new FakeTime();
        api = TestClients.client(server, time);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static CreateServerRequest.Builder fullRequest() {
        return CreateServerRequest.builder("ng1-3fa9c02b71e")
                .password(Secret.of("Passw0rd-Fixed1"))
                .sshKey("ssh-rsa AAAA user")
                .datacenter("IL")
                .image("ubuntu_server_24.04_64-bit")
                .cpu("2B")
                .ram("4096")
                .disks(List.of("size=50", "size=20"))
                .dailyBackup(true)
                .managed(false)
                .networks(List.of("name=wan,ip=auto", "name=lan-1-x"))
                .billingCycle("monthly")
                .monthlyPackage("t5000")
                .script(Secret.of("#!/bin/bash\necho join --token abc\n"))
                .tags(List.of("k8sca-c1", "k8scang-ng1"));
    }

    /** Item 22: exactly the keys of §2.5, in order, with the decoded script and yes/no strings. */
    @Test
    void item22_createBodyHasExactlyTheUpstreamKeysAndValues() throws Exception {
        server.script("/service/server", ok("[\"cmd-1\"]"));

        CreateServerResult result = api.createServer(fullRequest().build());

        assertThat(result.commandId()).isEqualTo("cmd-1");
        assertThat(result.generatedPassword().isEmpty()).isTrue();
        JsonNode body = MAPPER.readTree(server.requests().get(0).body());
        List<String> keys = new ArrayList<>(body.propertyNames());
        assertThat(keys)
                .containsExactly(
                        "name",
                        "password",
                        "passwordValidate",
                        "ssh-key",
                        "datacenter",
                        "image",
                        "cpu",
                        "ram",
                        "disk",
                        "dailybackup",
                        "managed",
                        "network",
                        "quantity",
                        "billingcycle",
                        "monthlypackage",
                        "poweronaftercreate",
                        "script-file",
                        "userdata-file",
                        "tag");
        assertThat(body.get("name").stringValue()).isEqualTo("ng1-3fa9c02b71e");
        assertThat(body.get("password").stringValue()).isEqualTo("Passw0rd-Fixed1");
        assertThat(body.get("passwordValidate").stringValue()).isEqualTo("Passw0rd-Fixed1");
        assertThat(body.get("ssh-key").stringValue()).isEqualTo("ssh-rsa AAAA user");
        assertThat(body.get("disk").stringValue()).isEqualTo("size=50 size=20");
        assertThat(body.get("network").stringValue()).isEqualTo("name=wan,ip=auto name=lan-1-x");
        assertThat(body.get("tag").stringValue()).isEqualTo("k8sca-c1 k8scang-ng1");
        assertThat(body.get("dailybackup").stringValue()).isEqualTo("yes");
        assertThat(body.get("managed").stringValue()).isEqualTo("no");
        assertThat(body.get("quantity").isNumber()).isTrue();
        assertThat(body.get("quantity").intValue()).isEqualTo(1);
        assertThat(body.get("billingcycle").stringValue()).isEqualTo("monthly");
        assertThat(body.get("monthlypackage").stringValue()).isEqualTo("t5000");
        assertThat(body.get("poweronaftercreate").stringValue()).isEqualTo("yes");
        assertThat(body.get("script-file").stringValue())
                .isEqualTo("#!/bin/bash\necho join --token abc\n");
        assertThat(body.get("userdata-file").stringValue()).isEmpty();
        for (String key : keys) {
            if (!key.equals("quantity")) {
                assertThat(body.get(key).isString()).as("value of %s is a string", key).isTrue();
            }
        }
    }

    @Test
    void item22_emptyBillingCycleIsSentAsHourly() throws Exception {
        server.script("/service/server", ok("[\"cmd-1\"]"));

        api.createServer(fullRequest().billingCycle("").build());

        JsonNode body = MAPPER.readTree(server.requests().get(0).body());
        assertThat(body.get("billingcycle").stringValue()).isEqualTo("hourly");
    }

    /**
     * Item 23: empty password goes out as __generate__; the object answer yields id and password.
     */
    @Test
    void item23_emptyPasswordIsGeneratedAndTheObjectResponseIsRead() throws Exception {
        server.script(
                "/service/server",
                ok("{\"password\":\"abcdefgHJKLMNP1234!@\",\"commandIds\":[\"id\"]}"));

        CreateServerResult result =
                api.createServer(fullRequest().password(Secret.empty()).build());

        JsonNode body = MAPPER.readTree(server.requests().get(0).body());
        assertThat(body.get("password").stringValue()).isEqualTo("__generate__");
        assertThat(body.get("passwordValidate").stringValue()).isEqualTo("__generate__");
        assertThat(result.commandId()).isEqualTo("id");
        assertThat(result.generatedPassword().reveal()).isEqualTo("abcdefgHJKLMNP1234!@");
        assertThat(result.toString()).doesNotContain("abcdefgHJKLMNP1234!@");
    }

    @Test
    void numericCommandIdsAreAcceptedInBothShapes() {
        server.script(
                "/service/server",
                ok("{\"password\":\"abcdefgHJKLMNP1234!@\",\"commandIds\":[12345]}"),
                ok("[67890]"));

        assertThat(api.createServer(fullRequest().password(Secret.empty()).build()).commandId())
                .isEqualTo("12345");
        assertThat(api.createServer(fullRequest().build()).commandId()).isEqualTo("67890");
    }

    /** Upstream panics on an object without a password (§6.3 #7); we keep the command id. */
    @Test
    void anObjectWithoutPasswordStillYieldsTheCommandId() {
        server.script("/service/server", ok("{\"commandIds\":[\"c7\"]}"));

        CreateServerResult result =
                api.createServer(fullRequest().password(Secret.empty()).build());

        assertThat(result.commandId()).isEqualTo("c7");
        assertThat(result.generatedPassword().isEmpty()).isTrue();
    }

    /**
     * A 200 we cannot read: the server may well be being created, so the caller must look it up.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "[\"a\",\"b\"]",
                "[null]",
                "[\"\"]",
                "{\"password\":\"x\"}",
                "{}",
                "null",
                "true"
            })
    void unreadableCreateAnswersAreInvalidAndMayHaveBeenProcessed(String answer) {
        server.script("/service/server", ok(answer));

        KamateraApiException error =
                catchThrowableOfType(
                        KamateraApiException.class, () -> api.createServer(fullRequest().build()));

        assertThat(error.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(error.mayHaveBeenProcessed()).isTrue();
        assertThat(error.getMessage())
                .startsWith(
                        "invalid response from Kamatera server create API for server"
                                + " ng1-3fa9c02b71e: ");
        assertThat(server.requests()).hasSize(1);
    }

    /** Item 24: a value with a space fails before any request, with upstream's message. */
    @Test
    void item24_aSpaceInADiskNetworkOrTagFailsBeforeAnyRequest() {
        for (CreateServerRequest request :
                List.of(
                        fullRequest().disks(List.of("size=50", "size= 20")).build(),
                        fullRequest().networks(List.of("name=wan ip=auto")).build(),
                        fullRequest().tags(List.of("k8sca-c1", "bad tag")).build())) {
            KamateraApiException error =
                    catchThrowableOfType(
                            KamateraApiException.class, () -> api.createServer(request));
            assertThat(error.kind()).isEqualTo(Kind.INVALID_REQUEST);
            assertThat(error.mayHaveBeenProcessed()).isFalse();
            assertThat(error.getMessage())
                    .matches(
                            "invalid Kamatera server configuration array value \\(\".* .*\"\\):"
                                    + " ,must not contain spaces");
        }
        assertThat(server.requests()).isEmpty();
    }

    /**
     * Item 25: one failing create does not disturb the next; each is a separate request with
     * quantity 1.
     */
    @Test
    void item25_oneFailingCreateLeavesTheOthersAlone() throws Exception {
        server.script(
                "/service/server",
                ok("[\"c1\"]"),
                json(500, "{\"message\":\"error occured, issue reported (117)\"}"),
                ok("[\"c3\"]"));
        Map<String, String> commandIds = new java.util.LinkedHashMap<>();
        for (String name : List.of("ng1-00000000001", "ng1-00000000002", "ng1-00000000003")) {
            try {
                commandIds.put(
                        name, api.createServer(fullRequest().build().withName(name)).commandId());
            } catch (KamateraApiException e) {
                assertThat(e.apiMessage()).contains("error occured, issue reported (117)");
                commandIds.put(name, "");
            }
        }

        assertThat(commandIds)
                .containsExactly(
                        Map.entry("ng1-00000000001", "c1"),
                        Map.entry("ng1-00000000002", ""),
                        Map.entry("ng1-00000000003", "c3"));
        assertThat(server.requests()).hasSize(3);
        for (StubKamateraServer.Recorded request : server.requests()) {
            assertThat(MAPPER.readTree(request.body()).get("quantity").intValue()).isEqualTo(1);
        }
    }

    @Test
    void theRequestsToStringHidesPasswordAndScript() {
        String text = fullRequest().build().toString();

        assertThat(text)
                .contains("ng1-3fa9c02b71e")
                .doesNotContain("Passw0rd-Fixed1")
                .doesNotContain("--token abc");
    }
}
