package org.k8sca.kamatera.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.SimClient.Answer;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.model.ServerSetup;

import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** E1–E9 over real HTTP: paths, exact keys, types and routing errors. */
class EndpointsTest extends SimTestBase {

    private static List<String> keys(JsonNode o) {
        return new ArrayList<>(o.propertyNames());
    }

    @Test
    void rootAndSchemaAnswerWithoutCredentials() {
        SimClient anonymous = new SimClient(sim.baseUrl(), null, null);
        Answer root = anonymous.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.contentType()).isEqualTo("application/json");
        assertThat(root.body()).isEqualTo("{\"ready\":true}");
        JsonNode schema = anonymous.get("/schema?supports=SimpleJsonServerResponse").json();
        assertThat(keys(schema))
                .containsExactly("schema_version", "commands", "schema_generated_at");
        assertThat(schema.get("schema_version").toString()).isEqualTo("[1,2,2]");
    }

    @Test
    void listServersHasExactlyFourKeys() {
        sim.addServer(ServerSetup.named("ng1-aaa").datacenter("IL").power("off"));
        sim.addServer(ServerSetup.named("other").id("fixed-id-123456"));
        Answer a = api.get("/service/servers");
        assertThat(a.status()).isEqualTo(200);
        JsonNode list = a.json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(keys(list.get(0))).containsExactly("id", "datacenter", "name", "power");
        assertThat(list.get(0).get("name").stringValue()).isEqualTo("ng1-aaa");
        assertThat(list.get(0).get("datacenter").stringValue()).isEqualTo("IL");
        assertThat(list.get(0).get("power").stringValue()).isEqualTo("off");
        assertThat(list.get(0).get("id").stringValue()).hasSizeGreaterThan(10);
        assertThat(list.get(1).get("id").stringValue()).isEqualTo("fixed-id-123456");
    }

    @Test
    void infoHasTheFifteenKeysWithTheirTypes() {
        sim.addServer(
                ServerSetup.named("web-1")
                        .datacenter("US-NY2")
                        .cpu("4D")
                        .ramMb(8192)
                        .diskSizes(20, 100));
        JsonNode info = api.postJson("/service/server/info", "{\"name\":\"web-1\"}").json();
        assertThat(info.size()).isEqualTo(1);
        JsonNode s = info.get(0);
        assertThat(keys(s))
                .containsExactly(
                        "id",
                        "name",
                        "datacenter",
                        "power",
                        "cpu",
                        "ram",
                        "diskSizes",
                        "networks",
                        "billing",
                        "traffic",
                        "managed",
                        "backup",
                        "priceMonthlyOn",
                        "priceHourlyOn",
                        "priceHourlyOff");
        assertThat(s.get("cpu").stringValue()).isEqualTo("4D");
        assertThat(s.get("ram").isNumber()).isTrue();
        assertThat(s.get("ram").intValue()).isEqualTo(8192);
        assertThat(s.get("diskSizes").toString()).isEqualTo("[20,100]");
        assertThat(s.get("networks").get(0).get("network").stringValue()).isEqualTo("wan-us-ny2");
        assertThat(s.get("networks").get(0).get("ips").get(0).stringValue())
                .matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(s.get("billing").stringValue()).isEqualTo("hourly");
        assertThat(s.get("traffic").stringValue()).isEqualTo("t5000");
        assertThat(s.get("managed").stringValue()).isEqualTo("0");
        assertThat(s.get("backup").stringValue()).isEqualTo("0");
        assertThat(s.get("priceHourlyOff").stringValue())
                .isEqualTo(s.get("priceHourlyOn").stringValue());
    }

    @Test
    void infoWithoutMatchIs500UnlessAllowNoServers() {
        Answer none = api.postJson("/service/server/info", "{\"name\":\"ghost\"}");
        assertThat(none.status()).isEqualTo(500);
        assertThat(none.body()).isEqualTo("{\"message\":\"No servers found (name='ghost')\"}");
        Answer allowed =
                api.postJson(
                        "/service/server/info", "{\"name\":\"ghost\",\"allow-no-servers\":true}");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("[]");
    }

    @Test
    void optionsVariantsFollowCloudcliFlagOrder() {
        JsonNode full = api.get("/service/server").json();
        assertThat(keys(full))
                .containsExactly(
                        "billing",
                        "cpu",
                        "datacenters",
                        "disk",
                        "diskImages",
                        "networks",
                        "ram",
                        "traffic");
        assertThat(full.get("cpu").toString()).contains("\"2B\"");
        assertThat(full.get("disk").toString()).contains("20");
        assertThat(full.get("ram").get("B").isArray()).isTrue();
        assertThat(full.get("datacenters").get("IL").stringValue()).isEqualTo("IL: Israel");
        assertThat(keys(full.get("diskImages").get("EU").get(0)))
                .containsExactly(
                        "description",
                        "id",
                        "sizeGB",
                        "usageInfo",
                        "guestDescription",
                        "freeTextOne",
                        "freeTextTwo",
                        "additionalDisks");

        JsonNode dcs = api.get("/service/server?datacenter=1").json();
        assertThat(dcs.size()).isEqualTo(13);
        assertThat(keys(dcs.get(0))).containsExactly("id", "name", "category", "subCategory");
        // Quirk: datacenter=EU alone is truthy and also lists datacenters.
        assertThat(api.get("/service/server?datacenter=EU").json()).isEqualTo(dcs);

        JsonNode caps = api.get("/service/server?capabilities=1&datacenter=EU").json();
        assertThat(keys(caps))
                .containsExactly(
                        "diskSizeGB",
                        "monthlyTrafficPackage",
                        "defaultMonthlyTrafficPackage",
                        "cpuTypes");
        JsonNode sizes = api.get("/service/server?sizes=1&datacenter=EU").json();
        assertThat(sizes.get(0).get("id").stringValue()).isEqualTo("small");
        JsonNode images = api.get("/service/server?images=1").json();
        assertThat(images.get(0).get("datacenter").stringValue()).isEqualTo("EU");
        assertThat(images.get(0).get("id").stringValue()).startsWith("EU:6000C29");
        assertThat(keys(images.get(0)))
                .containsExactly(
                        "datacenter", "os", "id", "name", "code", "osDiskSizeGB", "ramMBMin");
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs500() {
        Answer notFound = api.get("/service/nothing");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("{\"error\":true,\"message\":\"Not Found\"}");
        Answer wrong = api.get("/service/server/info");
        assertThat(wrong.status()).isEqualTo(500);
        assertThat(wrong.json().get("message").stringValue())
                .startsWith("The GET method is not supported");
        assertThat(sim.journal().get(1).endpoint()).isNull();
    }

    @Test
    void statusInJsonHeaderWrapsEveryAnswerIn200() {
        var request =
                api.base("/service/server/info")
                        .header("Content-Type", "application/json")
                        .header("X-CLOUDCLI-STATUSINJSON", "true")
                        .POST(
                                java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"ghost\"}"))
                        .build();
        Answer a = api.send(request);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body())
                .isEqualTo(
                        "{\"response\":{\"message\":\"No servers found"
                                + " (name='ghost')\"},\"status\":500}");
    }

    @Test
    void formAndQueryInputWorkLikeJson() {
        sim.addServer(ServerSetup.named("form-1"));
        assertThat(
                        api.postForm("/service/server/info", "name=form-1")
                                .json()
                                .get(0)
                                .get("name")
                                .stringValue())
                .isEqualTo("form-1");
        assertThat(
                        api.send(
                                        api.base("/service/server/info?name=form-1")
                                                .POST(
                                                        java.net.http.HttpRequest.BodyPublishers
                                                                .noBody())
                                                .build())
                                .json()
                                .get(0)
                                .get("name")
                                .stringValue())
                .isEqualTo("form-1");
        // Body wins over the query string, as in Laravel.
        assertThat(
                        api.send(
                                        api.base("/service/server/info?name=ghost")
                                                .header("Content-Type", "application/json")
                                                .POST(
                                                        java.net.http.HttpRequest.BodyPublishers
                                                                .ofString("{\"name\":\"form-1\"}"))
                                                .build())
                                .status())
                .isEqualTo(200);
    }

    @Test
    void queueTakesSeveralSpaceSeparatedIdsInEveryEncoding() throws Exception {
        sim.addServer(ServerSetup.named("a-1"));
        sim.addServer(ServerSetup.named("a-2"));
        JsonNode ids = api.postJson("/service/server/poweroff", "{\"name\":\"a-.\"}").json();
        String id1 = ids.get(0).stringValue();
        String id2 = ids.get(1).stringValue();
        for (String q : List.of(id1 + "%20" + id2, id1 + "+" + id2)) {
            JsonNode items = api.get("/service/queue?id=" + q).json();
            assertThat(items.size()).as(q).isEqualTo(2);
            assertThat(items.get(0).get("id").longValue()).isEqualTo(Long.parseLong(id1));
            assertThat(items.get(1).get("id").longValue()).isEqualTo(Long.parseLong(id2));
        }
        assertThat(api.get("/service/queue").body()).isEqualTo("[]");
        // A raw space in the request line: the JDK server keeps only the target up to the first
        // space, so only the first id arrives (a documented limit of the simulator).
        try (Socket s = new Socket("127.0.0.1", sim.port())) {
            OutputStream out = s.getOutputStream();
            out.write(
                    ("GET /service/queue?id="
                                    + id1
                                    + " "
                                    + id2
                                    + " HTTP/1.1\r\nHost: x\r\nAuthClientId: "
                                    + CLIENT_ID
                                    + "\r\nAuthSecret: "
                                    + SECRET
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 200");
            assertThat(response).contains("\"id\":" + id1).doesNotContain("\"id\":" + id2);
        }
        assertThat(sim.requestCount(Endpoint.QUEUE)).isEqualTo(4);
    }
}
