package org.k8sca.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The app's logback.xml: logs never go to stdout, which carries command results. */
class LoggingConfigTest {

    @Test
    void everyRootAppenderWritesToStderr() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);

        assertThat(appenders).as("appenders of the root logger").isNotEmpty();
        assertThat(appenders).allSatisfy(appender -> {
            assertThat(appender).isInstanceOf(ConsoleAppender.class);
            assertThat(((ConsoleAppender<ILoggingEvent>) appender).getTarget()).isEqualTo("System.err");
        });
    }
}
