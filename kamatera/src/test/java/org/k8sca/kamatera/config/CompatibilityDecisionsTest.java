package org.k8sca.kamatera.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.k8sca.kamatera.config.ConfigTestSupport.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Each decision recorded in docs/compatibility.md, and the gcfg binding rules behind it. */
class CompatibilityDecisionsTest {

    private static final String GROUP = VALID_GLOBAL + "[nodegroup \"ng1\"]\n";

    @Test
    void aValueCutByAnUnquotedCommentSignIsRefusedWithoutShowingTheValue() {
        List<ConfigProblem> problems = problems(GROUP + "password=Aa1#23456789\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).key()).isEqualTo("password");
        assertThat(problems.get(0).line()).isEqualTo(13);
        assertThat(problems.get(0).message())
                .contains("unquoted ';' or '#'")
                .doesNotContain("Aa1", "23456789");
        NodeGroupConfig quoted =
                parseValid(GROUP + "password=\"Aa1#23456789\"\n").nodeGroups().get("ng1");
        assertThat(quoted.password()).isEqualTo("Aa1#23456789");
        NodeGroupConfig spacedComment =
                parseValid(GROUP + "password=Aa123456789 # a comment\n").nodeGroups().get("ng1");
        assertThat(spacedComment.password()).isEqualTo("Aa123456789");
    }

    @Test
    void namesWithSpacesAreRefusedBecauseTheyBreakServerCreation() {
        assertThat(messages(VALID_GLOBAL.replace("aaabbb", "my cluster") + "[nodegroup \"a\"]\n"))
                .containsExactly(
                        "invalid Kamatera server configuration array value (\"k8sca-my cluster\"):"
                                + " ,must not contain spaces (cluster-name becomes a server tag and"
                                + " tags are sent space-separated, so no server could be created)");
        assertThat(messages(VALID_GLOBAL + "[nodegroup \"my group\"]\n"))
                .singleElement()
                .asString()
                .startsWith(
                        "invalid Kamatera server configuration array value (\"k8scang-my group\"):"
                                + " ,must not contain spaces");
    }

    @Test
    void disksAndNetworksWithSpacesAreRefusedAtLoadTime() {
        List<ConfigProblem> problems =
                problems(GROUP + "disk=size=50 size=100\nnetwork=name=wan,\tip=auto\n");
        assertThat(problems)
                .extracting(ConfigProblem::key, ConfigProblem::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("disk", 13),
                        org.assertj.core.groups.Tuple.tuple("network", 14));
        assertThat(problems.get(0).message())
                .startsWith(
                        "invalid Kamatera server configuration array value (\"size=50 size=100\"):"
                                + " ,must not contain spaces");
    }

    @Test
    void diskSizesMustBeWholeGigabytesAndAtMostFourDisks() {
        assertThat(messages(GROUP + "disk=size=abc\n"))
                .singleElement()
                .asString()
                .startsWith("disk \"size=abc\" for node group ng1 is invalid");
        parseValid(GROUP + "disk=id=0,size=50\ndisk=id=1,size=100\n");
        assertThat(
                        messages(
                                GROUP
                                        + "disk=size=1\n"
                                        + "disk=size=2\n"
                                        + "disk=size=3\n"
                                        + "disk=size=4\n"
                                        + "disk=size=5\n"))
                .containsExactly("node group ng1 has 5 disks; Kamatera allows at most 4");
    }

    @Test
    void emptyDiskOrNetworkValuesAreAcceptedWithAWarning() {
        CloudConfig config = parseValid(GROUP + "disk=\n");
        assertThat(config.nodeGroups().get("ng1").disks()).containsExactly("");
        assertThat(config.warnings())
                .extracting(ConfigProblem::message)
                .containsExactly(
                        "an empty disk value for node group ng1: Kamatera then uses its default"
                                + " disk");
    }

    @Test
    void aBlankListEntryResetsTheListSoTheGlobalListApplies() {
        CloudConfig config = parseValid(GROUP + "disk=size=99\ndisk\n");
        assertThat(config.nodeGroups().get("ng1").disks()).containsExactly("size=10");
        assertThat(messages(CREDENTIALS + SERVER_DEFAULTS + "default-disk\n[nodegroup \"ng1\"]\n"))
                .containsExactly("no disks for node group ng1");
    }

    @Test
    void nameFilterAndNamePrefixMustAgree() {
        String filtered = VALID_GLOBAL + "filter-name-prefix=prod\n";
        CloudConfig ok =
                parseValid(
                        filtered
                                + "[nodegroup \"a\"]\n"
                                + "name-prefix=prod-a\n"
                                + "[nodegroup \"b\"]\n"
                                + "name-prefix=prod\n");
        assertThat(ok.filterNamePrefix()).isEqualTo("prod");
        assertThat(ok.nodeGroups().get("a").namePrefix()).isEqualTo("prod-a");
        parseValid(
                VALID_GLOBAL
                        + "filter-name-prefix=prod-\n"
                        + "default-name-prefix=prod\n"
                        + "[nodegroup \"a\"]\n");

        List<ConfigProblem> problems =
                problems(filtered + "[nodegroup \"a\"]\nname-prefix=dev-a\n[nodegroup \"b\"]\n");
        assertThat(problems)
                .extracting(ConfigProblem::section, ConfigProblem::key, ConfigProblem::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nodegroup \"a\"", "name-prefix", 14),
                        org.assertj.core.groups.Tuple.tuple("nodegroup \"b\"", "name-prefix", 15));
        assertThat(problems.get(0).message())
                .isEqualTo(
                        "servers of node group a would be named \"dev-a-<11 hex digits>\", which"
                                + " does not start with filter-name-prefix \"prod\": the autoscaler"
                                + " would create them and never see them; set name-prefix so that"
                                + " name-prefix + \"-\" starts with filter-name-prefix");
    }

