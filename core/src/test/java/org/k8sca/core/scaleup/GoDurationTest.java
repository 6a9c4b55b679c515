package org.k8sca.core.scaleup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class GoDurationTest {

  @Test
  void parsesGoDurations() {
    assertThat(GoDuration.parse("600s")).isEqualTo(Duration.ofSeconds(600));
    assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(GoDuration.parse("-2m")).isEqualTo(Duration.ofMinutes(-2));
  }

  @Test
  void rejectsOtherText() {
    assertThatThrownBy(() -> GoDuration.parse("10")).hasMessageContaining("invalid duration \"10\"");
    assertThatThrownBy(() -> GoDuration.parse("5d")).hasMessageContaining("unknown unit \"d\"");
    assertThatThrownBy(() -> GoDuration.parse("soon")).hasMessageContaining("invalid duration");
    assertThatThrownBy(() -> GoDuration.parse("")).hasMessageContaining("empty");
  }
}
