package org.k8sca.kamatera.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Round trip: a random valid config model, written as INI with random spelling (key and section
 * case, spacing, full, partial or no quoting, escapes, line continuations, comments, CRLF), must
 * load back to exactly the model. The seed is printed in every failure message.
 */
class RoundTripPropertyTest {
    private static final int RUNS = 300;
    private static final String SAFE =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=,./:_@+-";
    private static final String SPECIAL = " #;\"\\\t!$%&*()[]{}";

    /** What a node group should resolve to. */
    private record GroupModel(
            String name,
            int min,
            int max,
            Map<String, String> strings,
            List<String> disks,
            List<String> networks,
            boolean dailyBackup,
            boolean powerOff,
            int maxServers,
            boolean powerOn,
            Map<String, String> labels,
            String script) {}

    @Test
    void randomConfigsSurviveRenderingAndParsing() throws Exception {
        long seed = Long.getLong("test.seed", 20261124L); // fixed for CI; -Dtest.seed=N explores
        Random random = new Random(seed);
        for (int run = 0; run < RUNS; run++) {
            Case c = new Case(random);
            String text = c.render();
            CloudConfig config;
            try {
                config = CloudConfigLoader.parse(text, "roundtrip.ini", Map.of());
            } catch (InvalidCloudConfigException e) {
                throw new AssertionError(
                        "seed " + seed + " run " + run + ": " + e.problems() + "\n" + text, e);
            }
            c.verify(config, "seed " + seed + " run " + run + "\n" + text);
        }
    }

    private static final class Case {
        final Random random;
        final boolean crlf;
        final String clusterName;
        final String secret;
        final boolean globalPowerOff;
        final int defaultMin;
        final int defaultMax;
        final Map<String, String> defaults = new LinkedHashMap<>();
        final List<String> defaultDisks;
        final List<String> defaultNetworks;
        final String defaultScript;
        final List<GroupModel> groups = new ArrayList<>();
        final StringBuilder out = new StringBuilder();

        Case(Random random) {
            this.random = random;
            crlf = random.nextInt(4) == 0;
            clusterName = word(1 + random.nextInt(15));
            secret = anyText(8 + random.nextInt(20));
            globalPowerOff = random.nextBoolean();
            defaultMin = random.nextInt(3);
            defaultMax = defaultMin + random.nextInt(20);
            defaults.put("datacenter", pick("IL", "EU", "US-NY2"));
            defaults.put(
                    "image",
                    pick("ubuntu_server_24.04_64-bit", "EU:6000C29a5a7220dcf84716e7bba74215"));
            defaults.put("cpu", cpu());
            defaults.put("ram", String.valueOf(1024 * (1 + random.nextInt(16))));
            defaults.put("password", random.nextBoolean() ? anyText(12) : "");
            defaults.put(
                    "ssh-key",
                    random.nextBoolean() ? "ssh-ed25519 AAAA" + word(20) + " user@host" : "");
            defaults.put("name-prefix", random.nextBoolean() ? word(1 + random.nextInt(8)) : "");
            defaults.put("billingcycle", pick("", "hourly", "monthly"));
            defaults.put("monthlypackage", pick("", "t5000", "b50"));
            defaultDisks = disks();
            defaultNetworks = networks();
            defaultScript = anyText(1 + random.nextInt(60));
            int groupCount = random.nextInt(4);
            for (int i = 0; i < groupCount; i++) {
                groups.add(group("g" + i + word(random.nextInt(6))));
            }
        }

