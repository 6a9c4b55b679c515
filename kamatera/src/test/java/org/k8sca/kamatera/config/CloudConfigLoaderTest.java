package org.k8sca.kamatera.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.kamatera.config.ConfigTestSupport.*;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * kamatera-provider.md §7 items 1–16, with our start-up validation standing in for upstream's
 * refresh-time checks (items 13–16): every problem is reported at load time, in order.
 */
class CloudConfigLoaderTest {

    @Test
    void item1_credentialsAndClusterNameAreEnough() {
        CloudConfig config = parseValid(CREDENTIALS);
        assertThat(config.nodeGroups()).isEmpty();
        assertThat(config.apiUrl()).isEqualTo("https://cloudcli.cloudwm.com");
        assertThat(config.providerIdPrefix()).isEqualTo("kamatera://");
        assertThat(config.defaultMinSize()).isEqualTo(1);
        assertThat(config.defaultMaxSize()).isEqualTo(254);
        assertThat(config.apiClientId()).isEqualTo(CLIENT_ID);
        assertThat(config.apiSecret()).isEqualTo(SECRET);
        assertThat(config.clusterTag()).isEqualTo("k8sca-aaabbb");
        assertThat(config.filterNamePrefix()).isEmpty();
        assertThat(config.warnings())
                .extracting(ConfigProblem::message)
                .containsExactly(
                        "no [nodegroup \"NAME\"] section: the autoscaler has nothing to scale");
    }

    @Test
    void item2_missingRequiredValuesInUpstreamOrderAtTheHeaderLine() {
        List<ConfigProblem> problems = problems("\n[global]\ndefault-min-size=1\n");
        assertThat(problems)
                .extracting(ConfigProblem::key, ConfigProblem::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cluster-name", 2),
                        org.assertj.core.groups.Tuple.tuple("kamatera-api-client-id", 2),
                        org.assertj.core.groups.Tuple.tuple("kamatera-api-secret", 2));
        assertThat(problems.get(0).message()).isEqualTo("cluster name is not set");
        assertThat(problems.get(1).message()).startsWith("kamatera api client id is not set");
        assertThat(problems.get(2).message()).startsWith("kamatera api secret is not set");
        assertThat(problems).allSatisfy(p -> assertThat(p.section()).isEqualTo("global"));
    }

    @Test
    void item2_noGlobalSectionAtAll() {
        assertThat(problems("[nodegroup \"a\"]\n"))
                .extracting(ConfigProblem::line)
                .endsWith(0, 0, 0);
        assertThat(messages("")).first().isEqualTo("cluster name is not set");
    }

    @Test
    void item3_fifteenByteLimits() {
        assertThat(messages(CREDENTIALS.replace("aaabbb", "1234567890123456")))
                .containsExactly("cluster name must be at most 15 characters long");
        parseValid(CREDENTIALS.replace("aaabbb", "123456789012345"));
        // bytes, not characters: 8 x 'é' is 16 bytes
        assertThat(messages(CREDENTIALS.replace("aaabbb", "éééééééé")))
                .contains("cluster name must be at most 15 characters long");

        List<ConfigProblem> problems =
                problems(VALID_GLOBAL + "[nodegroup \"1234567890123456\"]\n");
        assertThat(problems)
                .extracting(ConfigProblem::message)
                .containsExactly("node group name must be at most 15 characters long");
        assertThat(problems.get(0).section()).isEqualTo("nodegroup \"1234567890123456\"");
        assertThat(problems.get(0).line()).isEqualTo(12);
    }

    @Test
    void item4_unknownSectionsAndKeys() {
        assertThat(messages("[gglobal]\ncluster-name=x\n"))
                .first()
                .isEqualTo("can't store data at section \"gglobal\"");
        assertThat(messages("[globalxxx]\n"))
                .first()
                .isEqualTo("can't store data at section \"globalxxx\"");
        List<ConfigProblem> problems = problems(CREDENTIALS + "default-script=abc\n");
        assertThat(problems)
                .containsExactly(
                        new ConfigProblem(
                                "global",
                                "default-script",
                                5,
                                "can't store data at section \"global\", variable"
                                        + " \"default-script\""));
        assertThat(messages(VALID_GLOBAL + "[NodeGroup \"ng1\"]\nColour=red\n"))
                .containsExactly(
                        "can't store data at section \"NodeGroup\", subsection \"ng1\", variable"
                                + " \"Colour\"");
    }

