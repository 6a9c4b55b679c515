package org.k8sca.testkit.sandbox;

import org.k8sca.app.SandboxOptions;
import org.k8sca.app.status.StatusPage;
import org.k8sca.app.status.StatusPageSettings;
import org.k8sca.kamatera.api.ApiCallListener;
import org.k8sca.kamatera.api.ApiCallListener.CallEvent;
import org.k8sca.testkit.VirtualCluster;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The demo: a {@link VirtualCluster} with the {@link DemoCluster} and the {@link DemoWorkload},
 * stepped until {@code --duration} of virtual time has passed (or {@link #stop()} is called), at
 * {@code --speed} times real time, with each decision printed and the status page served.
 */
public final class Sandbox implements AutoCloseable {
    /** How often the summary line is printed, in virtual time. */
    static final Duration SUMMARY_EVERY = Duration.ofMinutes(5);

    private final SandboxOptions options;
    private final Narrator narrator;
    private final VirtualCluster cluster;
    private final StatusServer statusServer;
    private final DecisionPrinter printer;
    private final ClusterWatch watch;
    private final DemoWorkload workload;
    private final Instant origin;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    private Sandbox(SandboxOptions options, PrintStream out) throws Exception {
        this.options = options;
        this.workload = DemoWorkload.forSeed(options.seed());
        StatusPage[] page = new StatusPage[1];
        DecisionPrinter[] decisions = new DecisionPrinter[1];
        Narrator[] lines = new Narrator[1];
        // The cluster's builder makes the observers with the cluster's virtual clock (before the
        // cluster exists); keep them for the status server and the closing line below.
        this.cluster =
                DemoCluster.builder(
                                options.seed(),
                                clock -> {
                                    lines[0] = new Narrator(out, clock.instant());
                                    page[0] =
                                            new StatusPage(
                                                    clock,
                                                    StatusPageSettings.DEFAULTS
                                                            .withScaleDownUnneededTime(
                                                                    DemoCluster.UNNEEDED_TIME)
                                                            .withGroupOfNode(this::knownGroupOf));
                                    decisions[0] =
                                            new DecisionPrinter(
                                                    lines[0], this::groupOf, SUMMARY_EVERY);
                                    return List.of(page[0], decisions[0]);
                                })
                        // The page is made while the cluster starts, after the Kamatera client.
                        .apiCallListener(
                                new ApiCallListener() {
                                    @Override
                                    public void onCall(CallEvent event) {
                                        if (page[0] != null) {
                                            page[0].apiCalls().onCall(event);
                                        }
                                    }
                                })
                        .start();
        StatusServer server = null;
        try {
            this.narrator = lines[0];
            this.printer = decisions[0];
            this.origin = cluster.now();
            server = new StatusServer(options.address(), page[0].handler());
            this.statusServer = server;
            this.watch = new ClusterWatch(cluster, narrator);
            DemoCluster.addInitialServers(cluster);
            workload.addDisruptionBudgets(cluster);
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            }
            cluster.close();
            throw e;
        }
    }

    /**
     * Builds the demo cluster and serves its status page; the caller runs and closes it.
     *
     * @throws java.io.UncheckedIOException when the status page's address cannot be bound
     */
    public static Sandbox start(SandboxOptions options, PrintStream out) throws Exception {
        return new Sandbox(options, out);
    }

    /** A node's group for the status page; empty when the demo does not know the node. */
    private Optional<String> knownGroupOf(String node) {
        String group = groupOf(node);
        return "?".equals(group) ? Optional.empty() : Optional.of(group);
    }

    private String groupOf(String node) {
        return watch == null ? "?" : watch.groupOf(node);
    }

    /** The status page's URL. */
    public String statusUrl() {
        return statusServer.url();
    }

    /**
     * Runs the demo until its duration has passed or {@link #stop()} was called, printing the
     * header first and a closing line last.
     */
    public void run() {
        printHeader();
        watch.observe(cluster.now());
        Pacer pacer =
                new Pacer(
                        options.speed(),
                        System::nanoTime,
                        nanos -> stopRequested.await(nanos, TimeUnit.NANOSECONDS));
        long realStart = System.nanoTime();
        boolean stopped = false;
        while (elapsed().compareTo(options.duration()) < 0) {
            if (stopRequested.getCount() == 0) {
                stopped = true;
                break;
            }
            for (DemoWorkload.Change c : workload.applyDue(cluster, elapsed())) {
                narrator.line(
                        cluster.now(),
                        "workload",
                        c.workload().name()
                                + " -> "
                                + c.workload().replicas()
                                + (c.workload().replicas() == 1 ? " pod" : " pods"));
            }
            cluster.step();
            watch.observe(cluster.now());
            try {
                pacer.advanced(cluster.stepSize());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
                break;
            }
        }
        Duration real = Duration.ofNanos(System.nanoTime() - realStart);
        narrator.plain("");
        narrator.plain(
                (stopped ? "Stopped" : "Done")
                        + " after "
                        + Narrator.clock(elapsed())
                        + " of virtual time ("
                        + Narrator.clock(real)
                        + " real): "
                        + printer.scaleUps()
                        + " scale-up(s), "
                        + printer.scaleDowns()
                        + " scale-down(s). Final state: "
                        + printer.summary()
                        + ".");
    }

    private Duration elapsed() {
        return Duration.between(origin, cluster.now());
    }

    private void printHeader() {
        narrator.plain("kamatera-autoscaler sandbox: the real autoscaler on a virtual cluster.");
        narrator.plain(
                "Runs "
                        + Narrator.clock(options.duration())
                        + " of virtual time "
                        + (options.asFastAsPossible()
                                ? "as fast as it can"
                                : "at " + speed() + "x real time")
                        + " (seed "
                        + options.seed()
                        + "). Ctrl-C stops it.");
        narrator.plain("Status page: " + statusUrl());
        narrator.plain("");
        DemoCluster.describe().forEach(narrator::plain);
        narrator.plain("workload (Deployments; virtual time since the start):");
        workload.describe().forEach(narrator::plain);
        narrator.plain("");
    }

    private String speed() {
        double s = options.speed();
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }

    /** Asks {@link #run()} to end after the step under way; returns at once. */
    public void stop() {
        stopRequested.countDown();
    }

    /**
     * Waits until {@link #close()} has finished, at most {@code limit}.
     *
     * @return whether it finished
     */
    public boolean awaitClosed(Duration limit) throws InterruptedException {
        return closed.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the status page and the whole virtual cluster. */
    @Override
    public void close() {
        try {
            statusServer.close();
            cluster.close();
        } finally {
            closed.countDown();
        }
    }
}
