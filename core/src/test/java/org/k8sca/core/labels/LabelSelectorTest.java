package org.k8sca.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

class LabelSelectorTest {

    private static final Labels WEB = Labels.of("app", "web", "tier", "front", "version", "3");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("matchLabels hit", LabelSelector.matchLabels("app", "web"), true),
                Arguments.of(
                        "matchLabels all must hold",
                        LabelSelector.matchLabels("app", "web", "tier", "back"),
                        false),
                Arguments.of(
                        "matchLabels absent key", LabelSelector.matchLabels("team", "a"), false),
                Arguments.of("In hit", sel(Requirement.in("tier", "back", "front")), true),
                Arguments.of("In miss", sel(Requirement.in("tier", "back")), false),
                Arguments.of("In absent key", sel(Requirement.in("team", "a")), false),
                Arguments.of("NotIn other value", sel(Requirement.notIn("tier", "back")), true),
                Arguments.of("NotIn same value", sel(Requirement.notIn("tier", "front")), false),
                Arguments.of("NotIn absent key matches", sel(Requirement.notIn("team", "a")), true),
                Arguments.of("Exists", sel(Requirement.exists("tier")), true),
                Arguments.of("Exists absent", sel(Requirement.exists("team")), false),
                Arguments.of("DoesNotExist absent", sel(Requirement.doesNotExist("team")), true),
                Arguments.of("DoesNotExist present", sel(Requirement.doesNotExist("app")), false),
                Arguments.of(
                        "labels and expressions ANDed",
                        LabelSelector.of(
                                Map.of("app", "web"), List.of(Requirement.notIn("version", "3"))),
                        false),
                Arguments.of(
                        "empty selector matches everything",
                        LabelSelector.of(Map.of(), List.of()),
                        true),
                Arguments.of("absent selector matches nothing", LabelSelector.NOTHING, false));
    }

    private static LabelSelector sel(Requirement r) {
        return LabelSelector.of(null, List.of(r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matches(String name, LabelSelector selector, boolean expected) {
        assertThat(selector.matches(WEB)).isEqualTo(expected);
    }

    @Test
    void emptySelectorMatchesEmptyLabels() {
        assertThat(LabelSelector.EVERYTHING.matches(Labels.EMPTY)).isTrue();
        assertThat(LabelSelector.NOTHING.matches(Labels.EMPTY)).isFalse();
    }

    @Test
    void gtAndLtAreRejectedInLabelSelectors() {
        assertThatThrownBy(
                        () ->
                                LabelSelector.of(
                                        null,
                                        List.of(Requirement.of("n", Operator.GT, List.of("1")))))
                .hasMessageContaining("\"n\"")
                .hasMessageContaining("Gt");
    }

    @Test
    void invalidRequirementsSayWhatIsWrong() {
        assertThatThrownBy(() -> Requirement.of("tier", Operator.IN, List.of()))
                .hasMessageContaining("tier")
                .hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Requirement.of("tier", Operator.EXISTS, List.of("x")))
                .hasMessageContaining("takes no values");
        assertThatThrownBy(() -> Requirement.of("n", Operator.LT, List.of("ten")))
                .hasMessageContaining("integer")
                .hasMessageContaining("ten");
        assertThatThrownBy(() -> Operator.parse("Contains")).hasMessageContaining("Contains");
    }

    @Test
    void equalSelectorsAreShared() {
        LabelSelector a = LabelSelector.of(Map.of("app", "web"), List.of(Requirement.exists("x")));
        LabelSelector b = LabelSelector.of(Map.of("app", "web"), List.of(Requirement.exists("x")));
        assertThat(a).isSameAs(b);
    }
}
