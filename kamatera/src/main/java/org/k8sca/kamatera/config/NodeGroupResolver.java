package org.k8sca.kamatera.config;

import static org.k8sca.kamatera.config.ConfigKeys.*;

import org.k8sca.kamatera.config.golang.GoBase64;
import org.k8sca.kamatera.config.golang.GoParseException;
import org.k8sca.kamatera.config.golang.GoStrconv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves and checks one {@code [nodegroup "NAME"]}: upstream's start-up checks (name length,
 * sizes, power options), then the checks upstream only makes at every refresh (script, datacenter,
 * image, cpu, ram, disks, networks, billing cycle, tag), then ours (cpu and ram format, disk and
 * network values, server names). A problem about an inherited value points at the {@code [global]}
 * line the value came from; a missing value points at the node group's header.
 */
final class NodeGroupResolver {
    private static final Pattern CPU_FORMAT = Pattern.compile("([0-9]{1,6})([A-Za-z])");
    private static final Pattern RAM_FORMAT = Pattern.compile("[0-9]{1,9}");
    private static final String CPU_TYPES = "ABDT";

    /**
     * Characters that break a server name: whitespace, or regex syntax in Kamatera's name matching.
     */
    private static final String NAME_BREAKING = "\\^$|?*+()[]{}/";

    private static final int MAX_DISKS_OR_NETWORKS = 4;
    private static final String BOOL_HINT =
            " (in a [nodegroup] section this key takes 1, t, T, TRUE, true, True,"
                    + " 0, f, F, FALSE, false or False; yes/no/on/off work only in [global])";

    /** A resolved value and where it came from. */
    private record Origin(String value, String section, String key, int line) {}

    /** A resolved list and where it came from. */
    private record ListOrigin(List<Located<String>> items, String section, String key) {}

    private final String name;
    private final RawSection group;
    private final RawSection global;
    private final String clusterName;
    private final SizeRange.Result defaults;
    private final Findings findings;
    private final String section;

    NodeGroupResolver(
            String name,
            RawSection group,
            RawSection global,
            String clusterName,
            SizeRange.Result defaults,
            Findings findings) {
        this.name = name;
        this.group = group;
        this.global = global;
        this.clusterName = clusterName;
        this.defaults = defaults;
        this.findings = findings;
        this.section = group.displayName;
    }

    NodeGroupConfig resolve() {
        // Upstream's start-up checks, in upstream's order.
        if (ServerTags.byteLength(name) > ServerTags.MAX_NAME_BYTES) {
            findings.error(
                    section,
                    null,
                    group.headerLine,
                    "node group name must be at most 15 characters long");
        }
        SizeRange.Result sizes =
                SizeRange.check(
                        group,
                        MIN_SIZE,
                        MAX_SIZE,
                        defaults.min(),
                        defaults.max(),
                        defaults.valid(),
                        "cannot get size values for node group " + name + ": ",
                        findings);
        boolean powerOff = powerFlag(POWEROFF_ON_SCALE_DOWN);
        int powerOffMaxServers = powerOffMaxServers();
        boolean powerOn = powerFlag(POWERON_ON_SCALE_UP);

        // Upstream's refresh-time checks, in upstream's order.
        String script = script();
        Origin datacenter = required(DATACENTER, "datacenter for node group " + name + " is empty");
        Origin image = required(IMAGE, "image for node group " + name + " is empty");
        Origin cpu = required(CPU, "cpu for node group " + name + " is empty");
        checkCpu(cpu);
        Origin ram = required(RAM, "ram for node group " + name + " is empty");
        checkRam(ram);
        List<String> disks = serverSpecs(DISK, "no disks for node group " + name);
        List<String> networks = serverSpecs(NETWORK, "no networks for node group " + name);
        String billingCycle = billingCycle();
        if (ServerTags.byteLength(name) <= ServerTags.MAX_NAME_BYTES) {
            ServerTags.check(
                    ServerTags.NODE_GROUP_TAG_PREFIX + name,
                    "the node group name",
                    section,
                    null,
                    group.headerLine,
                    findings);
        }

        // Ours: things upstream lets through that would fail or leak servers later.
        Origin namePrefix = inherit(NAME_PREFIX);
        checkNamePrefix(namePrefix);
        Origin password = inherit(PASSWORD);
        Origin sshKey = inherit(SSH_KEY);
        checkSshKey(sshKey);
        Origin monthlyPackage = inherit(MONTHLYPACKAGE);

        return new NodeGroupConfig(
                name,
                CloudConfigResolver.clampToInt(sizes.min()),
                CloudConfigResolver.clampToInt(sizes.max()),
                namePrefix.value(),
                password.value().isEmpty() ? NodeGroupConfig.GENERATE_PASSWORD : password.value(),
                sshKey.value(),
                datacenter.value(),
                image.value(),
                cpu.value(),
                ram.value(),
                disks,
                networks,
                onlyTurnsOn(DAILYBACKUP),
                onlyTurnsOn(MANAGED),
                billingCycle,
                monthlyPackage.value(),
                script,
                powerOff,
                powerOffMaxServers,
                powerOn,
                templateLabels(),
                List.of(
                        ServerTags.CLUSTER_TAG_PREFIX + clusterName,
                        ServerTags.NODE_GROUP_TAG_PREFIX + name),
                templateConfig());
    }

