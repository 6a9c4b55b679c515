package org.k8sca.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;

import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.time.Instant;

/** klog's text header and body, byte for byte. */
class KlogTextLayoutTest {
    private static final Instant TIME = Instant.parse("2026-03-07T04:05:06.123456789Z");

    private static KlogTextLayout layout() {
        KlogTextLayout layout = new KlogTextLayout();
        layout.setZone("UTC");
        layout.setPid(4242);
        return layout;
    }

    @Test
    void infoLineHasKlogHeaderWithMicroseconds() {
        String line =
                layout().doLayout(
                                Events.event(
                                        Level.INFO,
                                        TIME,
                                        "scale-up: setting group {} size to {}",
                                        "ng1",
                                        3));

        assertThat(line)
                .isEqualTo(
                        "I0307 04:05:06.123456    4242 ScaleUp.java:42] scale-up: setting group ng1"
                                + " size to 3"
                                + System.lineSeparator());
    }

    @Test
    void severityLettersFollowTheLevel() {
        assertThat(layout().doLayout(Events.event(Level.WARN, TIME, "w"))).startsWith("W0307 ");
        assertThat(layout().doLayout(Events.event(Level.ERROR, TIME, "e"))).startsWith("E0307 ");
        assertThat(layout().doLayout(Events.event(Level.DEBUG, TIME, "d"))).startsWith("I0307 ");
        LoggingEvent fatal = Events.event(Level.ERROR, TIME, "f");
        fatal.addMarker(Klog.FATAL);
        assertThat(layout().doLayout(fatal)).startsWith("F0307 ");
    }

    @Test
    void timeIsInTheConfiguredZone() {
        KlogTextLayout layout = layout();
        layout.setZone("Asia/Jerusalem"); // UTC+2 in March

        assertThat(layout.doLayout(Events.event(Level.INFO, TIME, "x")))
                .startsWith("I0307 06:05:06.123456 ");
    }

    @Test
    void keyValuesFollowTheMessageQuotedAndTheVerbosityIsNotRepeated() {
        LoggingEvent event = Events.event(Level.INFO, TIME, "pod does not fit");
        event.addKeyValuePair(new KeyValuePair(Klog.VERBOSITY_KEY, 4));
        event.addKeyValuePair(new KeyValuePair("pod", "default/web-1"));
        event.addKeyValuePair(new KeyValuePair("nodes", 3));
        event.addKeyValuePair(new KeyValuePair("reason", "Insufficient \"cpu\""));

        assertThat(layout().doLayout(event))
                .isEqualTo(
                        "I0307 04:05:06.123456    4242 ScaleUp.java:42] pod does not fit"
                                + " pod=\"default/web-1\" nodes=3 reason=\"Insufficient \\\"cpu\\\"\""
                                + System.lineSeparator());
    }

    @Test
    void exceptionStackTraceFollowsOnTheNextLines() {
        String text =
                layout().doLayout(
                                Events.event(
                                        Level.ERROR,
                                        TIME,
                                        new IllegalStateException("boom"),
                                        "loop failed"));

        assertThat(text)
                .startsWith(
                        "E0307 04:05:06.123456    4242 ScaleUp.java:42] loop failed"
                                + System.lineSeparator())
                .contains("java.lang.IllegalStateException: boom")
                .contains("\tat ");
    }

    @Test
    void unknownCallerPrintsLikeKlog() {
        LoggingEvent event = Events.event(Level.INFO, TIME, "x");
        event.setCallerData(new StackTraceElement[0]);

        assertThat(layout().doLayout(event)).contains(" ???:1] x");
    }
}
