package org.k8sca.kamatera.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.kamatera.provider.ProviderHarness.node;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Spec §7 item 62: no secret (API secret, password, init script) in the provider's logs or strings.
 */
class SecretsTest {

    @Test
    void aFullLifeCycleLogsNoSecret() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        try (ProviderHarness h =
                new ProviderHarness(
                        "min-refresh-interval=0s",
                        """
                        [nodegroup "ng1"]
                        name-prefix=ng1
                        min-size=0
                        max-size=5
                        password=Sup3rSecretPw
                        """,
                        3)) {
            h.refresh();
            h.group("ng1").increaseSize(2);
            h.settle();
            String name = h.group("ng1").nodes().get(0).id().substring("kamatera://".length());
            h.group("ng1").deleteNodes(List.of(node(name)));
            h.settle();

            assertThat(
                            h.config.toString()
                                    + h.group("ng1").config()
                                    + h.group("ng1").extendedDebug())
                    .doesNotContain("Sup3rSecretPw", "join-token-xyz", ProviderHarness.SECRET);
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            assertThat(event.getFormattedMessage())
                    .doesNotContain("Sup3rSecretPw", "join-token-xyz", ProviderHarness.SECRET);
        }
    }
}
