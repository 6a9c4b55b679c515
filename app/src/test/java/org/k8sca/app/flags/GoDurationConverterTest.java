package org.k8sca.app.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;

class GoDurationConverterTest {
    @Test
    void converterReportsGoMessageToPicocli() {
        assertThat(new GoDurationConverter().convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> new GoDurationConverter().convert("10"))
                .hasMessage("time: missing unit in duration \"10\"");
    }
}
