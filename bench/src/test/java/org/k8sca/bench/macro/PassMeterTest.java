package org.k8sca.bench.macro;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class PassMeterTest {

    @Test
    void setupRunsBeforeEveryPassAndIsNotMeasured() {
        List<String> calls = new ArrayList<>();
        PassMeter.Result r =
                new PassMeter(2, 3).measure(() -> calls.add("setup"), () -> calls.add("pass"));

        assertThat(calls)
                .containsExactly(
                        "setup", "pass", "setup", "pass", "setup", "pass", "setup", "pass", "setup",
                        "pass");
        assertThat(r.nanos().count()).isEqualTo(3);
    }
}
