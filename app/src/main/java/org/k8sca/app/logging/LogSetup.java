package org.k8sca.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

import org.slf4j.LoggerFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Points all logging at one stream (stderr in the process) in the chosen klog format and sets the
 * {@link Klog} verbosity. Replaces whatever logback.xml configured, which is the text format on
 * stderr for the subcommands that never call this.
 */
public final class LogSetup {
    private static final String APPENDER_NAME = "KLOG";
    private static final String PROJECT_LOGGERS = "org.k8sca";

    private LogSetup() {}

    /**
     * @param format text or JSON lines
     * @param verbosity {@code -v}
     * @param target where log lines go; it stays open (logging never closes it)
     */
    public static void install(LogFormat format, int verbosity, OutputStream target) {
        Klog.setVerbosity(verbosity);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        Layout<ILoggingEvent> layout =
                format == LogFormat.JSON ? new KlogJsonLayout() : new KlogTextLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setName(APPENDER_NAME);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setImmediateFlush(true);
        appender.setOutputStream(new NonClosing(target));
        appender.start();

        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        context.getLogger(PROJECT_LOGGERS).setLevel(projectLevel(verbosity));
    }

    /**
     * The level of the project's own loggers at a verbosity. The Kamatera client logs at DEBUG what
     * the upstream Kamatera provider logs at V(2) (API calls that change servers) and at TRACE what
     * upstream logs at V(4) (polling calls, response bodies; secrets redacted by the client), so
     * DEBUG prints from -v2 and TRACE from -v4. Other libraries stay at INFO. {@code null} means
     * "inherit INFO from the root".
     */
    static Level projectLevel(int verbosity) {
        if (verbosity >= 4) {
            return Level.TRACE;
        }
        if (verbosity >= 2) {
            return Level.DEBUG;
        }
        return null;
    }

    /** Stopping an appender closes its stream; stderr must outlive any one configuration. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
