package org.k8sca.bench.packing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.List;

class LowerBoundTest {

    private static final long GI = 1L << 30;
    private static final Resources FREE = Resources.of(4_000, 16 * GI, 0, 110, 0);

    private static List<Pod> pods(int n, long milliCpu, long memGi) {
        List<Pod> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(
                    Pod.builder("ns", "p-" + milliCpu + "-" + memGi + "-" + i)
                            .requests(Resources.of(milliCpu, memGi * GI, 0, 0, 0))
                            .build());
        }
        return out;
    }

    @Test
    void volumeBoundIsTheBusiestDimensionRoundedUp() {
        assertThat(LowerBound.nodes(pods(10, 1_000, 1), FREE)).isEqualTo(3); // 10 CPU over 4
        assertThat(LowerBound.nodes(pods(10, 100, 5), FREE)).isEqualTo(4); // 50 GiB over 16
        assertThat(LowerBound.nodes(pods(111, 1, 0), FREE)).isEqualTo(2); // pod slots
        assertThat(LowerBound.nodes(List.of(), FREE)).isZero();
    }

    @Test
    void kindBoundCountsHowManyOfAKindFitSideBySide() {
        // 3 CPU pods: one per 4 CPU node, though the volume says 8 of them need only 6 nodes.
        assertThat(LowerBound.nodes(pods(8, 3_000, 1), FREE)).isEqualTo(6);
        assertThat(LowerBound.nodesByKind(pods(8, 3_000, 1), FREE)).isEqualTo(8);
    }

    @Test
    void aPodLargerThanANodeIsNamed() {
        assertThatThrownBy(() -> LowerBound.nodesByKind(pods(1, 5_000, 1), FREE))
                .hasMessageContaining("does not fit");
    }
}
