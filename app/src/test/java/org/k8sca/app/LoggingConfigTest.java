package org.k8sca.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

import org.junit.jupiter.api.Test;
import org.k8sca.app.logging.KlogTextLayout;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's logback.xml: logs never go to stdout, which carries command results, and they are klog
 * text lines. Loaded into a fresh context, because {@code run} tests reconfigure the global one.
 */
class LoggingConfigTest {

    @Test
    void everyRootAppenderWritesKlogTextToStderr() throws Exception {
        URL config = getClass().getClassLoader().getResource("logback.xml");
        assertThat(config).as("logback.xml on the classpath").isNotNull();
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);

        assertThat(appenders).as("appenders of the root logger").isNotEmpty();
        assertThat(appenders)
                .allSatisfy(
                        appender -> {
                            assertThat(appender).isInstanceOf(ConsoleAppender.class);
                            ConsoleAppender<ILoggingEvent> console =
                                    (ConsoleAppender<ILoggingEvent>) appender;
                            assertThat(console.getTarget()).isEqualTo("System.err");
                            assertThat(console.getEncoder())
                                    .isInstanceOf(LayoutWrappingEncoder.class);
                            assertThat(
                                            ((LayoutWrappingEncoder<ILoggingEvent>)
                                                            console.getEncoder())
                                                    .getLayout())
                                    .isInstanceOf(KlogTextLayout.class);
                        });
        context.stop();
    }
}