    /**
     * Our keys: kubelet reservations, template taints and price, each inheriting a {@code default-}
     * key.
     */
    private NodeTemplateConfig templateConfig() {
        Map<String, String> kubeReserved = parsed(KUBE_RESERVED, "", TemplateSyntax::reserved);
        Map<String, String> systemReserved = parsed(SYSTEM_RESERVED, "", TemplateSyntax::reserved);
        Map<String, String> evictionHard =
                parsed(
                        EVICTION_HARD,
                        NodeTemplateConfig.DEFAULT_EVICTION_HARD,
                        TemplateSyntax::evictionHard);
        List<org.k8sca.core.model.Taint> taints = new ArrayList<>();
        ListOrigin taintItems = inheritList(TEMPLATE_TAINT);
        for (Located<String> item : taintItems.items()) {
            try {
                taints.add(TemplateSyntax.taint(item.value()));
            } catch (IllegalArgumentException e) {
                findings.error(
                        taintItems.section(),
                        taintItems.key(),
                        item.line(),
                        "template-taint "
                                + GoStrconv.quote(item.value())
                                + " for node group "
                                + name
                                + " is invalid: "
                                + e.getMessage());
            }
        }
        java.util.OptionalDouble price = java.util.OptionalDouble.empty();
        Origin priceText = inherit(PRICE_PER_HOUR);
        if (!priceText.value().isEmpty()) {
            try {
                price = java.util.OptionalDouble.of(TemplateSyntax.price(priceText.value()));
            } catch (IllegalArgumentException e) {
                findings.error(
                        priceText.section(),
                        priceText.key(),
                        priceText.line(),
                        "price-per-hour for node group " + name + " is invalid: " + e.getMessage());
            }
        }
        return new NodeTemplateConfig(kubeReserved, systemReserved, evictionHard, taints, price);
    }

    private Map<String, String> parsed(
            String key,
            String fallback,
            java.util.function.Function<String, Map<String, String>> parser) {
        Origin origin = inherit(key);
        String text = origin.value().isEmpty() ? fallback : origin.value();
        if (text.isEmpty()) {
            return Map.of();
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            findings.error(
                    origin.section(),
                    origin.key(),
                    origin.line(),
                    key + " for node group " + name + " is invalid: " + e.getMessage());
            return Map.of();
        }
    }

    /**
     * Node-group power keys are strings parsed with Go's strconv.ParseBool (a narrower grammar than
     * gcfg's); empty inherits the global value.
     */
    private boolean powerFlag(String key) {
        boolean inherited = global.boolValue(key);
        String text = group.stringValue(key);
        if (text.isEmpty()) {
            return inherited;
        }
        try {
            return GoStrconv.parseBool(text);
        } catch (GoParseException e) {
            findings.error(
                    section,
                    key,
                    group.lineOfValue(key),
                    "cannot get "
                            + key
                            + " value for node group "
                            + name
                            + ": could not parse boolean value "
                            + GoStrconv.quote(text)
                            + ": "
                            + e.getMessage()
                            + BOOL_HINT);
            return inherited;
        }
    }