    @Test
    void item5_listsAppendInOrderAndNodeGroupListsReplace() {
        CloudConfig config =
                parseValid(
                        CREDENTIALS
                                + SERVER_DEFAULTS.replace("default-disk=size=10\n", "")
                                + "default-disk=size=10\ndefault-disk=size=20\n"
                                + "[nodegroup \"inherits\"]\n[nodegroup \"own\"]\ndisk=size=30\n");
        assertThat(config.nodeGroups().get("inherits").disks())
                .containsExactly("size=10", "size=20");
        assertThat(config.nodeGroups().get("own").disks()).containsExactly("size=30");
    }

    @Test
    void item6_templateLabels() {
        CloudConfig config =
                parseValid(
                        VALID_GLOBAL
                                + """
                                [nodegroup "ng1"]
                                template-label=key=value=with=equals
                                template-label=invalidlabel
                                template-label=b=2
                                [nodegroup "ng2"]
                                """);
        assertThat(config.nodeGroups().get("ng1").templateLabels())
                .containsExactly(Map.entry("key", "value=with=equals"), Map.entry("b", "2"));
        assertThat(config.nodeGroups().get("ng2").templateLabels()).isEmpty();
        assertThat(config.warnings())
                .containsExactly(
                        new ConfigProblem(
                                "nodegroup \"ng1\"",
                                "template-label",
                                14,
                                "template-label \"invalidlabel\" has no '=' and is ignored"));
    }

    @Test
    void item7_continuationQuotesAndComments() {
        String text =
                VALID_GLOBAL
                        + """
                        default-ssh-key=ssh-rsa AAAA111\\
                         BBBB222\\
                         CCCC333
                        [nodegroup "ng1"]
                        image="line1\\nline2"
                        monthlypackage=t5000 # a comment
                        """;
        for (String variant : List.of(text, text.replace("\n", "\r\n"))) {
            NodeGroupConfig group = parseValid(variant).nodeGroups().get("ng1");
            assertThat(group.sshKey()).isEqualTo("ssh-rsa AAAA111 BBBB222 CCCC333");
            assertThat(group.image()).isEqualTo("line1\nline2");
            assertThat(group.monthlyPackage()).isEqualTo("t5000");
        }
    }

