package org.k8sca.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Process entry point of {@code kamatera-autoscaler}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // UTF-8 whatever the locale, as the Go autoscaler writes: node group names and labels may
        // be
        // non-ASCII, and a POSIX locale would otherwise turn them into '?'.
        PrintStream out =
                new PrintStream(
                        new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err =
                new PrintStream(
                        new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, out, err, System.getenv());
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the command line in-process, as {@link #main} does, without exiting.
     *
     * @param out where results go (stdout)
     * @param err where problems, warnings and usage errors go (stderr)
     * @param env the process environment, for the credential overrides
     * @return the exit status, one of {@link ExitCodes}
     */
    public static int run(
            String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return new CommandLineRunner(out, err, env).run(args);
    }
}