    @Test
    void namePrefixCharacters() {
        for (String bad : new String[] {"a b", "a/b", "a(1)", "a*", "a|b", "a$"}) {
            assertThat(messages(GROUP + "name-prefix=\"" + bad + "\"\n"))
                    .singleElement()
                    .asString()
                    .startsWith(
                            "name-prefix "
                                    + org.k8sca.kamatera.config.golang.GoStrconv.quote(bad)
                                    + " for node group ng1 is invalid");
        }
        assertThat(parseValid(GROUP + "name-prefix=Web_1.x-y\n").warnings()).isEmpty();
        assertThat(parseValid(GROUP + "name-prefix=web@1\n").warnings())
                .extracting(ConfigProblem::key)
                .containsExactly("name-prefix");
    }

    @Test
    void anInheritedBadValueIsBlamedOnTheGlobalLine() {
        List<ConfigProblem> problems =
                problems(VALID_GLOBAL + "default-name-prefix=a b\n[nodegroup \"ng1\"]\n");
        assertThat(problems)
                .containsExactly(
                        new ConfigProblem(
                                "global", "default-name-prefix", 12, problems.get(0).message()));
    }

    @Test
    void nodeGroupStringsCannotClearGlobalDefaults() {
        CloudConfig config =
                parseValid(
                        VALID_GLOBAL
                                + "default-ssh-key=ssh-ed25519 AAAA\n"
                                + "[nodegroup \"ng1\"]\n"
                                + "ssh-key=\n");
        assertThat(config.nodeGroups().get("ng1").sshKey()).isEqualTo("ssh-ed25519 AAAA");
        assertThat(config.warnings())
                .containsExactly(
                        new ConfigProblem(
                                "nodegroup \"ng1\"",
                                "ssh-key",
                                14,
                                "an empty ssh-key does not clear default-ssh-key from [global]: a"
                                        + " node group cannot clear a global default, so the global"
                                        + " value is used (upstream behaviour)"));
    }

    @Test
    void gcfgBooleansAndTheirErrors() {
        assertThat(parseValid(VALID_GLOBAL + "poweroff-on-scale-down\n").powerOffOnScaleDown())
                .isTrue();
        for (String yes : new String[] {"true", "YES", "On", "1"}) {
            assertThat(
                            parseValid(VALID_GLOBAL + "poweron-on-scale-up=" + yes + "\n")
                                    .powerOnOnScaleUp())
                    .isTrue();
        }
        for (String no : new String[] {"false", "No", "OFF", "0"}) {
            assertThat(
                            parseValid(VALID_GLOBAL + "poweron-on-scale-up=" + no + "\n")
                                    .powerOnOnScaleUp())
                    .isFalse();
        }
        assertThat(messages(VALID_GLOBAL + "poweroff-on-scale-down=maybe\n"))
                .containsExactly(
                        "failed to parse bool `maybe` at section \"global\", variable"
                                + " \"poweroff-on-scale-down\"");
        assertThat(messages(VALID_GLOBAL + "Default-Managed=\n"))
                .containsExactly(
                        "failed to parse bool `` at section \"global\", variable"
                                + " \"Default-Managed\"");
        assertThat(messages(GROUP + "dailybackup=2\n"))
                .containsExactly(
                        "failed to parse bool `2` at section \"nodegroup\", subsection \"ng1\","
                                + " variable \"dailybackup\"");
    }

