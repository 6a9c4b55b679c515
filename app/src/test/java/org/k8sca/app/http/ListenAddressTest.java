package org.k8sca.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void parsesGoListenAddresses() {
        assertThat(ListenAddress.parse(":8085")).isEqualTo(new ListenAddress("", 8085));
        assertThat(ListenAddress.parse("127.0.0.1:0")).isEqualTo(new ListenAddress("127.0.0.1", 0));
        assertThat(ListenAddress.parse("[::1]:9090")).isEqualTo(new ListenAddress("::1", 9090));
        assertThat(ListenAddress.parse(":8085").socketAddress().getAddress().isAnyLocalAddress())
                .isTrue();
    }

    @Test
    void badAddressesNameTheFlagAndTheProblem() {
        assertThatThrownBy(() -> ListenAddress.parse("8085"))
                .hasMessageContaining("--address")
                .hasMessageContaining("no port");
        assertThatThrownBy(() -> ListenAddress.parse(":http"))
                .hasMessageContaining("'http' is not a number");
        assertThatThrownBy(() -> ListenAddress.parse(":70000")).hasMessageContaining("0-65535");
        assertThatThrownBy(() -> ListenAddress.parse("::1:80")).hasMessageContaining("brackets");
        assertThatThrownBy(() -> ListenAddress.parse("")).hasMessageContaining("--address");
    }
}
