package org.k8sca.core.labels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

class LabelsTest {

    @Test
    void equalLabelSetsAreInterned() {
        Map<String, String> m = new HashMap<>();
        m.put("b", "2");
        m.put("a", "1");
        assertThat(Labels.of(m)).isSameAs(Labels.of("a", "1", "b", "2"));
    }

    @Test
    void lookupsAndSubsets() {
        Labels l = Labels.of("a", "1", "b", "2");
        assertThat(l.get("a")).isEqualTo("1");
        assertThat(l.get("c")).isNull();
        assertThat(l.containsAll(Labels.of("b", "2"))).isTrue();
        assertThat(l.containsAll(Labels.of("b", "3"))).isFalse();
        assertThat(l.containsAll(Labels.EMPTY)).isTrue();
        assertThat(l.with("c", "3").get("c")).isEqualTo("3");
        assertThat(l.without("a").containsKey("a")).isFalse();
        assertThat(l.asMap()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }
}
