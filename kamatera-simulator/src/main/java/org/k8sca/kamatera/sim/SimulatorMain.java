package org.k8sca.kamatera.sim;

import org.k8sca.kamatera.sim.model.ServerSetup;

import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone: {@code java -jar kamatera-simulator.jar --port 8089 --client-id ID
 * --secret S [options]}. Prints the URL, logs one line per request (method, path, status; never
 * bodies or headers), and stops cleanly on SIGTERM or Ctrl-C.
 */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The query for the request log, hidden when it might carry a password, script or secret. */
    static String printableQuery(String query) {
        if (query.isEmpty()) {
            return "";
        }
        String q = query.toLowerCase(java.util.Locale.ROOT);
        for (String secretish :
                new String[] {"password", "script", "userdata", "secret", "ssh-key"}) {
            if (q.contains(secretish)) {
                return "?<redacted>";
            }
        }
        return "?" + query;
    }

    /**
     * Starts the simulator and blocks until the JVM shuts down; returns an exit code on bad
     * options.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        SimulatorCommandLine.Config config;
        try {
            config = SimulatorCommandLine.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("kamatera-simulator: " + e.getMessage());
            err.println("Run with --help to list the options.");
            return 2;
        }
        if (config.help) {
            out.print(SimulatorCommandLine.usage());
            return 0;
        }
        KamateraSimulator.Builder builder = config.builder();
        if (!config.quiet) {
            builder.onReply(
                    (r, status) ->
                            out.println(
                                    Instant.now()
                                            + " "
                                            + r.method()
                                            + " "
                                            + r.path()
                                            + printableQuery(r.query())
                                            + " -> "
                                            + status));
        }
        KamateraSimulator sim;
        try {
            sim = builder.build().start();
        } catch (RuntimeException e) {
            err.println("kamatera-simulator: " + e.getMessage());
            return 1;
        }
        for (ServerSetup s : config.servers) {
            sim.addServer(s);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    sim.close();
                                    out.println("kamatera-simulator stopped");
                                    out.flush();
                                    stopped.countDown();
                                },
                                "kamatera-sim-shutdown"));
        out.println("kamatera-simulator listening on " + sim.baseUrl());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
