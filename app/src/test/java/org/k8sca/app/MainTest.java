package org.k8sca.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void unknownSubcommandIsAUsageError() {
        assertThat(Main.run(new String[] {"no-such-command"})).isEqualTo(2);
    }
}
