package org.k8sca.app.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.k8sca.app.CliRun;
import org.k8sca.app.ExitCodes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Each gcfg rule of kamatera-provider.md §1.2, seen through validate-config: the rules that reject
 * a file give exit status 1 with upstream's message on stderr; the rules that change a value show
 * in the resolved JSON.
 */
class GcfgQuirksTest {
    @TempDir Path dir;

    /**
     * ConfigFiles.MINIMAL with text inserted after "[global]" (global keys) or appended (ng1 keys).
     */
    private CliRun withGlobal(String globalLines) {
        return validate(ConfigFiles.MINIMAL.replace("[global]\n", "[global]\n" + globalLines));
    }

    private CliRun withNodeGroup(String nodeGroupLines) {
        return validate(ConfigFiles.MINIMAL + nodeGroupLines);
    }

    private CliRun validate(String text) {
        Path file = ConfigFiles.write(dir, "cloud-config.ini", text);
        return CliRun.run("validate-config", "--cloud-config=" + file, "--output=json");
    }

    private static void assertRejected(CliRun run, String... messageParts) {
        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).as(run.describe()).isEmpty();
        for (String part : messageParts) {
            assertThat(run.err()).as(run.describe()).contains(part);
        }
        assertThat(run.err())
                .doesNotContain(ConfigFiles.CLIENT_ID)
                .doesNotContain(ConfigFiles.SECRET);
    }

    private static JsonNode accepted(CliRun run) {
        assertThat(run.status()).as(run.describe()).isEqualTo(ExitCodes.OK);
        return JsonMapper.builder().build().readTree(run.out());
    }

    private static JsonNode ng1(CliRun run) {
        return accepted(run).get("nodegroups").get("ng1");
    }

    // --- rules that reject the file

    @Test
    void byteOrderMarkIsAcceptedWithAWarningThoughUpstreamRejectsIt() {
        // Our decision (docs/compatibility.md): skip the BOM Windows editors add, and say so.
        CliRun run = validate("\uFEFF" + ConfigFiles.MINIMAL);

        assertThat(accepted(run).get("cluster-name").asString()).isEqualTo("c1");
        assertThat(run.err())
                .as(run.describe())
                .matches("(?s).*cloud-config\\.ini:1: warning: .*byte-order mark.*\n")
                .hasLineCount(1);
    }

    @Test
    void emptySubsectionNameIsRejected() {
        assertRejected(
                validate(ConfigFiles.MINIMAL + "[nodegroup \"\"]\n"), "empty subsection name");
    }

    @Test
    void nodeGroupWithoutQuotedNameIsRejectedThoughUpstreamAcceptsIt() {
        // Our decision (docs/compatibility.md): upstream creates a group named "" with tag
        // "k8scang-".
        assertRejected(validate(ConfigFiles.MINIMAL + "[nodegroup]\n"), "node group name is empty");
    }

    @Test
    void unquotedCommentCharacterInsideAValueIsRejectedThoughUpstreamTruncates() {
        // Our decision (docs/compatibility.md): upstream silently cuts "abc#def" to "abc".
        assertRejected(
                withNodeGroup("name-prefix=abc#def\n"), "name-prefix", "unquoted ';' or '#'");
    }

    @Test
    void unknownSectionIsRejected() {
        for (String section : List.of("gglobal", "globalxxx", "default-nodegroup")) {
            assertRejected(
                    validate(ConfigFiles.MINIMAL + "[" + section + "]\n"),
                    "can't store data at section \"" + section + "\"");
        }
    }

    @Test
    void subsectionOfGlobalIsRejected() {
        assertRejected(validate(ConfigFiles.MINIMAL + "[global \"x\"]\n"));
    }

    @Test
    void unknownVariableIsRejectedWithUpstreamMessage() {
        assertRejected(
                withGlobal("default-script=IyEvYmluL2Jhc2gKZWNobyBoaQo=\n"),
                "can't store data at section \"global\", variable \"default-script\"");
    }

    @Test
    void variableBeforeAnySectionIsRejected() {
        assertRejected(
                validate("cluster-name=c1\n" + ConfigFiles.MINIMAL), "expected section header");
    }

    @Test
    void unknownEscapeInQuotesIsRejected() {
        assertRejected(withNodeGroup("name-prefix=\"a\\qb\"\n"), "unknown escape sequence");
    }

    @Test
    void quotedStringSpanningLinesIsRejected() {
        assertRejected(withNodeGroup("name-prefix=\"abc\ndef\"\n"), "string not terminated");
    }

    @Test
    void unquotedBackslashNotBeforeNewlineOrQuoteIsRejected() {
        assertRejected(
                withNodeGroup("name-prefix=a\\b\n"),
                "unquoted '\\' must be followed by new line or double quote");
    }

    @Test
    void gcfgBoolOutsideItsVocabularyIsRejected() {
        assertRejected(
                withGlobal("poweroff-on-scale-down=maybe\n"),
                "failed to parse bool `maybe` at section \"global\", variable"
                        + " \"poweroff-on-scale-down\"");
        assertRejected(withGlobal("default-managed=\n"), "default-managed");
    }

    @Test
    void blankStringKeyIsRejected() {
        assertRejected(withNodeGroup("image\n"), "blank value not supported for type");
    }

    @Test
    void nodeGroupPowerFlagsAcceptOnlyGoParseBoolValues() {
        assertRejected(
                withNodeGroup("poweroff-on-scale-down=yes\n"),
                "cannot get poweroff-on-scale-down value for node group ng1: could not parse"
                        + " boolean value \"yes\": strconv.ParseBool: parsing \"yes\": invalid syntax");
        assertRejected(
                withNodeGroup("poweron-on-scale-up=on\n"),
                "cannot get poweron-on-scale-up value for node group ng1");
    }

    @Test
    void integerKeysAreGoAtoi() {
        assertRejected(
                withNodeGroup("min-size=1.0\n"),
                "could not parse min size for node group: strconv.Atoi: parsing \"1.0\": invalid"
                        + " syntax");
        assertRejected(withNodeGroup("max-size=0x10\n"), "could not parse max size for node group");
        assertRejected(withNodeGroup("max-size=1_0\n"), "could not parse max size for node group");
        assertRejected(
                withNodeGroup("poweroff-on-scale-down-max-servers=4a\n"),
                "cannot get poweroff-on-scale-down-max-servers value for node group ng1");
        assertRejected(withNodeGroup("min-size=-1\n"), "min size for node group cannot be < 0");
        assertRejected(
                withNodeGroup("min-size=4\nmax-size=3\n"),
                "min size for a node group must be less than its max size (got min: 4, max: 3)");
    }

    // --- rules that change a value

    @Test
    void sectionAndVariableNamesAreCaseInsensitive() {
        String text =
                ConfigFiles.MINIMAL
                                .replace("[global]", "[Global]")
                                .replace("[nodegroup", "[NODEGROUP")
                        + "CPU=4A\n";

        assertThat(ng1(validate(text)).get("cpu").asString()).isEqualTo("4A");
    }

    @Test
    void commentAfterABlankEndsTheValueAndQuotesKeepCommentCharacters() {
        JsonNode ng1 =
                ng1(
                        withNodeGroup(
                                "name-prefix=abc ; comment\nmonthlypackage=\"x;y#z\" # comment\n"));

        assertThat(ng1.get("name-prefix").asString()).isEqualTo("abc");
        assertThat(ng1.get("monthlypackage").asString()).isEqualTo("x;y#z");
    }

    @Test
    void quotedEscapesAreDecoded() {
        JsonNode ng1 = ng1(withNodeGroup("monthlypackage=\"a\\\"b\\\\c\\td\"\n"));

        assertThat(ng1.get("monthlypackage").asString()).isEqualTo("a\"b\\c\td");
    }

    @Test
    void lineContinuationKeepsTheNextLinesLeadingWhitespace() {
        JsonNode ng1 = ng1(withNodeGroup("ssh-key=ssh-rsa AAAA111\\\n BBBB222\\\n CCCC333\n"));

        assertThat(ng1.get("ssh-key").asString()).isEqualTo("ssh-rsa AAAA111 BBBB222 CCCC333");
    }

    @Test
    void crlfFilesBehaveLikeLfFiles() {
        JsonNode ng1 = ng1(validate((ConfigFiles.MINIMAL + "cpu=4A\n").replace("\n", "\r\n")));

        assertThat(ng1.get("cpu").asString()).isEqualTo("4A");
        assertThat(strings(ng1.get("disk"))).containsExactly("size=50");
    }

    @Test
    void multiValuedKeysAppendAndNodeGroupListReplacesGlobal() {
        JsonNode ng1 = ng1(withNodeGroup("disk=size=100\ndisk=size=20\n"));

        assertThat(strings(ng1.get("disk"))).containsExactly("size=100", "size=20");
        assertThat(strings(ng1.get("network"))).containsExactly("name=wan,ip=auto");
    }

    @Test
    void singleValuedKeyGivenTwiceLastWinsAndRepeatedSectionsMerge() {
        JsonNode ng1 =
                ng1(
                        withNodeGroup(
                                "cpu=1A\n"
                                        + "cpu=2B\n"
                                        + "[global]\n"
                                        + "default-ram=8192\n"
                                        + "[nodegroup \"ng1\"]\n"
                                        + "image=debian\n"));

        assertThat(ng1.get("cpu").asString()).isEqualTo("2B");
        assertThat(ng1.get("ram").asString()).isEqualTo("8192");
        assertThat(ng1.get("image").asString()).isEqualTo("debian");
    }

    @Test
    void globalBoolsTakeGcfgVocabularyAndBlankMeansTrue() {
        JsonNode ng1 =
                ng1(
                        withGlobal(
                                "poweroff-on-scale-down=YES\n"
                                        + "poweron-on-scale-up\n"
                                        + "default-managed=on\n"));

        assertThat(ng1.get("poweroff-on-scale-down").asBoolean()).isTrue();
        assertThat(ng1.get("poweron-on-scale-up").asBoolean()).isTrue();
        assertThat(ng1.get("managed").asBoolean()).isTrue();
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.asString()));
        return strings;
    }
}
