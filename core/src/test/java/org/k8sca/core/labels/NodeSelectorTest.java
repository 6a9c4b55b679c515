package org.k8sca.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

class NodeSelectorTest {

    private static final Labels NODE =
            Labels.of("zone", "a", "cores", "8", "disk", "ssd", "gen", "x7");

    private static Requirement r(String key, Operator op, String... values) {
        return Requirement.of(key, op, List.of(values));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("In", NodeSelectorTerm.of(r("zone", Operator.IN, "a", "b")), true),
                Arguments.of("NotIn", NodeSelectorTerm.of(r("zone", Operator.NOT_IN, "a")), false),
                Arguments.of("Exists", NodeSelectorTerm.of(r("disk", Operator.EXISTS)), true),
                Arguments.of(
                        "DoesNotExist",
                        NodeSelectorTerm.of(r("gpu", Operator.DOES_NOT_EXIST)),
                        true),
                Arguments.of("Gt true", NodeSelectorTerm.of(r("cores", Operator.GT, "4")), true),
                Arguments.of(
                        "Gt equal is false",
                        NodeSelectorTerm.of(r("cores", Operator.GT, "8")),
                        false),
                Arguments.of("Lt true", NodeSelectorTerm.of(r("cores", Operator.LT, "16")), true),
                Arguments.of("Lt false", NodeSelectorTerm.of(r("cores", Operator.LT, "8")), false),
                Arguments.of(
                        "Gt on a non-integer label",
                        NodeSelectorTerm.of(r("gen", Operator.GT, "1")),
                        false),
                Arguments.of(
                        "Gt on an absent label",
                        NodeSelectorTerm.of(r("ram", Operator.GT, "1")),
                        false),
                Arguments.of(
                        "expressions ANDed",
                        NodeSelectorTerm.of(
                                r("zone", Operator.IN, "a"), r("disk", Operator.IN, "hdd")),
                        false),
                Arguments.of(
                        "matchFields name In",
                        new NodeSelectorTerm(
                                List.of(), List.of(r("metadata.name", Operator.IN, "n1"))),
                        true),
                Arguments.of(
                        "matchFields name NotIn",
                        new NodeSelectorTerm(
                                List.of(), List.of(r("metadata.name", Operator.NOT_IN, "n1"))),
                        false),
                Arguments.of(
                        "fields and expressions ANDed",
                        new NodeSelectorTerm(
                                List.of(r("zone", Operator.IN, "b")),
                                List.of(r("metadata.name", Operator.IN, "n1"))),
                        false),
                Arguments.of(
                        "empty term matches nothing",
                        new NodeSelectorTerm(List.of(), List.of()),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void singleTerm(String name, NodeSelectorTerm term, boolean expected) {
        assertThat(NodeSelector.of(term).matches(NODE, "n1")).isEqualTo(expected);
    }

    @Test
    void termsAreORed() {
        NodeSelector s =
                NodeSelector.of(
                        NodeSelectorTerm.of(r("zone", Operator.IN, "b")),
                        NodeSelectorTerm.of(r("disk", Operator.IN, "ssd")));
        assertThat(s.matches(NODE, "n1")).isTrue();
        assertThat(NodeSelector.of().matches(NODE, "n1")).isFalse();
    }

    @Test
    void onlyTheNodeNameFieldIsSupported() {
        assertThatThrownBy(
                        () ->
                                new NodeSelectorTerm(
                                        List.of(), List.of(r("metadata.uid", Operator.IN, "x"))))
                .hasMessageContaining("metadata.uid");
        assertThatThrownBy(
                        () ->
                                new NodeSelectorTerm(
                                        List.of(), List.of(r("metadata.name", Operator.EXISTS))))
                .hasMessageContaining("Exists");
    }
}
