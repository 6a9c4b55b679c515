package org.k8sca.testkit.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;

import org.k8sca.app.ExitCodes;
import org.k8sca.app.SandboxLauncher;
import org.k8sca.app.SandboxOptions;
import org.k8sca.app.logging.LogFormat;
import org.k8sca.app.logging.LogSetup;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The {@code sandbox} subcommand, registered with the app's command line in {@code
 * META-INF/services}. Quiets the logs (the decisions are the output), runs the {@link Sandbox} and
 * ends it cleanly on Ctrl-C or SIGTERM: the shutdown hook asks the demo to stop after its current
 * step and waits for everything to close.
 */
public final class TestkitSandboxLauncher implements SandboxLauncher {
    /** How long Ctrl-C waits for the demo to close before the JVM exits anyway. */
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(30);

    @Override
    public int run(SandboxOptions options, PrintStream out, PrintStream err) {
        quietLogging(options.verbosity(), err);
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options, out);
        } catch (UncheckedIOException e) {
            err.println("kamatera-autoscaler sandbox: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (Exception e) {
            err.println("kamatera-autoscaler sandbox: could not start the demo cluster: " + e);
            return ExitCodes.INTERNAL_ERROR;
        }
        Thread hook = new Thread(() -> stopAndWait(sandbox), "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            sandbox.run();
            return ExitCodes.OK;
        } finally {
            sandbox.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for the close above, which is done.
            }
        }
    }

    private static void stopAndWait(Sandbox sandbox) {
        sandbox.stop();
        try {
            sandbox.awaitClosed(CLOSE_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Klog text on {@code err} as {@code run} writes it; without {@code -v} only warnings and
     * errors, since the autoscaler's info lines (a demo pod no group can take, ...) are already
     * printed as decisions. The mock API server logs each request through java.util.logging:
     * warnings only.
     */
    private static void quietLogging(int verbosity, PrintStream err) {
        LogSetup.install(LogFormat.TEXT, verbosity, err);
        if (verbosity == 0) {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }
}