    @Test
    void blankStringValuesAreErrorsReportedOnce() {
        List<ConfigProblem> problems =
                problems(CREDENTIALS.replace("cluster-name=aaabbb", "cluster-name"));
        assertThat(problems)
                .containsExactly(
                        new ConfigProblem(
                                "global",
                                "cluster-name",
                                4,
                                "blank value not supported for type at section \"global\", variable"
                                        + " \"cluster-name\""));
    }

    @Test
    void namesAreCaseInsensitiveExceptNodeGroupNames() {
        CloudConfig config =
                parseValid(
                        """
                        [GLOBAL]
                        Kamatera-API-Client-ID=id
                        KAMATERA-API-SECRET=secret
                        Cluster-Name=c1
                        """
                                + SERVER_DEFAULTS
                                        .toUpperCase()
                                        .replace("ZGVMYXVSDAO=", "ZGVmYXVsdAo=")
                                        .replace("NAME=WAN,IP=AUTO", "name=wan,ip=auto")
                                        .replace("SIZE=10", "size=10")
                                + """
                                [NodeGroup "ng1"]
                                CPU=2B
                                [nodegroup "NG1"]
                                """);
        assertThat(config.nodeGroups()).containsOnlyKeys("ng1", "NG1");
        assertThat(config.nodeGroups().get("ng1").cpu()).isEqualTo("2B");
        assertThat(config.nodeGroups().get("NG1").cpu()).isEqualTo("1A");
    }

    @Test
    void repeatedSectionsMergeAndTheLastValueWins() {
        CloudConfig config =
                parseValid(
                        VALID_GLOBAL
                                + """
                                [nodegroup "ng1"]
                                cpu=2B
                                template-label=a=1
                                [global]
                                default-ram=2048
                                [nodegroup "ng1"]
                                cpu=4B
                                template-label=b=2
                                """);
        NodeGroupConfig group = config.nodeGroups().get("ng1");
        assertThat(group.cpu()).isEqualTo("4B");
        assertThat(group.ram()).isEqualTo("2048");
        assertThat(group.templateLabels()).containsOnlyKeys("a", "b");
    }

    @Test
    void nodeGroupWithoutNameAndGlobalWithSubsectionAreRefused() {
        assertThat(problems(VALID_GLOBAL + "[nodegroup]\ncpu=2B\n"))
                .containsExactly(
                        new ConfigProblem(
                                "nodegroup",
                                null,
                                12,
                                "node group name is empty: write [nodegroup \"NAME\"]"));
        assertThat(problems(VALID_GLOBAL + "[global \"x\"]\n"))
                .containsExactly(
                        new ConfigProblem(
                                "global \"x\"",
                                null,
                                12,
                                "can't store data at section \"global\", subsection \"x\""));
        assertThat(messages(VALID_GLOBAL + "[default-nodegroup]\n"))
                .containsExactly("can't store data at section \"default-nodegroup\"");
    }

    @Test
    void syntaxErrorsAreReportedAloneAndAllAtOnce() {
        List<ConfigProblem> problems =
                problems("[global]\ncluster-name=\"c1\nkamatera-api-secret=a\\b\n");
        assertThat(problems)
                .containsExactly(
                        new ConfigProblem(null, null, 2, "string not terminated"),
                        new ConfigProblem(
                                null,
                                null,
                                3,
                                "unquoted '\\' must be followed by new line or double quote"));
    }