    @Test
    void item8_powerFlagGrammars() {
        CloudConfig config =
                parseValid(
                        VALID_GLOBAL.replace("[global]\n", "[global]\npoweroff-on-scale-down=yes\n")
                                + """
                                [nodegroup "inherit"]
                                [nodegroup "off"]
                                poweroff-on-scale-down=false
                                [nodegroup "on"]
                                poweron-on-scale-up=True
                                """);
        assertThat(config.powerOffOnScaleDown()).isTrue();
        assertThat(config.nodeGroups().get("inherit").powerOffOnScaleDown()).isTrue();
        assertThat(config.nodeGroups().get("off").powerOffOnScaleDown()).isFalse();
        assertThat(config.nodeGroups().get("on").powerOnOnScaleUp()).isTrue();
        assertThat(config.nodeGroups().get("inherit").powerOnOnScaleUp()).isFalse();

        List<ConfigProblem> problems =
                problems(VALID_GLOBAL + "[nodegroup \"ng1\"]\npoweroff-on-scale-down=yes\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message())
                .startsWith(
                        "cannot get poweroff-on-scale-down value for node group ng1: could not"
                                + " parse boolean value \"yes\": strconv.ParseBool: parsing \"yes\":"
                                + " invalid syntax");
        assertThat(problems.get(0).key()).isEqualTo("poweroff-on-scale-down");
        assertThat(problems.get(0).line()).isEqualTo(13);
        assertThat(messages(VALID_GLOBAL + "[nodegroup \"ng1\"]\npoweron-on-scale-up=on\n"))
                .first()
                .asString()
                .startsWith(
                        "cannot get poweron-on-scale-up value for node group ng1: could not parse"
                                + " boolean value");
    }

    @Test
    void item9_dailybackupCanOnlyBeTurnedOn() {
        CloudConfig config =
                parseValid(
                        VALID_GLOBAL
                                + "default-dailybackup=true\n"
                                + """
                                [nodegroup "ng1"]
                                dailybackup=false
                                managed
                                [nodegroup "ng2"]
                                """);
        assertThat(config.nodeGroups().get("ng1").dailyBackup()).isTrue();
        assertThat(config.nodeGroups().get("ng1").managed()).isTrue();
        assertThat(config.nodeGroups().get("ng2").managed()).isFalse();
        assertThat(config.warnings())
                .extracting(ConfigProblem::key, ConfigProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dailybackup", 14));
    }

    @Test
    void item10_maxPoweredOffServers() {
        assertThat(
                        parseValid(VALID_GLOBAL + "[nodegroup \"ng1\"]\n")
                                .nodeGroups()
                                .get("ng1")
                                .powerOffOnScaleDownMaxServers())
                .isZero();
        assertThat(
                        parseValid(
                                        VALID_GLOBAL
                                                + "[nodegroup \"ng1\"]\n"
                                                + "poweroff-on-scale-down-max-servers=3\n")
                                .nodeGroups()
                                .get("ng1")
                                .powerOffOnScaleDownMaxServers())
                .isEqualTo(3);
        assertThat(
                        messages(
                                VALID_GLOBAL
                                        + "[nodegroup \"ng1\"]\n"
                                        + "poweroff-on-scale-down-max-servers=-1\n"))
                .containsExactly(
                        "cannot get poweroff-on-scale-down-max-servers value for node group ng1:"
                                + " value must be >= 0");
        assertThat(
                        messages(
                                VALID_GLOBAL
                                        + "[nodegroup \"ng1\"]\n"
                                        + "poweroff-on-scale-down-max-servers=two\n"))
                .containsExactly(
                        "cannot get poweroff-on-scale-down-max-servers value for node group ng1:"
                                + " could not parse integer value \"two\": strconv.Atoi: parsing"
                                + " \"two\": invalid syntax");
    }

    @Test
    void item11_sizes() {
        String g = VALID_GLOBAL + "default-min-size=1\ndefault-max-size=10\n[nodegroup \"ng1\"]\n";
        assertThat(messages(g + "min-size=1.0\n"))
                .containsExactly(
                        "cannot get size values for node group ng1: could not parse min size for"
                                + " node group: strconv.Atoi: parsing \"1.0\": invalid syntax");
        assertThat(messages(g + "max-size=4a\n"))
                .containsExactly(
                        "cannot get size values for node group ng1: could not parse max size for"
                                + " node group: strconv.Atoi: parsing \"4a\": invalid syntax");
        assertThat(messages(g + "min-size=-1\n"))
                .containsExactly(
                        "cannot get size values for node group ng1: min size for node group cannot"
                                + " be < 0");
        assertThat(messages(g + "min-size=11\n"))
                .containsExactly(
                        "cannot get size values for node group ng1: min size for a node group must"
                                + " be less than its max size (got min: 11, max: 10)");
        assertThat(messages(g + "max-size=0\n"))
                .containsExactly(
                        "cannot get size values for node group ng1: min size for a node group must"
                                + " be less than its max size (got min: 1, max: 0)");
        NodeGroupConfig equal = parseValid(g + "min-size=5\nmax-size=5\n").nodeGroups().get("ng1");
        assertThat(equal.minSize()).isEqualTo(5);
        assertThat(equal.maxSize()).isEqualTo(5);
        NodeGroupConfig zero = parseValid(g + "min-size=0\n").nodeGroups().get("ng1");
        assertThat(zero.minSize()).isZero();
        assertThat(zero.maxSize()).isEqualTo(10);
        NodeGroupConfig inherited = parseValid(g).nodeGroups().get("ng1");
        assertThat(inherited.minSize()).isEqualTo(1);
        assertThat(inherited.maxSize()).isEqualTo(10);

        assertThat(messages(VALID_GLOBAL + "default-min-size=x\n"))
                .containsExactly(
                        "cannot get default size values in global section: could not parse min size"
                                + " for node group: strconv.Atoi: parsing \"x\": invalid syntax");
        // fallback interplay: min-size=4 with fallbacks (2,3); max-size=4 with fallbacks (5,10)
        assertThat(
                        messages(
                                VALID_GLOBAL
                                        + "default-min-size=2\n"
                                        + "default-max-size=3\n"
                                        + "[nodegroup \"a\"]\n"
                                        + "min-size=4\n"))
                .containsExactly(
                        "cannot get size values for node group a: min size for a node group must be"
                                + " less than its max size (got min: 4, max: 3)");
        assertThat(
                        messages(
                                VALID_GLOBAL
                                        + "default-min-size=5\n"
                                        + "default-max-size=10\n"
                                        + "[nodegroup \"a\"]\n"
                                        + "max-size=4\n"))
                .containsExactly(
                        "cannot get size values for node group a: min size for a node group must be"
                                + " less than its max size (got min: 5, max: 4)");
    }

    @Test
    void item11_anInvalidGlobalSizeIsReportedOnceNotAgainPerGroup() {
        assertThat(
                        messages(
                                VALID_GLOBAL
                                        + "default-max-size=big\n"
                                        + "[nodegroup \"a\"]\n"
                                        + "[nodegroup \"b\"]\n"
                                        + "min-size=3\n"))
                .containsExactly(
                        "cannot get default size values in global section: could not parse max size"
                                + " for node group: strconv.Atoi: parsing \"big\": invalid syntax");
    }

    @Test
    void item12_providerIdPrefix() {
        assertThat(parseValid(CREDENTIALS + "provider-id-prefix=\n").providerIdPrefix())
                .isEqualTo("kamatera://");
        assertThat(parseValid(CREDENTIALS + "provider-id-prefix=kamatera:///\n").providerIdPrefix())
                .isEqualTo("kamatera:///");
    }

    @Test
    void item13_everyMissingServerSettingIsReportedInUpstreamOrder() {
        String base = CREDENTIALS + "[nodegroup \"ng1\"]\n";
        List<String> all =
                List.of(
                        "script for node group ng1 is empty",
                        "datacenter for node group ng1 is empty",
                        "image for node group ng1 is empty",
                        "cpu for node group ng1 is empty",
                        "ram for node group ng1 is empty",
                        "no disks for node group ng1",
                        "no networks for node group ng1");
        List<ConfigProblem> problems = problems(base);
        assertThat(problems).extracting(ConfigProblem::message).containsExactlyElementsOf(all);
        assertThat(problems)
                .allSatisfy(
                        p -> {
                            assertThat(p.line()).isEqualTo(5);
                            assertThat(p.section()).isEqualTo("nodegroup \"ng1\"");
                        });
        assertThat(problems)
                .extracting(ConfigProblem::key)
                .containsExactly(
                        "script-base64", "datacenter", "image", "cpu", "ram", "disk", "network");

        // Adding the settings one by one removes the problems one by one, in upstream's order.
        String[] settings = {
            "script-base64=invalid",
            "script-base64=ZGVmYXVsdAo=",
            "datacenter=IL",
            "image=ubuntu",
            "cpu=1A",
            "ram=1024",
            "disk=size=10",
            "network=name=wan,ip=auto"
        };
        String text = base;
        for (int i = 0; i < settings.length; i++) {
            text += settings[i] + "\n";
            if (i == settings.length - 1) {
                parseValid(text);
            } else if (i == 0) {
                List<ConfigProblem> withBadScript = problems(text);
                assertThat(withBadScript)
                        .extracting(ConfigProblem::message)
                        .containsExactlyElementsOf(
                                java.util.stream.Stream.concat(
                                                all.subList(1, all.size()).stream(),
                                                java.util.stream.Stream.of(
                                                        "failed to decode script for node group"
                                                                + " ng1: illegal base64 data at input"
                                                                + " byte 4"))
                                        .toList());
                assertThat(withBadScript.get(all.size() - 1).line()).isEqualTo(6);
            } else {
                assertThat(messages(text)).containsExactlyElementsOf(all.subList(i, all.size()));
            }
        }
    }

    @Test
    void item13_aScriptThatDecodesToNothingIsEmpty() {
        assertThat(
                        messages(
                                CREDENTIALS
                                        + SERVER_DEFAULTS.replace("ZGVmYXVsdAo=", "\"\\n\"")
                                        + "[nodegroup \"a\"]\n"))
                .containsExactly("script for node group a is empty");
    }

    @Test
    void item14_billingCycle() {
        assertThat(
                        parseValid(VALID_GLOBAL + "[nodegroup \"a\"]\n")
                                .nodeGroups()
                                .get("a")
                                .billingCycle())
                .isEqualTo("hourly");
        assertThat(
                        parseValid(VALID_GLOBAL + "[nodegroup \"a\"]\nbillingcycle=monthly\n")
                                .nodeGroups()
                                .get("a")
                                .billingCycle())
                .isEqualTo("monthly");
        List<ConfigProblem> problems =
                problems(VALID_GLOBAL + "[nodegroup \"a\"]\nbillingcycle=weekly\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message())
                .startsWith("billing cycle for node group a is invalid");
        assertThat(problems.get(0).line()).isEqualTo(13);
        assertThat(messages(VALID_GLOBAL + "[nodegroup \"a\"]\nbillingcycle=Hourly\n")).hasSize(1);
    }

    @Test
    void item15_tagCharacters() {
        assertThat(messages(VALID_GLOBAL.replace("aaabbb", "a/b") + "[nodegroup \"a\"]\n"))
                .containsExactly(
                        "tag k8sca-a/b is invalid, must contain only English letters, numbers,"
                                + " dash, underscore, space, dot");
        assertThat(messages(VALID_GLOBAL + "[nodegroup \"a:b\"]\n"))
                .containsExactly(
                        "tag k8scang-a:b is invalid, must contain only English letters, numbers,"
                                + " dash, underscore, space, dot");
        parseValid(VALID_GLOBAL.replace("aaabbb", "A.b_c-1") + "[nodegroup \"x_Y.2-z\"]\n");
    }

    @Test
    void item16_anInvalidFileYieldsNoConfigAtAll() {
        // Upstream keeps the previous node groups when a refresh fails; we never start with a
        // partly valid file: the loader returns a config only when nothing is wrong.
        assertInvalid(VALID_GLOBAL + "[nodegroup \"good\"]\n[nodegroup \"bad\"]\ncpu=\n ram=x\n");
    }

    @Test
    void problemsOfSeveralSectionsComeTogetherInFileOrderWithLines() {
        String text =
                """
                [global]
                kamatera-api-client-id=id
                kamatera-api-secret=secret
                cluster-name=c1
                default-min-size=-1
                default-datacenter=IL
                default-image=ubuntu
                default-ram=1024mb
                default-disk=size=10
                default-network=name=wan
                default-script-base64=ZGVmYXVsdAo=

                [nodegroup "ng1"]
                cpu=2B
                max-size=x

                [nodegroup "ng2"]
                cpu=55PX
                billingcycle=yearly
                """;
        List<ConfigProblem> problems = problems(text);
        assertThat(problems)
                .extracting(ConfigProblem::line, ConfigProblem::section, ConfigProblem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5, "global", "default-min-size"),
                        org.assertj.core.groups.Tuple.tuple(8, "global", "default-ram"),
                        org.assertj.core.groups.Tuple.tuple(8, "global", "default-ram"),
                        org.assertj.core.groups.Tuple.tuple(15, "nodegroup \"ng1\"", "max-size"),
                        org.assertj.core.groups.Tuple.tuple(18, "nodegroup \"ng2\"", "cpu"),
                        org.assertj.core.groups.Tuple.tuple(
                                19, "nodegroup \"ng2\"", "billingcycle"));
        assertThat(problems.get(1).message())
                .startsWith("ram \"1024mb\" for node group ng1 is invalid");
        assertThat(problems.get(2).message())
                .startsWith("ram \"1024mb\" for node group ng2 is invalid");
        assertThat(problems.get(4).message())
                .startsWith("cpu \"55PX\" for node group ng2 is invalid");
    }

    @Test
    void environmentOverridesCredentials() {
        Map<String, String> env =
                Map.of(
                        CloudConfigLoader.ENV_CLIENT_ID,
                        "env-id",
                        CloudConfigLoader.ENV_SECRET,
                        "env-secret");
        CloudConfig fromEnv = parseValid("[global]\ncluster-name=c\n", env);
        assertThat(fromEnv.apiClientId()).isEqualTo("env-id");
        assertThat(fromEnv.apiSecret()).isEqualTo("env-secret");
        CloudConfig overridden = parseValid(CREDENTIALS, env);
        assertThat(overridden.apiClientId()).isEqualTo("env-id");
        assertThat(overridden.apiSecret()).isEqualTo("env-secret");
        CloudConfig emptyEnv =
                parseValid(
                        CREDENTIALS,
                        Map.of(
                                CloudConfigLoader.ENV_CLIENT_ID,
                                "",
                                CloudConfigLoader.ENV_SECRET,
                                ""));
        assertThat(emptyEnv.apiClientId()).isEqualTo(CLIENT_ID);
        assertThat(emptyEnv.apiSecret()).isEqualTo(SECRET);
        assertThat(
                        problems(
                                "[global]\ncluster-name=c\n",
                                Map.of(CloudConfigLoader.ENV_SECRET, "s")))
                .extracting(ConfigProblem::key)
                .containsExactly("kamatera-api-client-id");
    }

    @Test
    void fullConfigEveryServerKeyInheritedOrOverridden() {
        CloudConfig config =
                parseValid(
                        """
                        [global]
                        kamatera-api-client-id=id
                        kamatera-api-secret=secret
                        cluster-name=aaabbb
                        default-min-size=1
                        default-max-size=10
                        default-name-prefix=dflt
                        default-password=Dflt12345678
                        default-ssh-key=ssh-rsa DEFAULT
                        default-datacenter=IL
                        default-image=ubuntu
                        default-cpu=1A
                        default-ram=1024
                        default-disk=size=10
                        default-network=name=wan,ip=auto
                        default-billingcycle=hourly
                        default-monthlypackage=
                        default-script-base64=ZGVmYXVsdAo=

                        [nodegroup "default"]

                        [nodegroup "highcpu"]
                        min-size=3
                        name-prefix=hc
                        password=Hc1234567890
                        ssh-key=ssh-rsa HIGHCPU
                        datacenter=EU
                        image=debian
                        cpu=2D
                        ram=2048
                        disk=size=50
                        dailybackup=true
                        managed=true
                        network=name=wan,ip=auto
                        network=name=lan-1,ip=10.0.0.5
                        billingcycle=monthly
                        monthlypackage=t5000
                        script-base64=aGlnaGNwdQo=

                        [nodegroup "highram"]
                        max-size=2
                        """);
        NodeGroupConfig d = config.nodeGroups().get("default");
        assertThat(List.of(d.minSize(), d.maxSize())).containsExactly(1, 10);
        assertThat(
                        List.of(
                                d.namePrefix(),
                                d.password(),
                                d.sshKey(),
                                d.datacenter(),
                                d.image(),
                                d.cpu(),
                                d.ram(),
                                d.billingCycle(),
                                d.monthlyPackage(),
                                d.script()))
                .containsExactly(
                        "dflt",
                        "Dflt12345678",
                        "ssh-rsa DEFAULT",
                        "IL",
                        "ubuntu",
                        "1A",
                        "1024",
                        "hourly",
                        "",
                        "default\n");
        assertThat(d.disks()).containsExactly("size=10");
        assertThat(d.networks()).containsExactly("name=wan,ip=auto");
        assertThat(d.dailyBackup()).isFalse();
        assertThat(d.managed()).isFalse();
        NodeGroupConfig h = config.nodeGroups().get("highcpu");
        assertThat(List.of(h.minSize(), h.maxSize())).containsExactly(3, 10);
        assertThat(
                        List.of(
                                h.namePrefix(),
                                h.password(),
                                h.sshKey(),
                                h.datacenter(),
                                h.image(),
                                h.cpu(),
                                h.ram(),
                                h.billingCycle(),
                                h.monthlyPackage(),
                                h.script()))
                .containsExactly(
                        "hc",
                        "Hc1234567890",
                        "ssh-rsa HIGHCPU",
                        "EU",
                        "debian",
                        "2D",
                        "2048",
                        "monthly",
                        "t5000",
                        "highcpu\n");
        assertThat(h.disks()).containsExactly("size=50");
        assertThat(h.networks()).containsExactly("name=wan,ip=auto", "name=lan-1,ip=10.0.0.5");
        assertThat(h.dailyBackup()).isTrue();
        assertThat(h.managed()).isTrue();
        assertThat(h.tags()).containsExactly("k8sca-aaabbb", "k8scang-highcpu");
        NodeGroupConfig r = config.nodeGroups().get("highram");
        assertThat(List.of(r.minSize(), r.maxSize())).containsExactly(1, 2);
        assertThat(config.nodeGroups().keySet()).containsExactly("default", "highcpu", "highram");
    }
}
