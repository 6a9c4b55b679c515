package org.k8sca.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.app.DefaultLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Klog.v(n)} through real SLF4J and logback into a captured stream, as {@code run} sets it
 * up.
 */
class KlogVerbosityTest {
    private static final Logger LOG = LoggerFactory.getLogger(KlogVerbosityTest.class);

    @AfterEach
    void restoreLogging() {
        DefaultLogging.restore();
    }

    private static List<String> logAtEveryVerbosity(LogFormat format, int verbosity) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LogSetup.install(format, verbosity, captured);
        LOG.info("plain info");
        for (int level = 1; level <= 9; level++) {
            Klog.v(level).info(LOG, "detail at {}", level);
        }
        LOG.warn("a warning");
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Test
    void verboseMessagesPrintOnlyUpToTheVerbosity() {
        for (int verbosity = 0; verbosity <= 10; verbosity++) {
            List<String> lines = logAtEveryVerbosity(LogFormat.TEXT, verbosity);
            int expectedDetails = Math.min(verbosity, 9);

            assertThat(lines).as("-v%d: %s", verbosity, lines).hasSize(2 + expectedDetails);
            assertThat(lines.get(0)).contains("] plain info");
            for (int level = 1; level <= expectedDetails; level++) {
                assertThat(lines.get(level))
                        .as("-v%d", verbosity)
                        .startsWith("I")
                        .endsWith("] detail at " + level)
                        // The caller is this test, not the Klog class in between.
                        .contains(" KlogVerbosityTest.java:");
            }
            assertThat(lines.get(lines.size() - 1)).startsWith("W").endsWith("] a warning");
        }
    }

    @Test
    void jsonLinesCarryTheirVerbosity() {
        List<String> lines = logAtEveryVerbosity(LogFormat.JSON, 4);

        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).contains("\"msg\":\"plain info\",\"v\":0}");
        assertThat(lines.get(4))
                .contains("\"caller\":\"KlogVerbosityTest.java:")
                .contains("\"msg\":\"detail at 4\",\"v\":4}");
    }

    @Test
    void structuredInfoPrintsKeyValuesAfterTheMessage() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LogSetup.install(LogFormat.TEXT, 2, captured);
        Klog.v(2).infoS(LOG, "scale-up", "nodeGroup", "ng1", "from", 1, "to", 3, "dangling");
        Klog.v(3).infoS(LOG, "hidden", "k", "v");

        assertThat(captured.toString(StandardCharsets.UTF_8).strip())
                .matches(
                        "I\\d{4} [0-9:.]+ +\\d+ KlogVerbosityTest\\.java:\\d+] scale-up"
                                + " nodeGroup=\"ng1\" from=1 to=3 dangling=\"\\(MISSING\\)\"");
    }

    @Test
    void projectDebugAndTraceFollowTheUpstreamKamateraVerbosities() {
        Logger project = LoggerFactory.getLogger("org.k8sca.kamatera.api.http.HttpCallExecutor");
        Logger library = LoggerFactory.getLogger("io.fabric8.kubernetes.client.Config");
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();

        LogSetup.install(LogFormat.TEXT, 1, ignored);
        assertThat(project.isDebugEnabled()).as("-v1 debug").isFalse();
        LogSetup.install(LogFormat.TEXT, 2, ignored);
        assertThat(project.isDebugEnabled()).as("-v2 debug").isTrue();
        assertThat(project.isTraceEnabled()).as("-v2 trace").isFalse();
        LogSetup.install(LogFormat.TEXT, 4, ignored);
        assertThat(project.isTraceEnabled()).as("-v4 trace").isTrue();
        assertThat(library.isDebugEnabled()).as("other libraries stay at INFO").isFalse();
        LogSetup.install(LogFormat.TEXT, 0, ignored);
        assertThat(project.isDebugEnabled()).as("back to -v0").isFalse();
    }

    @Test
    void enabledReflectsTheVerbosity() {
        Klog.setVerbosity(3);

        assertThat(Klog.v(3).enabled()).isTrue();
        assertThat(Klog.v(4).enabled()).isFalse();
        assertThat(Klog.v(0).enabled()).isTrue();
    }
}
