package org.k8sca.kamatera.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.SimClient.Answer;
import org.k8sca.kamatera.sim.knobs.NameCollisionSuffix;
import org.k8sca.kamatera.sim.knobs.Quota;
import org.k8sca.kamatera.sim.model.ServerSetup;
import org.k8sca.kamatera.sim.model.ServerView;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** B4 (validation), B5 (effects), B6 (name collision), B13 (quota) of POST /service/server. */
class CreateServerTest extends SimTestBase {

    private static final String MINIMAL =
            "{\"name\":\"srv-1\",\"password\":\"Abcdefgh12\",\"datacenter\":\"EU\","
                    + "\"image\":\"ubuntu_server_24.04_64-bit\"}";

    private Answer create(String json) {
        return api.postJson("/service/server", json);
    }

    private static String with(String json, String key, Object value) {
        ObjectNode o = (ObjectNode) SimClient.MAPPER.readTree(json);
        if (value == null) {
            o.remove(key);
        } else {
            o.set(key, SimClient.MAPPER.valueToTree(value));
        }
        return o.toString();
    }

    private void assertError(Answer a, int status, String body) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.body()).isEqualTo(body);
        assertThat(sim.servers()).isEmpty();
    }

    @Test
    void missingRequiredFlagsAreReportedOneAtATimeInFieldOrder() {
        assertError(create("{}"), 400, "{\"message\":\"missing required flag (name)\"}");
        assertError(
                create("{\"name\":\"x\",\"datacenter\":\"EU\"}"),
                400,
                "{\"message\":\"missing required flag (password)\"}");
        assertError(
                create("{\"name\":\"x\",\"password\":\"Abcdefgh12\"}"),
                400,
                "{\"message\":\"missing required flag (datacenter)\"}");
        assertError(
                create(with(MINIMAL, "image", null)),
                400,
                "{\"message\":\"missing required flag (image)\"}");
        // Empty strings count as missing (ConvertEmptyStringsToNull), blanks are trimmed away
        // first.
        assertError(
                create(with(MINIMAL, "name", "  ")),
                400,
                "{\"message\":\"missing required flag (name)\"}");
    }

    @Test
    void sshKeyAloneReplacesThePasswordAndAnswersThePlainArray() {
        Answer a = create(with(with(MINIMAL, "password", ""), "ssh-key", "ssh-ed25519 AAAA user"));
        assertThat(a.status()).isEqualTo(200);
        JsonNode body = a.json();
        assertThat(body.isArray()).isTrue();
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get(0).stringValue()).matches("\\d+");
    }

    @Test
    void diskAndNetworkSyntaxErrorsAre400() {
        assertError(
                create(with(MINIMAL, "disk", "size20")),
                400,
                "{\"message\":\"invalid flag value (disk=size20)\"}");
        assertError(
                create(with(MINIMAL, "disk", "id=4,size=10")),
                400,
                "{\"message\":\"invalid item id: 4 (disk=id=4,size=10)\"}");
        assertError(
                create(with(MINIMAL, "disk", "id=0,size=10 id=0,size=20")),
                400,
                "{\"message\":\"duplicate item id: 0 (disk=id=0,size=20)\"}");
        assertError(
                create(with(MINIMAL, "disk", "size=10 size=10 size=10 size=10 size=10")),
                400,
                "{\"message\":\"invalid item ids (disk=size=10 size=10 size=10 size=10"
                        + " size=10)\"}");
        assertError(
                create(with(MINIMAL, "network", "ip=auto")),
                400,
                "{\"message\":\"invalid flag value (network=ip=auto)\"}");
    }

    @Test
    void disksWithoutIdFillTheFreeIdsAndAreSortedById() {
        long id =
                create(with(MINIMAL, "disk", "id=3,size=20 size=10 id=0,size=30 id=1,size=60"))
                        .commandId();
        finishCommands();
        assertThat(sim.server("srv-1").orElseThrow().diskSizes()).containsExactly(30, 60, 10, 20);
        assertThat(sim.command(id).orElseThrow().log())
                .contains("Disk #1: 30GB\nDisk #2: 60GB\nDisk #3: 10GB\nDisk #4: 20GB");
    }

    @Test
    void badYesNoBillingAndImageValuesAre500FailedCreateServer() {
        String failed = "{\"message\":\"Failed to run command method (createServer)\"}";
        assertError(create(with(MINIMAL, "dailybackup", true)), 500, failed);
        assertError(create(with(MINIMAL, "managed", "maybe")), 500, failed);
        assertError(create(with(MINIMAL, "poweronaftercreate", "1")), 500, failed);
        assertError(create(with(MINIMAL, "billingcycle", "weekly")), 500, failed);
        assertError(create(with(MINIMAL, "image", "no_such_image")), 500, failed);
        assertError(
                create(with(MINIMAL, "image", "IL:6000C29a5a7220dcf84716e7bba74215")),
                500,
                failed); // wrong dc
        // yes/no is case-insensitive.
        assertThat(create(with(MINIMAL, "poweronaftercreate", "YES")).status()).isEqualTo(200);
    }

    @Test
    void backendRejectionsCarryJsonDecodeError() {
        assertError(
                create(with(MINIMAL, "cpu", "3B")),
                500,
                "{\"json_decode_error\":null,\"message\":\"Invalid number of CPU cores (5)\"}");
        assertError(
                create(with(MINIMAL, "ram", "1000")),
                500,
                "{\"json_decode_error\":null,\"message\":\"Invalid RAM size (6)\"}");
        assertError(
                create(with(MINIMAL, "password", "short")),
                500,
                "{\"json_decode_error\":null,\"message\":\"Invalid password: 10-20 characters of"
                        + " a-z, A-Z, 0-9, !@#$^&*()~ with at least one upper case letter, one lower"
                        + " case letter and one digit (11)\"}");
        assertError(
                create(with(MINIMAL, "tag", "ok-tag x")),
                500,
                "{\"json_decode_error\":null,\"message\":\"Invalid tag name (12)\"}");
    }

    @Test
    void imageResolvesByFullIdBareIdAndDescription() {
        JsonNode images = api.get("/service/server?images=1&datacenter=EU").json();
        String fullId = images.get(2).get("id").stringValue();
        assertThat(create(with(with(MINIMAL, "image", fullId), "name", "by-full")).status())
                .isEqualTo(200);
        assertThat(
                        create(with(with(MINIMAL, "image", fullId.substring(3)), "name", "by-bare"))
                                .status())
                .isEqualTo(200);
        assertThat(create(with(MINIMAL, "name", "by-desc")).status()).isEqualTo(200);
    }

    @Test
    void createEffectsFollowTheRequest() {
        String body =
                with(
                        with(
                                with(
                                        with(MINIMAL, "poweronaftercreate", "no"),
                                        "tag",
                                        "k8sca-c1 k8scang-ng1"),
                                "billingcycle",
                                "Monthly"),
                        "network",
                        "name=wan,ip=auto name=lan-10001-eu-private,ip=auto");
        long id = create(with(with(body, "cpu", "4D"), "ram", 8192)).commandId();
        assertThat(sim.server("srv-1").orElseThrow().state().name()).isEqualTo("CREATING");
        finishCommands();
        ServerView s = sim.server("srv-1").orElseThrow();
        assertThat(s.power()).isEqualTo("off");
        assertThat(s.tags()).containsExactly("k8sca-c1", "k8scang-ng1");
        assertThat(s.billing()).isEqualTo("monthly");
        assertThat(s.networks()).hasSize(2);
        assertThat(s.networks().get(1).network()).isEqualTo("lan-10001-eu-private");
        String log = sim.command(id).orElseThrow().log();
        assertThat(log)
                .contains(
                        "CPU: 4 Dedicated",
                        "RAM: 8192MB",
                        "Billing: Monthly",
                        "Traffic Package: 5000GB of traffic",
                        "Network #2: lan-10001-eu-private - 172.16.0.");
    }

    @Test
    void camelCaseBillingCycleIsIgnored() {
        create(with(MINIMAL, "billingCycle", "monthly"));
        finishCommands();
        assertThat(sim.server("srv-1").orElseThrow().billing()).isEqualTo("hourly");
    }

    @Test
    void quantityIsIgnoredAndEachCreateGivesOneCommand() {
        Answer a = create(with(MINIMAL, "quantity", 5));
        assertThat(a.json().size()).isEqualTo(1);
        assertThat(sim.commands()).hasSize(1);
        assertThat(sim.servers()).hasSize(1);
    }

    @Test
    void generatedPasswordFollowsTheRules() {
        for (int i = 0; i < 30; i++) {
            Answer a = create(SimClient.autoscalerCreateBody("gen-" + i));
            String password = a.json().get("password").stringValue();
            assertThat(a.json().propertyNames()).containsExactly("commandIds", "password");
            assertThat(password)
                    .as(password)
                    .hasSize(20)
                    .matches("[a-hj-z]{7}[A-HJ-Z]{7}[0-9]{4}[!@#$^&*()~]{2}");
            assertThat(password.substring(0, 7).chars().distinct().count()).isEqualTo(7);
            assertThat(password.substring(7, 14).chars().distinct().count()).isEqualTo(7);
            assertThat(password.substring(14, 18).chars().distinct().count()).isEqualTo(4);
            assertThat(password.charAt(18)).isNotEqualTo(password.charAt(19));
        }
        // Only when both fields say __generate__; otherwise it is a literal (and invalid) password.
        Answer literal = create(with(with(MINIMAL, "password", "__generate__"), "name", "literal"));
        assertThat(literal.status()).isEqualTo(500);
    }

    @Test
    void nameCollisionCreatesSuffixedServerWhenSwitchedOn() {
        sim.addServer(ServerSetup.named("srv-1"));
        long dup = create(MINIMAL).commandId();
        finishCommands();
        assertThat(sim.servers().stream().filter(s -> s.name().equals("srv-1"))).hasSize(2);
        assertThat(sim.command(dup).orElseThrow().log()).startsWith("Name: srv-1\n");

        sim.faults().nameCollisionSuffix(NameCollisionSuffix.PAREN);
        long paren = create(MINIMAL).commandId();
        long paren2 = create(MINIMAL).commandId();
        sim.faults().nameCollisionSuffix(NameCollisionSuffix.SPACE_PAREN);
        long space = create(MINIMAL).commandId();
        finishCommands();
        assertThat(sim.command(paren).orElseThrow().log()).startsWith("Name: srv-1(1)\n");
        assertThat(sim.command(paren2).orElseThrow().serverName()).isEqualTo("srv-1(2)");
        assertThat(sim.command(space).orElseThrow().serverName()).isEqualTo("srv-1 (1)");
        // The requested name now matches two servers (the regex); the suffixed ones are "orphans".
        assertThat(api.postJson("/service/server/info", "{\"name\":\"srv-1\"}").json().size())
                .isEqualTo(2);
    }

    @Test
    void quotaExceededEndsTheCommandInErrorByDefault() {
        sim.addServer(ServerSetup.named("existing").cpu("2B"));
        sim.faults().quota(new Quota(2, 0, 0, Quota.QuotaMode.COMMAND_ERROR));
        long ok = create(MINIMAL).commandId();
        long over = create(with(MINIMAL, "name", "srv-2")).commandId();
        finishCommands();
        assertThat(sim.command(ok).orElseThrow().status()).isEqualTo("complete");
        assertThat(sim.command(over).orElseThrow().status()).isEqualTo("error");
        assertThat(sim.command(over).orElseThrow().log())
                .endsWith("Account quota exceeded: at most 2 servers (21)");
        assertThat(sim.server("srv-2")).isEmpty();
    }

    @Test
    void quotaCanFailSynchronouslyOnCoresOrRam() {
        sim.faults().quota(new Quota(0, 4, 0, Quota.QuotaMode.SYNC_500));
        assertThat(create(with(MINIMAL, "cpu", "4B")).status()).isEqualTo(200);
        Answer over = create(with(with(MINIMAL, "cpu", "1B"), "name", "srv-2"));
        assertThat(over.status()).isEqualTo(500);
        assertThat(over.body())
                .isEqualTo(
                        "{\"json_decode_error\":null,\"message\":\"Account quota exceeded: at most"
                                + " 4 CPU cores (21)\"}");
        sim.faults().quota(new Quota(0, 0, 2048, Quota.QuotaMode.SYNC_500));
        assertThat(create(with(with(MINIMAL, "ram", 4096), "name", "srv-3")).status())
                .isEqualTo(500);
        assertThat(sim.servers()).extracting(ServerView::name).isEqualTo(List.of("srv-1"));
    }
}