    private int powerOffMaxServers() {
        String text = group.stringValue(POWEROFF_MAX_SERVERS);
        if (text.isEmpty()) {
            return 0;
        }
        String prefix =
                "cannot get " + POWEROFF_MAX_SERVERS + " value for node group " + name + ": ";
        int line = group.lineOfValue(POWEROFF_MAX_SERVERS);
        try {
            long value = GoStrconv.atoi(text);
            if (value < 0) {
                findings.error(section, POWEROFF_MAX_SERVERS, line, prefix + "value must be >= 0");
                return 0;
            }
            return CloudConfigResolver.clampToInt(value);
        } catch (GoParseException e) {
            findings.error(
                    section,
                    POWEROFF_MAX_SERVERS,
                    line,
                    prefix
                            + "could not parse integer value "
                            + GoStrconv.quote(text)
                            + ": "
                            + e.getMessage());
            return 0;
        }
    }

    /**
     * The decoded init script; upstream requires valid standard base64 that decodes to something.
     */
    private String script() {
        Origin base64 = inherit(SCRIPT_BASE64);
        String empty = "script for node group " + name + " is empty";
        if (base64.value().isEmpty()) {
            findings.error(section, SCRIPT_BASE64, group.headerLine, empty);
            return "";
        }
        try {
            byte[] decoded = GoBase64.decodeStd(base64.value());
            if (decoded.length == 0) {
                findings.error(base64.section(), base64.key(), base64.line(), empty);
            }
            return new String(decoded, StandardCharsets.UTF_8);
        } catch (GoParseException e) {
            findings.error(
                    base64.section(),
                    base64.key(),
                    base64.line(),
                    "failed to decode script for node group " + name + ": " + e.getMessage());
            return "";
        }
    }

    private Origin required(String key, String messageWhenEmpty) {
        Origin origin = inherit(key);
        if (origin.value().isEmpty()) {
            findings.error(section, key, group.headerLine, messageWhenEmpty);
        }
        return origin;
    }

    /** cpu is {@code <cores><type>}; the template node and the create call both need it. */
    private void checkCpu(Origin cpu) {
        if (cpu.value().isEmpty()) {
            return;
        }
        Matcher m = CPU_FORMAT.matcher(cpu.value());
        boolean wellFormed = m.matches() && Integer.parseInt(m.group(1)) > 0;
        char type = wellFormed ? m.group(2).charAt(0) : ' ';
        if (!wellFormed || CPU_TYPES.indexOf(Character.toUpperCase(type)) < 0) {
            findings.error(
                    cpu.section(),
                    cpu.key(),
                    cpu.line(),
                    "cpu "
                            + GoStrconv.quote(cpu.value())
                            + " for node group "
                            + name
                            + " is invalid: expected <cores><type> such as 2B,"
                            + " with type A, B, D or T");
        } else if (Character.isLowerCase(type)) {
            findings.warning(
                    cpu.section(),
                    cpu.key(),
                    cpu.line(),
                    "cpu "
                            + GoStrconv.quote(cpu.value())
                            + " for node group "
                            + name
                            + " has a lower-case CPU type; Kamatera documents A, B, D and T");
        }
    }

    /** ram is whole megabytes; {@code 1024mb} breaks the template node upstream. */
    private void checkRam(Origin ram) {
        if (ram.value().isEmpty()) {
            return;
        }
        if (!RAM_FORMAT.matcher(ram.value()).matches() || Long.parseLong(ram.value()) == 0) {
            findings.error(
                    ram.section(),
                    ram.key(),
                    ram.line(),
                    "ram "
                            + GoStrconv.quote(ram.value())
                            + " for node group "
                            + name
                            + " is invalid: expected a whole number of megabytes such as 4096");
        }
    }

