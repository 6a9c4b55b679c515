package org.k8sca.app.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.k8sca.app.CliRun;
import org.k8sca.app.ExitCodes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * validate-config in-process against the real loader: exit statuses, both formats, redaction, env.
 */
class ValidateConfigCommandTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final Set<String> TOP_LEVEL_KEYS =
            Set.of(
                    "cluster-name",
                    "kamatera-api-url",
                    "provider-id-prefix",
                    "filter-name-prefix",
                    "default-min-size",
                    "default-max-size",
                    "min-refresh-interval",
                    "nodegroups");
    private static final Set<String> NODE_GROUP_KEYS =
            Set.of(
                    "min-size",
                    "max-size",
                    "name-prefix",
                    "password",
                    "ssh-key",
                    "datacenter",
                    "image",
                    "cpu",
                    "ram",
                    "disk",
                    "network",
                    "dailybackup",
                    "managed",
                    "billingcycle",
                    "monthlypackage",
                    "script-base64-set",
                    "poweroff-on-scale-down",
                    "poweroff-on-scale-down-max-servers",
                    "poweron-on-scale-up",
                    "template-label",
                    "template-taint",
                    "kube-reserved",
                    "system-reserved",
                    "eviction-hard",
                    "price-per-hour",
                    "price-per-hour-estimated",
                    "tags");

    @TempDir Path dir;

    private Path file(String text) {
        return ConfigFiles.write(dir, "cloud-config.ini", text);
    }

    private static CliRun validate(Path file, String... more) {
        return validate(Map.of(), file, more);
    }

    private static CliRun validate(Map<String, String> env, Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("validate-config", "--cloud-config=" + file));
        args.addAll(List.of(more));
        return CliRun.run(env, args.toArray(String[]::new));
    }

    private static JsonNode json(CliRun run) {
        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.OK);
        return JSON.readTree(run.out());
    }

    private static void assertNoSecretIn(CliRun run, String... secrets) {
        for (String secret : secrets) {
            assertThat(run.out()).as("stdout leaks a secret").doesNotContain(secret);
            assertThat(run.err()).as("stderr leaks a secret").doesNotContain(secret);
        }
    }

    private static void assertNoWorkedExampleSecretIn(CliRun run) {
        assertNoSecretIn(
                run,
                ConfigFiles.CLIENT_ID,
                ConfigFiles.SECRET,
                ConfigFiles.PASSWORD,
                ConfigFiles.SCRIPT_BASE64,
                ConfigFiles.SCRIPT,
                "echo hi");
    }

    @Test
    void workedExampleResolvesAsUpstreamSays() {
        CliRun run = validate(file(ConfigFiles.WORKED_EXAMPLE), "--output=json");

        JsonNode config = json(run);
        assertThat(run.err()).isEmpty();
        assertThat(config.get("cluster-name").asString()).isEqualTo("aaabbb");
        assertThat(config.get("kamatera-api-url").asString())
                .isEqualTo("https://cloudcli.cloudwm.com");
        assertThat(config.get("provider-id-prefix").asString()).isEqualTo("rke2://");
        assertThat(config.get("filter-name-prefix").asString()).isEmpty();
        assertThat(config.get("default-min-size").asInt()).isZero();
        assertThat(config.get("default-max-size").asInt()).isEqualTo(10);
        assertThat(names(config.get("nodegroups"))).containsExactly("highcpu");

        JsonNode highcpu = config.get("nodegroups").get("highcpu");
        assertThat(highcpu.get("min-size").asInt()).isZero();
        assertThat(highcpu.get("max-size").asInt()).isEqualTo(10);
        assertThat(highcpu.get("poweroff-on-scale-down").asBoolean()).isFalse();
        assertThat(highcpu.get("poweroff-on-scale-down-max-servers").asInt()).isEqualTo(2);
        assertThat(highcpu.get("poweron-on-scale-up").asBoolean()).isFalse();
        assertThat(highcpu.get("cpu").asString()).isEqualTo("8D");
        assertThat(highcpu.get("ram").asString()).isEqualTo("4096");
        assertThat(highcpu.get("datacenter").asString()).isEqualTo("IL");
        assertThat(highcpu.get("image").asString()).isEqualTo("ubuntu_server_24.04_64-bit");
        assertThat(strings(highcpu.get("disk"))).containsExactly("size=50");
        assertThat(strings(highcpu.get("network"))).containsExactly("name=wan,ip=auto");
        assertThat(highcpu.get("billingcycle").asString()).isEqualTo("hourly");
        assertThat(highcpu.get("password").asString()).isEqualTo("<redacted>");
        assertThat(highcpu.get("script-base64-set").asBoolean()).isTrue();
        assertThat(highcpu.get("dailybackup").asBoolean()).isFalse();
        assertThat(highcpu.get("managed").asBoolean()).isFalse();
        assertThat(JSON.convertValue(highcpu.get("template-label"), Map.class))
                .containsExactly(
                        Map.entry("kubernetes.io/os", "linux"), Map.entry("workload", "cpu"));
        assertThat(strings(highcpu.get("tags"))).containsExactly("k8sca-aaabbb", "k8scang-highcpu");
        // Our keys, all unset: their defaults.
        assertThat(config.get("min-refresh-interval").asString()).isEqualTo("30s");
        assertThat(strings(highcpu.get("template-taint"))).isEmpty();
        assertThat(highcpu.get("kube-reserved").isEmpty()).isTrue();
        assertThat(highcpu.get("system-reserved").isEmpty()).isTrue();
        assertThat(JSON.convertValue(highcpu.get("eviction-hard"), Map.class))
                .containsExactly(
                        Map.entry("memory.available", "100Mi"),
                        Map.entry("nodefs.available", "10%"));
        // 8 dedicated cores, 4 GB RAM, 50 GB disk: 8 * 0.014 + 4 * 0.003 + 50 * 0.00007.
        assertThat(highcpu.get("price-per-hour").asDouble()).isEqualTo(0.1275);
        assertThat(highcpu.get("price-per-hour-estimated").asBoolean()).isTrue();
        assertNoWorkedExampleSecretIn(run);
    }

    @Test
    void templateAndPricingKeysShowWhatEachGroupResolvesTo() {
        String text =
                ConfigFiles.MINIMAL.replace("[nodegroup \"ng1\"]\n", "")
                        + """
                        min-refresh-interval=2m
                        default-kube-reserved=cpu=100m,memory=256Mi
                        default-template-taint=dedicated=batch:NoSchedule
                        default-price-per-hour=0.05
                        [nodegroup "inherits"]
                        [nodegroup "own"]
                        kube-reserved=none
                        system-reserved=memory=300Mi,ephemeral-storage=1Gi
                        eviction-hard=memory.available<200Mi
                        template-taint=spot:PreferNoSchedule
                        template-taint=gpu=true:NoExecute
                        price-per-hour=0.25
                        """;
        CliRun run = validate(file(text), "--output=json");

        JsonNode config = json(run);
        assertThat(run.err()).as(run.describe()).isEmpty();
        assertThat(config.get("min-refresh-interval").asString()).isEqualTo("2m0s");
        JsonNode inherits = config.get("nodegroups").get("inherits");
        assertThat(JSON.convertValue(inherits.get("kube-reserved"), Map.class))
                .containsExactly(Map.entry("cpu", "100m"), Map.entry("memory", "256Mi"));
        assertThat(inherits.get("system-reserved").isEmpty()).isTrue();
        assertThat(JSON.convertValue(inherits.get("eviction-hard"), Map.class))
                .containsExactly(
                        Map.entry("memory.available", "100Mi"),
                        Map.entry("nodefs.available", "10%"));
        assertThat(strings(inherits.get("template-taint")))
                .containsExactly("dedicated=batch:NoSchedule");
        assertThat(inherits.get("price-per-hour").asDouble()).isEqualTo(0.05);
        assertThat(inherits.get("price-per-hour-estimated").asBoolean()).isFalse();

        JsonNode own = config.get("nodegroups").get("own");
        assertThat(own.get("kube-reserved").isEmpty()).as("none").isTrue();
        assertThat(JSON.convertValue(own.get("system-reserved"), Map.class))
                .containsExactly(
                        Map.entry("memory", "300Mi"), Map.entry("ephemeral-storage", "1Gi"));
        assertThat(JSON.convertValue(own.get("eviction-hard"), Map.class))
                .containsExactly(Map.entry("memory.available", "200Mi"));
        assertThat(strings(own.get("template-taint")))
                .containsExactly("spot:PreferNoSchedule", "gpu=true:NoExecute");
        assertThat(own.get("price-per-hour").asDouble()).isEqualTo(0.25);
        assertThat(own.get("price-per-hour-estimated").asBoolean()).isFalse();

        CliRun textRun = validate(file(text), "--output=text");
        assertThat(textRun.status()).as(textRun.describe()).isEqualTo(ExitCodes.OK);
        assertThat(textRun.out())
                .containsPattern("(?m)^min-refresh-interval: +2m0s$")
                .containsPattern("(?m)^    kube-reserved: +\\(none\\)$")
                .containsPattern("(?m)^      ephemeral-storage: +1Gi$")
                .containsPattern("(?m)^      memory.available: +200Mi$")
                .containsPattern("(?m)^      - gpu=true:NoExecute$")
                .containsPattern("(?m)^    price-per-hour: +0.25$")
                .containsPattern("(?m)^    price-per-hour-estimated: +false$");
    }

    @Test
    void projectExampleFileIsValidAndResolvesAsItsCommentsSay() {
        // Surefire runs in the module directory; the example lives at the repository root.
        Path example = Path.of("..", "deploy", "examples", "cloud-config.ini");
        CliRun run = validate(example, "--output=json");

        JsonNode config = json(run);
        assertThat(run.err()).as(run.describe()).isEmpty();
        assertThat(config.get("cluster-name").asString()).isEqualTo("mycluster");
        assertThat(config.get("filter-name-prefix").asString()).isEqualTo("mycluster");
        assertThat(names(config.get("nodegroups"))).containsExactly("general", "highcpu");
        JsonNode general = config.get("nodegroups").get("general");
        assertThat(general.get("min-size").asInt()).isEqualTo(1);
        assertThat(general.get("max-size").asInt()).isEqualTo(10);
        assertThat(general.get("cpu").asString()).isEqualTo("2B");
        assertThat(general.get("password").asString()).isEqualTo("<redacted>");
        JsonNode highcpu = config.get("nodegroups").get("highcpu");
        assertThat(strings(highcpu.get("disk"))).containsExactly("size=100", "size=200");
        assertThat(highcpu.get("poweroff-on-scale-down").asBoolean()).isTrue();
        assertThat(highcpu.get("poweroff-on-scale-down-max-servers").asInt()).isEqualTo(2);
        assertThat(strings(highcpu.get("tags")))
                .containsExactly("k8sca-mycluster", "k8scang-highcpu");
        assertNoSecretIn(run, "REPLACE-WITH-CLIENT-ID", "REPLACE-WITH-SECRET", "Example#Passw0rd");
    }

    @Test
    void jsonHasExactlyTheDocumentedKeysWithTheirTypes() {
        String text =
                ConfigFiles.WORKED_EXAMPLE
                        + """
                        [nodegroup "plain"]
                        """;
        JsonNode config = json(validate(file(text), "--output=json"));

        assertThat(config.isObject()).isTrue();
        assertThat(names(config)).containsExactlyInAnyOrderElementsOf(TOP_LEVEL_KEYS);
        for (String key :
                List.of(
                        "cluster-name",
                        "kamatera-api-url",
                        "provider-id-prefix",
                        "filter-name-prefix")) {
            assertThat(config.get(key).isString()).as(key).isTrue();
        }
        assertThat(config.get("default-min-size").isInt()).isTrue();
        assertThat(config.get("default-max-size").isInt()).isTrue();
        assertThat(config.get("nodegroups").isObject()).isTrue();
        assertThat(names(config.get("nodegroups"))).containsExactly("highcpu", "plain");

        for (JsonNode group : config.get("nodegroups")) {
            assertThat(names(group)).containsExactlyInAnyOrderElementsOf(NODE_GROUP_KEYS);
            for (String key :
                    List.of("min-size", "max-size", "poweroff-on-scale-down-max-servers")) {
                assertThat(group.get(key).isInt()).as(key).isTrue();
            }
            for (String key :
                    List.of(
                            "name-prefix",
                            "password",
                            "ssh-key",
                            "datacenter",
                            "image",
                            "cpu",
                            "ram",
                            "billingcycle",
                            "monthlypackage")) {
                assertThat(group.get(key).isString()).as(key).isTrue();
            }
            for (String key :
                    List.of(
                            "dailybackup",
                            "managed",
                            "script-base64-set",
                            "poweroff-on-scale-down",
                            "poweron-on-scale-up")) {
                assertThat(group.get(key).isBoolean()).as(key).isTrue();
            }
            for (String key : List.of("disk", "network", "tags")) {
                assertThat(group.get(key).isArray()).as(key).isTrue();
                group.get(key).forEach(element -> assertThat(element.isString()).as(key).isTrue());
            }
            assertThat(group.get("template-label").isObject()).isTrue();
            for (String key : List.of("kube-reserved", "system-reserved", "eviction-hard")) {
                assertThat(group.get(key).isObject()).as(key).isTrue();
                group.get(key).forEach(value -> assertThat(value.isString()).as(key).isTrue());
            }
            assertThat(group.get("template-taint").isArray()).isTrue();
            assertThat(group.get("price-per-hour").isNumber()).isTrue();
            assertThat(group.get("price-per-hour-estimated").isBoolean()).isTrue();
        }
        assertThat(config.get("min-refresh-interval").isString()).isTrue();
        assertThat(config.get("nodegroups").get("plain").get("template-label").isEmpty()).isTrue();
    }

    @Test
    void passwordIsRedactedWhenSetAndEmptyWhenKamateraGeneratesIt() {
        String text =
                ConfigFiles.MINIMAL
                        + """
                        password=MyS3cret!Pass
                        [nodegroup "gen"]
                        """;
        CliRun run = validate(file(text), "--output=json");

        JsonNode groups = json(run).get("nodegroups");
        assertThat(groups.get("ng1").get("password").asString()).isEqualTo("<redacted>");
        assertThat(groups.get("gen").get("password").asString()).isEmpty();
        assertNoSecretIn(run, "MyS3cret!Pass", ConfigFiles.CLIENT_ID, ConfigFiles.SECRET);
    }

    @Test
    void textOutputListsEveryKeyWithoutSecrets() {
        CliRun run = validate(file(ConfigFiles.WORKED_EXAMPLE), "--output=text");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        for (String key : TOP_LEVEL_KEYS) {
            assertThat(run.out()).contains(key + ":");
        }
        for (String key : NODE_GROUP_KEYS) {
            assertThat(run.out()).contains("    " + key + ":");
        }
        assertThat(run.out())
                .containsPattern("(?m)^cluster-name: +aaabbb$")
                .containsPattern("(?m)^  highcpu:$")
                .containsPattern("(?m)^    password: +<redacted>$")
                .containsPattern("(?m)^    cpu: +8D$")
                .containsPattern("(?m)^      - size=50$")
                .containsPattern("(?m)^      kubernetes.io/os: +linux$");
        assertNoWorkedExampleSecretIn(run);
    }

    @Test
    void textIsTheDefaultFormat() {
        Path file = file(ConfigFiles.WORKED_EXAMPLE);

        assertThat(validate(file).out()).isEqualTo(validate(file, "--output=text").out());
    }

    @Test
    void flagsWorkWithEqualsSignOrSeparateValue() {
        Path file = file(ConfigFiles.WORKED_EXAMPLE);
        CliRun joined = CliRun.run("validate-config", "--cloud-config=" + file, "--output=json");
        CliRun separate =
                CliRun.run(
                        "validate-config", "--output", "json", "--cloud-config", file.toString());

        assertThat(separate.status()).as(separate.describe()).isEqualTo(ExitCodes.OK);
        assertThat(separate.out()).isEqualTo(joined.out());
    }

    @Test
    void aRepeatedFlagOverridesTheEarlierOneAsInPflag() {
        Path file = file(ConfigFiles.WORKED_EXAMPLE);
        CliRun run =
                CliRun.run(
                        "validate-config",
                        "--cloud-config=" + dir.resolve("missing.ini"),
                        "--output=text",
                        "--cloud-config=" + file,
                        "--output=json");

        assertThat(json(run).get("cluster-name").asString()).isEqualTo("aaabbb");
    }

    @Test
    void invalidFileGivesExit1AndOneLinePerProblemNamingFileSectionAndKey() {
        String text =
                """
                [global]
                kamatera-api-client-id=1a222bbb3ccc44d5555e6ff77g88hh9i
                kamatera-api-secret=9ii88h7g6f55555ee4444444dd33eee2
                cluster-name=c1
                default-datacenter=IL
                [nodegroup "ng1"]
                image=ubuntu
                """;
        Path file = file(text);
        CliRun run = validate(file, "--output=json");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        List<String> lines = run.err().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith(file + ":"));
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .matches(
                                                java.util.regex.Pattern.quote(file.toString())
                                                        + "(:\\d+)?: \\[nodegroup \"ng1\"\\] (cpu:"
                                                        + " )?cpu for node group ng1 is empty"));
        for (String message :
                List.of(
                        "script for node group ng1 is empty",
                        "ram for node group ng1 is empty",
                        "no disks for node group ng1",
                        "no networks for node group ng1")) {
            assertThat(lines).anySatisfy(line -> assertThat(line).contains(message));
        }
        assertNoWorkedExampleSecretIn(run);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String text =
                """
                [global]
                cluster-name=a-cluster-name-that-is-too-long
                [nodegroup "a-node-group-name-too-long"]
                min-size=1.0
                """;
        CliRun run = validate(file(text));

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("kamatera api client id is not set")
                .contains("kamatera api secret is not set")
                .contains("cluster name must be at most 15 characters long")
                .contains("node group name must be at most 15 characters long")
                .contains("strconv.Atoi: parsing \"1.0\": invalid syntax");
    }

    @Test
    void noSecretLeaksWhenASecretValueItselfIsMalformed() {
        String text =
                ConfigFiles.MINIMAL
                        + """
                        password="Hunter2Secret\\q"
                        """;
        CliRun run = validate(file(text));

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("unknown escape sequence");
        assertNoSecretIn(run, "Hunter2Secret", ConfigFiles.CLIENT_ID, ConfigFiles.SECRET);
    }

    @Test
    void warningsGoToStderrOneLineEachAndTheFileStaysValid() {
        String text =
                ConfigFiles.MINIMAL.replace("[global]\n", "[global]\ndefault-dailybackup=true\n")
                        + "dailybackup=false\n";
        Path file = file(text);
        CliRun run = validate(file, "--output=json");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.OK);
        assertThat(json(run).get("nodegroups").get("ng1").get("dailybackup").asBoolean()).isTrue();
        assertThat(run.err())
                .as(run.describe())
                .startsWith(file + ":14: warning: [nodegroup \"ng1\"] dailybackup: ")
                .contains("dailybackup=false has no effect")
                .hasLineCount(1);
    }

    @Test
    void missingFileIsExit2() {
        CliRun run = validate(dir.resolve("no-such.ini"));

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("cannot read cloud config")
                .contains("no-such.ini")
                .contains("no such file");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void directoryIsExit2() {
        CliRun run = validate(dir);

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("cannot read cloud config").contains(dir.toString());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void credentialsMayComeFromTheEnvironment() {
        String withoutCredentials =
                ConfigFiles.MINIMAL
                        .replace("kamatera-api-client-id=1a222bbb3ccc44d5555e6ff77g88hh9i\n", "")
                        .replace("kamatera-api-secret=9ii88h7g6f55555ee4444444dd33eee2\n", "");
        Path file = file(withoutCredentials);

        CliRun without = validate(file);
        assertThat(without.status()).as(without.describe()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(without.err())
                .contains("kamatera api client id is not set")
                .contains("kamatera api secret is not set");

        Map<String, String> env =
                Map.of(
                        "KAMATERA_API_CLIENT_ID",
                        "EnvClientId0042",
                        "KAMATERA_API_SECRET",
                        "EnvSecretValue0042");
        CliRun with = validate(env, file, "--output=json");
        assertThat(with.status()).as(with.describe()).isEqualTo(ExitCodes.OK);
        assertNoSecretIn(with, "EnvClientId0042", "EnvSecretValue0042");

        CliRun emptyEnv =
                validate(Map.of("KAMATERA_API_CLIENT_ID", "", "KAMATERA_API_SECRET", ""), file);
        assertThat(emptyEnv.status())
                .as("empty variables do not count: " + emptyEnv.describe())
                .isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void environmentOverridesTheFileWithoutShowingEither() {
        Map<String, String> env =
                Map.of(
                        "KAMATERA_API_CLIENT_ID",
                        "EnvClientId0042",
                        "KAMATERA_API_SECRET",
                        "EnvSecretValue0042");
        CliRun run = validate(env, file(ConfigFiles.WORKED_EXAMPLE), "--output=text");

        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.OK);
        assertNoWorkedExampleSecretIn(run);
        assertNoSecretIn(run, "EnvClientId0042", "EnvSecretValue0042");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.asString()));
        return strings;
    }
}
