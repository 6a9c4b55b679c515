package org.k8sca.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

class TolerationTest {

    private static final Taint GPU = new Taint("dedicated", "gpu", TaintEffect.NO_SCHEDULE);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "Equal, same key value effect",
                        Toleration.equal("dedicated", "gpu", TaintEffect.NO_SCHEDULE),
                        true),
                Arguments.of(
                        "Equal, other value",
                        Toleration.equal("dedicated", "cpu", TaintEffect.NO_SCHEDULE),
                        false),
                Arguments.of(
                        "Equal, other effect",
                        Toleration.equal("dedicated", "gpu", TaintEffect.NO_EXECUTE),
                        false),
                Arguments.of("Equal, any effect", Toleration.equal("dedicated", "gpu", null), true),
                Arguments.of(
                        "Exists on key",
                        Toleration.exists("dedicated", TaintEffect.NO_SCHEDULE),
                        true),
                Arguments.of("Exists on other key", Toleration.exists("other", null), false),
                Arguments.of("empty key Exists tolerates all", Toleration.everything(), true),
                Arguments.of(
                        "empty key Exists with an effect",
                        new Toleration("", true, "", TaintEffect.NO_EXECUTE),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tolerates(String name, Toleration toleration, boolean expected) {
        assertThat(toleration.tolerates(GPU)).isEqualTo(expected);
    }

    @Test
    void equalWithEmptyValueMatchesOnlyEmptyValue() {
        Toleration t = Toleration.equal("k", "", null);
        assertThat(t.tolerates(new Taint("k", "", TaintEffect.NO_SCHEDULE))).isTrue();
        assertThat(t.tolerates(new Taint("k", "v", TaintEffect.NO_SCHEDULE))).isFalse();
    }

    @Test
    void invalidTolerationsAreRejected() {
        assertThatThrownBy(() -> new Toleration("", false, "x", null))
                .hasMessageContaining("empty key");
        assertThatThrownBy(() -> new Toleration("k", true, "x", null))
                .hasMessageContaining("Exists");
    }
}