        GroupModel group(String name) {
            int min = random.nextBoolean() ? defaultMin : random.nextInt(3);
            int max =
                    random.nextBoolean() && defaultMax >= min
                            ? defaultMax
                            : min + random.nextInt(10);
            Map<String, String> strings = new LinkedHashMap<>();
            for (Map.Entry<String, String> d : defaults.entrySet()) {
                strings.put(d.getKey(), d.getValue());
            }
            if (random.nextBoolean()) {
                strings.put("cpu", cpu());
            }
            if (random.nextBoolean()) {
                strings.put("password", anyText(10 + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                strings.put("name-prefix", word(1 + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                strings.put("billingcycle", pick("hourly", "monthly"));
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                labels.put(
                        "example.com/" + word(5),
                        word(random.nextInt(4)) + (random.nextBoolean() ? "=x" : ""));
            }
            return new GroupModel(
                    name,
                    min,
                    max,
                    strings,
                    random.nextBoolean() ? disks() : null,
                    random.nextBoolean() ? networks() : null,
                    random.nextBoolean(),
                    random.nextBoolean(),
                    random.nextInt(5),
                    random.nextBoolean(),
                    labels,
                    random.nextBoolean() ? anyText(1 + random.nextInt(30)) : null);
        }

        String render() {
            comment();
            header("global", null);
            entry("kamatera-api-client-id", "id-" + word(10));
            entry("kamatera-api-secret", secret);
            entry("cluster-name", clusterName);
            entry("poweroff-on-scale-down", gcfgBool(globalPowerOff));
            entry("default-min-size", intText(defaultMin));
            entry("default-max-size", intText(defaultMax));
            for (Map.Entry<String, String> d : defaults.entrySet()) {
                if (!d.getValue().isEmpty() || random.nextBoolean()) {
                    entry("default-" + d.getKey(), d.getValue());
                }
            }
            list("default-disk", defaultDisks);
            list("default-network", defaultNetworks);
            entry("default-script-base64", base64(defaultScript));
            for (GroupModel g : groups) {
                comment();
                header("nodegroup", g.name());
                if (g.min() != defaultMin || random.nextBoolean()) {
                    entry("min-size", intText(g.min()));
                }
                if (g.max() != defaultMax || random.nextBoolean()) {
                    entry("max-size", intText(g.max()));
                }
                for (Map.Entry<String, String> s : g.strings().entrySet()) {
                    if (!s.getValue().equals(defaults.get(s.getKey())) || random.nextInt(4) == 0) {
                        entry(s.getKey(), s.getValue());
                    }
                }
                if (g.disks() != null) {
                    list("disk", g.disks());
                }
                if (g.networks() != null) {
                    list("network", g.networks());
                }
                if (g.dailyBackup()) {
                    if (random.nextBoolean()) {
                        line(cased("dailybackup"));
                    } else {
                        entry("dailybackup", gcfgBool(true));
                    }
                }
                entry(
                        "poweroff-on-scale-down",
                        g.powerOff()
                                ? pick("true", "True", "TRUE", "t", "T", "1")
                                : pick("false", "False", "FALSE", "f", "F", "0"));
                if (g.powerOn() != globalPowerOn() || random.nextBoolean()) {
                    entry(
                            "poweron-on-scale-up",
                            g.powerOn() ? pick("true", "1") : pick("false", "0"));
                }
                if (g.maxServers() != 0 || random.nextBoolean()) {
                    entry("poweroff-on-scale-down-max-servers", intText(g.maxServers()));
                }
                for (Map.Entry<String, String> l : g.labels().entrySet()) {
                    entry("template-label", l.getKey() + "=" + l.getValue());
                }
                if (g.script() != null) {
                    entry("script-base64", base64(g.script()));
                }
            }
            String text = out.toString();
            return crlf ? text.replace("\n", "\r\n") : text;
        }

        boolean globalPowerOn() {
            return false;
        }

        void verify(CloudConfig config, String context) {
            assertThat(config.clusterName()).as(context).isEqualTo(clusterName);
            assertThat(config.apiSecret()).as(context).isEqualTo(secret);
            assertThat(config.powerOffOnScaleDown()).as(context).isEqualTo(globalPowerOff);
            assertThat(config.defaultMinSize()).as(context).isEqualTo(defaultMin);
            assertThat(config.defaultMaxSize()).as(context).isEqualTo(defaultMax);
            if (!groups.isEmpty()) {
                // The only warning a well-formed random file may give: monthly billing (see
                // compatibility.md).
                long monthly =
                        config.nodeGroups().values().stream()
                                .filter(g -> g.billingCycle().equals("monthly"))
                                .count();
                assertThat(config.warnings())
                        .as(context)
                        .hasSize((int) monthly)
                        .allSatisfy(w -> assertThat(w.key()).endsWith("billingcycle"));
            }
            assertThat(config.nodeGroups().keySet())
                    .as(context)
                    .containsExactlyElementsOf(groups.stream().map(GroupModel::name).toList());
            for (GroupModel g : groups) {
                NodeGroupConfig actual = config.nodeGroups().get(g.name());
                String billing = g.strings().get("billingcycle");
                String password = g.strings().get("password");
                assertThat(actual.minSize()).as(context).isEqualTo(g.min());
                assertThat(actual.maxSize()).as(context).isEqualTo(g.max());
                assertThat(actual.datacenter())
                        .as(context)
                        .isEqualTo(g.strings().get("datacenter"));
                assertThat(actual.image()).as(context).isEqualTo(g.strings().get("image"));
                assertThat(actual.cpu()).as(context).isEqualTo(g.strings().get("cpu"));
                assertThat(actual.ram()).as(context).isEqualTo(g.strings().get("ram"));
                assertThat(actual.sshKey()).as(context).isEqualTo(g.strings().get("ssh-key"));
                assertThat(actual.namePrefix())
                        .as(context)
                        .isEqualTo(g.strings().get("name-prefix"));
                assertThat(actual.monthlyPackage())
                        .as(context)
                        .isEqualTo(g.strings().get("monthlypackage"));
                assertThat(actual.password())
                        .as(context)
                        .isEqualTo(
                                password.isEmpty() ? NodeGroupConfig.GENERATE_PASSWORD : password);
                assertThat(actual.billingCycle())
                        .as(context)
                        .isEqualTo(billing.isEmpty() ? "hourly" : billing);
                assertThat(actual.disks())
                        .as(context)
                        .isEqualTo(g.disks() != null ? g.disks() : defaultDisks);
                assertThat(actual.networks())
                        .as(context)
                        .isEqualTo(g.networks() != null ? g.networks() : defaultNetworks);
                assertThat(actual.dailyBackup()).as(context).isEqualTo(g.dailyBackup());
                assertThat(actual.managed()).as(context).isFalse();
                assertThat(actual.powerOffOnScaleDown()).as(context).isEqualTo(g.powerOff());
                assertThat(actual.powerOnOnScaleUp()).as(context).isEqualTo(g.powerOn());
                assertThat(actual.powerOffOnScaleDownMaxServers())
                        .as(context)
                        .isEqualTo(g.maxServers());
                assertThat(actual.templateLabels()).as(context).isEqualTo(g.labels());
                assertThat(actual.script())
                        .as(context)
                        .isEqualTo(g.script() != null ? g.script() : defaultScript);
                assertThat(actual.tags())
                        .as(context)
                        .containsExactly("k8sca-" + clusterName, "k8scang-" + g.name());
            }
        }

        // ---- rendering helpers -------------------------------------------------------------

        void header(String section, String subsection) {
            String name = cased(section);
            String pad = random.nextBoolean() ? "" : " ";
            line(
                    "["
                            + pad
                            + name
                            + (subsection == null ? "" : " \"" + subsection + "\"")
                            + pad
                            + "]"
                            + (random.nextInt(4) == 0 ? " ; section" : ""));
        }

        void entry(String key, String value) {
            String assignment = cased(key) + pick("=", " = ", "\t=  ", " =") + renderValue(value);
            if (random.nextInt(5) == 0) {
                assignment += pick(" ; note", "  # note", "\t;x");
            }
            line(assignment);
        }

        void list(String key, List<String> values) {
            if (random.nextInt(4) == 0) {
                entry(key, "discarded");
                line(cased(key)); // a blank entry resets the list
            }
            for (String v : values) {
                entry(key, v);
            }
        }

        void comment() {
            if (random.nextBoolean()) {
                line(pick("; a comment", "# another", "   ; indented", ""));
            }
        }

        void line(String s) {
            out.append(s).append('\n');
        }

        /** One of several spellings that gcfg reads back as exactly {@code value}. */
        String renderValue(String value) {
            boolean safe =
                    !value.isEmpty()
                            && value.chars().allMatch(c -> SAFE.indexOf(c) >= 0 || c == ' ')
                            && value.charAt(0) != ' '
                            && value.charAt(value.length() - 1) != ' ';
            if (!safe) {
                return quoted(value);
            }
            switch (random.nextInt(4)) {
                case 0:
                    return quoted(value);
                case 1:
                    {
                        int cut = random.nextInt(value.length() + 1);
                        return value.substring(0, cut) + quoted(value.substring(cut));
                    }
                case 2:
                    {
                        int cut = 1 + random.nextInt(value.length());
                        if (value.charAt(cut - 1) == ' '
                                || cut < value.length() && value.charAt(cut) == ' ') {
                            return value;
                        }
                        return value.substring(0, cut) + "\\\n" + value.substring(cut);
                    }
                default:
                    return value;
            }
        }

        String quoted(String value) {
            StringBuilder q = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    case '\t' -> q.append(random.nextBoolean() ? "\\t" : "\t");
                    case '\n' -> q.append("\\n");
                    default -> q.append(c);
                }
            }
            return q.append('"').toString();
        }

        String cased(String name) {
            return switch (random.nextInt(3)) {
                case 0 -> name.toUpperCase(Locale.ROOT);
                case 1 -> name;
                default -> {
                    StringBuilder s = new StringBuilder();
                    for (char c : name.toCharArray()) {
                        s.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
                    }
                    yield s.toString();
                }
            };
        }

        String intText(int n) {
            return switch (random.nextInt(3)) {
                case 0 -> "+" + n;
                case 1 -> "00" + n;
                default -> String.valueOf(n);
            };
        }

        String gcfgBool(boolean b) {
            return cased(b ? pick("true", "yes", "on", "1") : pick("false", "no", "off", "0"));
        }

        String base64(String script) {
            String encoded =
                    Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
            // Go's decoder skips newlines, so a script may be wrapped (written with "\n" escapes).
            return random.nextBoolean() ? encoded : encoded.replaceAll("(.{8})", "$1\n");
        }

        String cpu() {
            return (1 + random.nextInt(32)) + pick("A", "B", "D", "T");
        }

        List<String> disks() {
            List<String> disks = new ArrayList<>();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                disks.add(
                        (random.nextBoolean() ? "id=" + (4 - i) + "," : "")
                                + "size="
                                + (10 + random.nextInt(500)));
            }
            return disks;
        }

        List<String> networks() {
            List<String> networks = new ArrayList<>();
            for (int i = 1 + random.nextInt(2); i > 0; i--) {
                networks.add(
                        random.nextBoolean()
                                ? "name=wan,ip=auto"
                                : "name=lan-" + word(4) + ",ip=10.0.0." + i);
            }
            return networks;
        }

        String word(int length) {
            String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < length; i++) {
                w.append(chars.charAt(random.nextInt(chars.length())));
            }
            return w.toString();
        }

        /**
         * Text with the characters that need quoting: spaces, comment signs, quotes, backslashes.
         */
        String anyText(int length) {
            String chars = SAFE + SPECIAL + "éß€";
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < length; i++) {
                w.append(chars.charAt(random.nextInt(chars.length())));
            }
            return w.toString();
        }

        String pick(String... options) {
            return options[random.nextInt(options.length)];
        }
    }
}