    /**
     * Disks or networks: at least one (upstream), at most four, and no whitespace inside a value
     * (upstream sends them space-joined and refuses such values only when creating a server).
     */
    private List<String> serverSpecs(String key, String messageWhenNone) {
        ListOrigin specs = inheritList(key);
        if (specs.items().isEmpty()) {
            findings.error(section, key, group.headerLine, messageWhenNone);
            return List.of();
        }
        String what = key.equals(DISK) ? "disk" : "network";
        if (specs.items().size() > MAX_DISKS_OR_NETWORKS) {
            findings.error(
                    specs.section(),
                    specs.key(),
                    specs.items().get(MAX_DISKS_OR_NETWORKS).line(),
                    "node group "
                            + name
                            + " has "
                            + specs.items().size()
                            + " "
                            + what
                            + "s; Kamatera allows at most "
                            + MAX_DISKS_OR_NETWORKS);
        }
        List<String> values = new ArrayList<>();
        for (Located<String> item : specs.items()) {
            String value = item.value();
            values.add(value);
            if (value.isEmpty()) {
                findings.warning(
                        specs.section(),
                        specs.key(),
                        item.line(),
                        "an empty "
                                + what
                                + " value for node group "
                                + name
                                + ": Kamatera then uses its default "
                                + what);
            } else if (value.chars().anyMatch(Character::isWhitespace)) {
                findings.error(
                        specs.section(),
                        specs.key(),
                        item.line(),
                        "invalid Kamatera server configuration array value ("
                                + GoStrconv.quote(value)
                                + "): ,must not contain spaces (give each "
                                + what
                                + " on its own "
                                + key
                                + "= line)");
            } else if (key.equals(DISK) && !hasWholeSizes(value)) {
                findings.error(
                        specs.section(),
                        specs.key(),
                        item.line(),
                        "disk "
                                + GoStrconv.quote(value)
                                + " for node group "
                                + name
                                + " is invalid: size must be a whole number of gigabytes,"
                                + " e.g. size=50");
            }
        }
        return values;
    }

