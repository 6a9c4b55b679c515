package org.k8sca.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The outcome of one in-process run of the command line, with stdout and stderr captured.
 *
 * @param status the exit status
 */
public record CliRun(int status, String out, String err) {
    /** Runs {@code kamatera-autoscaler args...} with the given environment. */
    public static CliRun run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, outStream, errStream, env);
        }
        return new CliRun(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs with an empty environment, so the developer's own KAMATERA_* variables cannot interfere.
     */
    public static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    /** For assertion messages: everything the run printed. */
    public String describe() {
        return "exit " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
}