    @Test
    void byteOrderMarkIsSkippedWithAWarning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cloud-config.ini");
        byte[] body = (VALID_GLOBAL + "[nodegroup \"ng1\"]\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(file, withBom);
        CloudConfig config = CloudConfigLoader.load(file, Map.of());
        assertThat(config.nodeGroups()).containsOnlyKeys("ng1");
        assertThat(config.warnings())
                .extracting(ConfigProblem::line, ConfigProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                1,
                                "the file starts with a UTF-8 byte-order mark; it is ignored here,"
                                        + " but the upstream autoscaler rejects the file (illegal"
                                        + " character U+FEFF)"));
    }

    @Test
    void invalidUtf8IsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cloud-config.ini");
        byte[] head = "[global]\ncluster-name=".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = '\n';
        Files.write(file, bytes);
        assertThatThrownBy(() -> CloudConfigLoader.load(file, Map.of()))
                .isInstanceOfSatisfying(
                        InvalidCloudConfigException.class,
                        e -> {
                            assertThat(e.problems())
                                    .containsExactly(
                                            new ConfigProblem(
                                                    null, null, 2, "illegal UTF-8 encoding"));
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "1 problem(s) in "
                                                    + file
                                                    + ", first: line 2: illegal UTF-8 encoding");
                        });
    }

    @Test
    void anUnreadableFileIsAnIoException(@TempDir Path dir) {
        assertThatThrownBy(() -> CloudConfigLoader.load(dir.resolve("missing.ini"), Map.of()))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void cpuAndRamFormats() {
        parseValid(GROUP + "cpu=4D\nram=8192\n");
        parseValid(GROUP + "cpu=72B\n");
        for (String cpu : new String[] {"55PX", "55P", "D", "0B", "2", "2.5B", "+2B"}) {
            assertThat(messages(GROUP + "cpu=" + cpu + "\n"))
                    .as(cpu)
                    .singleElement()
                    .asString()
                    .startsWith("cpu \"" + cpu + "\" for node group ng1 is invalid");
        }
        assertThat(parseValid(GROUP + "cpu=1a\n").warnings())
                .extracting(ConfigProblem::key)
                .containsExactly("cpu");
        for (String ram : new String[] {"1024mb", "0", "1.5", "-1", "4 096"}) {
            assertThat(messages(GROUP + "ram=" + ram + "\n"))
                    .as(ram)
                    .singleElement()
                    .asString()
                    .startsWith(
                            "ram "
                                    + org.k8sca.kamatera.config.golang.GoStrconv.quote(ram)
                                    + " for node group ng1 is invalid");
        }
    }

    @Test
    void apiUrl() {
        assertThat(parseValid(CREDENTIALS + "kamatera-api-url=http://127.0.0.1:8089\n").apiUrl())
                .isEqualTo("http://127.0.0.1:8089");
        assertThat(messages(CREDENTIALS + "kamatera-api-url=cloudcli.cloudwm.com\n"))
                .containsExactly(
                        "kamatera-api-url \"cloudcli.cloudwm.com\" is not an absolute http or https"
                                + " URL");
    }

    @Test
    void passwordDefaultsToGenerate() {
        assertThat(parseValid(GROUP).nodeGroups().get("ng1").password())
                .isEqualTo(NodeGroupConfig.GENERATE_PASSWORD);
    }

    @Test
    void secretsNeverAppearInToStringOrProblems() throws Exception {
        String text =
                VALID_GLOBAL + "default-password=Sup3rSecretPw\n[nodegroup \"ng1\"]\nram=bad\n";
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(
                        InvalidCloudConfigException.class,
                        e -> {
                            assertThat(e.getMessage())
                                    .doesNotContain(SECRET, CLIENT_ID, "Sup3rSecretPw");
                            assertThat(e.problems().toString())
                                    .doesNotContain(SECRET, CLIENT_ID, "Sup3rSecretPw");
                        });
        CloudConfig config = parse(text.replace("ram=bad", ""));
        assertThat(config.toString())
                .doesNotContain(SECRET, CLIENT_ID, "Sup3rSecretPw", "ZGVmYXVsdAo", "default\n");
        assertThat(config.nodeGroups().get("ng1").toString())
                .doesNotContain("Sup3rSecretPw", "default\n");
    }

    @Test
    void sizesBeyond32BitsAreClampedNotRefused() {
        NodeGroupConfig group =
                parseValid(
                                GROUP
                                        + "max-size=99999999999\n"
                                        + "poweroff-on-scale-down-max-servers=99999999999\n")
                        .nodeGroups()
                        .get("ng1");
        assertThat(group.maxSize()).isEqualTo(Integer.MAX_VALUE);
        assertThat(group.powerOffOnScaleDownMaxServers()).isEqualTo(Integer.MAX_VALUE);
        assertThat(messages(GROUP + "max-size=99999999999999999999\n"))
                .containsExactly(
                        "cannot get size values for node group ng1: could not parse max size for"
                                + " node group: strconv.Atoi: parsing \"99999999999999999999\": value"
                                + " out of range");
    }

    @Test
    void monthlyBillingIsAcceptedWithAWarningThatUpstreamBilledHourly() {
        CloudConfig config = parseValid(GROUP + "billingcycle=monthly\n");
        assertThat(config.nodeGroups().get("ng1").billingCycle()).isEqualTo("monthly");
        assertThat(config.warnings())
                .extracting(ConfigProblem::key, ConfigProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "billingcycle",
                                "billing cycle for node group ng1 is monthly: kamatera-autoscaler"
                                        + " creates monthly-billed servers, while the upstream"
                                        + " autoscaler's create request was billed hourly whatever this"
                                        + " key said"));
        assertThat(parseValid(GROUP + "billingcycle=hourly\n").warnings()).isEmpty();
    }
}