    /**
     * Every {@code size=} attribute of a disk spec such as {@code id=0,size=50} is a positive
     * integer.
     */
    private static boolean hasWholeSizes(String disk) {
        for (String attribute : disk.split(",", -1)) {
            if (attribute.startsWith("size=")) {
                String size = attribute.substring("size=".length());
                if (!RAM_FORMAT.matcher(size).matches() || Long.parseLong(size) == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private String billingCycle() {
        Origin cycle = inherit(BILLINGCYCLE);
        if (cycle.value().isEmpty()) {
            return "hourly";
        }
        if (!cycle.value().equals("hourly") && !cycle.value().equals("monthly")) {
            findings.error(
                    cycle.section(),
                    cycle.key(),
                    cycle.line(),
                    "billing cycle for node group "
                            + name
                            + " is invalid (expected hourly or monthly, in lower case)");
        } else if (cycle.value().equals("monthly")) {
            // Upstream sends this under the key billingCycle, which the API ignores, so upstream
            // always created hourly servers; we send billingcycle and the servers are billed
            // monthly.
            findings.warning(
                    cycle.section(),
                    cycle.key(),
                    cycle.line(),
                    "billing cycle for node group "
                            + name
                            + " is monthly: kamatera-autoscaler creates monthly-billed servers,"
                            + " while the upstream autoscaler's create request was billed hourly"
                            + " whatever this key said");
        }
        return cycle.value();
    }

    /**
     * Server names are {@code <name-prefix>-<11 hex digits>}. They must survive Kamatera's name
     * rules and its name-as-regex lookups, and start with {@code filter-name-prefix}, else the
     * autoscaler creates servers it never sees again.
     */
    private void checkNamePrefix(Origin prefix) {
        String value = prefix.value();
        boolean breaking =
                value.chars()
                        .anyMatch(c -> Character.isWhitespace(c) || NAME_BREAKING.indexOf(c) >= 0);
        if (breaking) {
            findings.error(
                    prefix.section(),
                    prefix.key(),
                    prefix.line(),
                    "name-prefix "
                            + GoStrconv.quote(value)
                            + " for node group "
                            + name
                            + " is invalid: whitespace, '/' and the characters \\^$|?*+()[]{} break"
                            + " server creation or Kamatera's name matching; use letters, digits,"
                            + " '-', '_' and '.'");
        } else if (!value.chars()
                .allMatch(
                        c ->
                                c < 0x80
                                        && (Character.isLetterOrDigit(c)
                                                || c == '-'
                                                || c == '_'
                                                || c == '.'))) {
            findings.warning(
                    prefix.section(),
                    prefix.key(),
                    prefix.line(),
                    "name-prefix "
                            + GoStrconv.quote(value)
                            + " for node group "
                            + name
                            + " has characters other than letters, digits, '-', '_' and '.';"
                            + " Kamatera may refuse the server names");
        }
        String filter = global.stringValue(FILTER_NAME_PREFIX);
        String fixedPart = value.isEmpty() ? "" : value + "-";
        if (!filter.isEmpty() && !fixedPart.startsWith(filter)) {
            String key = value.isEmpty() ? NAME_PREFIX : prefix.key();
            findings.error(
                    value.isEmpty() ? section : prefix.section(),
                    key,
                    prefix.line(),
                    "servers of node group "
                            + name
                            + " would be named "
                            + GoStrconv.quote(fixedPart + "<11 hex digits>")
                            + ", which does not start with filter-name-prefix "
                            + GoStrconv.quote(filter)
                            + ": the autoscaler would create them and never see them; set"
                            + " name-prefix so that name-prefix + \"-\" starts with"
                            + " filter-name-prefix");
        }
    }

    private void checkSshKey(Origin sshKey) {
        String value = sshKey.value();
        if (value.startsWith("/") || value.startsWith("~") || value.startsWith("./")) {
            findings.warning(
                    sshKey.section(),
                    sshKey.key(),
                    sshKey.line(),
                    "ssh-key for node group "
                            + name
                            + " looks like a file path; it must be the public key text itself (e.g."
                            + " ssh-ed25519 AAAA...)");
        }
    }

    /**
     * dailybackup and managed: the global default, turned on (never off) by the node group. Kept
     * from upstream so the same servers are created; a node-group false that has no effect is
     * warned.
     */
    private boolean onlyTurnsOn(String key) {
        boolean fromGlobal = global.boolValue(defaultOf(key));
        Located<Boolean> own = group.bool(key);
        if (fromGlobal && own != null && !own.value()) {
            findings.warning(
                    section,
                    key,
                    own.line(),
                    key
                            + "=false has no effect: "
                            + defaultOf(key)
                            + " is true in [global] and a node group can only turn it on (upstream"
                            + " behaviour)");
        }
        return fromGlobal || own != null && own.value();
    }

    /**
     * {@code key=value} entries split on the first '='; entries without '=' are ignored as upstream
     * does.
     */
    private Map<String, String> templateLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        List<Located<String>> entries = group.list(TEMPLATE_LABEL);
        if (entries == null) {
            return labels;
        }
        for (Located<String> entry : entries) {
            int eq = entry.value().indexOf('=');
            if (eq < 0) {
                findings.warning(
                        section,
                        TEMPLATE_LABEL,
                        entry.line(),
                        "template-label "
                                + GoStrconv.quote(entry.value())
                                + " has no '=' and is ignored");
            } else {
                labels.put(entry.value().substring(0, eq), entry.value().substring(eq + 1));
            }
        }
        return labels;
    }

    /**
     * Upstream's string inheritance: the node-group value when non-empty, else the global default.
     * An explicit empty node-group value cannot clear a global default; that is warned.
     */
    private Origin inherit(String key) {
        Located<String> own = group.string(key);
        if (own != null && !own.value().isEmpty()) {
            return new Origin(own.value(), section, key, own.line());
        }
        String globalKey = defaultOf(key);
        Located<String> fallback = global.string(globalKey);
        if (fallback != null && !fallback.value().isEmpty()) {
            if (own != null) {
                findings.warning(
                        section,
                        key,
                        own.line(),
                        "an empty "
                                + key
                                + " does not clear "
                                + globalKey
                                + " from [global]: a node group cannot clear a global default, so"
                                + " the global value is used (upstream behaviour)");
            }
            return new Origin(fallback.value(), GLOBAL_SECTION, globalKey, fallback.line());
        }
        return new Origin("", section, key, own != null ? own.line() : group.headerLine);
    }

    /** Upstream's list inheritance: a node-group list, when present, replaces the global one. */
    private ListOrigin inheritList(String key) {
        List<Located<String>> own = group.list(key);
        if (own != null) {
            return new ListOrigin(own, section, key);
        }
        List<Located<String>> fallback = global.list(defaultOf(key));
        if (fallback != null) {
            return new ListOrigin(fallback, GLOBAL_SECTION, defaultOf(key));
        }
        return new ListOrigin(List.of(), section, key);
    }
}
