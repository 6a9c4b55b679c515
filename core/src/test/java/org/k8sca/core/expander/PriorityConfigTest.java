package org.k8sca.core.expander;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PriorityConfigTest {

    @Test
    void parsesTheUpstreamFormat() {
        PriorityConfig c =
                PriorityConfig.parse(
                        """
                        # cheap first
                        10:
                          - .*t2\\.large.*
                          - ".*t3\\.large.*"
                        50:
                          - '.*m4\\.4xlarge.*'   # big
                        20: [web-a, "web-b"]
                        """);

        assertThat(c.priorities().keySet()).containsExactly(50, 20, 10);
        assertThat(c.priorityOf("pool-m4.4xlarge")).isEqualTo(50);
        assertThat(c.priorityOf("pool-t3.large-x")).isEqualTo(10);
        assertThat(c.priorityOf("web-b")).isEqualTo(20);
        assertThat(c.priorityOf("other")).isNull();
    }

    @Test
    void aGroupMatchingSeveralPrioritiesGetsTheHighest() {
        PriorityConfig c = PriorityConfig.parse("1:\n  - .*\n9:\n  - ^gpu\n");

        assertThat(c.priorityOf("gpu-pool")).isEqualTo(9);
        assertThat(c.priorityOf("cpu-pool")).isEqualTo(1);
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> PriorityConfig.parse("10:\n  - ok\nfoo\n"))
                .hasMessage(
                        "priority expander config line 3: expected \"<priority>:\" but got"
                                + " \"foo\"");
        assertThatThrownBy(() -> PriorityConfig.parse("  - a\n"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("before any");
        assertThatThrownBy(() -> PriorityConfig.parse("10:\n  - ([a\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("invalid regular expression \"([a\"");
        assertThatThrownBy(() -> PriorityConfig.parse("10:\n"))
                .hasMessageContaining("priority 10 has no regular expressions");
        assertThatThrownBy(() -> PriorityConfig.parse("1: [a]\n1: [b]\n"))
                .hasMessageContaining("line 2: priority 1 is listed twice");
        assertThatThrownBy(() -> PriorityConfig.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PriorityConfig.parse("10: a\n"))
                .hasMessageContaining("expected a list");
    }
}
