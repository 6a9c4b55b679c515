package org.k8sca.app.run;

import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.app.ExitCodes;
import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.flags.RunOptions;
import org.k8sca.app.loop.ActuatorTicker;
import org.k8sca.app.loop.LoopScheduler;
import org.k8sca.app.loop.WakeSignal;
import org.k8sca.app.observe.Observability;
import org.k8sca.app.snapshot.LiveSnapshot;
import org.k8sca.app.snapshot.ServerListRecorder;
import org.k8sca.app.validate.ProblemLines;
import org.k8sca.kamatera.api.http.ClientOptions;
import org.k8sca.kamatera.api.http.KamateraHttpApi;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kamatera.config.ConfigProblem;
import org.k8sca.kamatera.config.InvalidCloudConfigException;
import org.k8sca.kamatera.provider.ProviderOptions;
import org.k8sca.kube.client.KubeClientSettings;
import org.k8sca.kube.client.KubeClients;
import org.k8sca.kube.election.LeaderElection;
import org.k8sca.kube.election.LeaseSettings;
import org.k8sca.kube.view.ClusterViewException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The {@code run} process: loads the cloud config (exit 1 with its problems when invalid), builds
 * the Kubernetes client, starts {@link Observability} (the HTTP server on {@code --address},
 * metrics, events, status ConfigMap), builds the Kamatera client (its calls counted in the metrics)
 * and the provider, starts the view and waits for it to sync, competes for the Lease (unless {@code
 * --leader-elect=false}), and while leading writes the status ConfigMap as {@code Initializing} and
 * runs the loop on the calling thread and the actuator on its own. SIGTERM stops the loop, deletes
 * the status ConfigMap, releases the Lease, flushes the events and exits 0; losing the Lease exits
 * 1 (leaving the ConfigMap to the new leader), since another replica may already act.
 */
public final class RunService {
    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    /** How long the informers may take to list everything at start-up. */
    static final Duration SYNC_TIMEOUT = Duration.ofMinutes(2);

    /**
     * How long SIGTERM waits for the loop to finish, the status ConfigMap to be deleted, the Lease
     * to be released and the events to be flushed; within Kubernetes' default 30 s grace period.
     */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(25);

    private final RunOptions options;
    private final Map<String, String> env;
    private final PrintStream err;

    // Written by the election and shutdown threads, or read by them and by tests.
    private final CountDownLatch leading = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile LoopScheduler scheduler;
    private volatile Observability observability;
    private volatile boolean stopping;
    private volatile boolean lost;

    /**
     * @param env the process environment: {@code KAMATERA_API_CLIENT_ID} and {@code
     *     KAMATERA_API_SECRET} override the file's credentials
     * @param err receives the cloud config's problems and start-up failures
     */
    public RunService(RunOptions options, Map<String, String> env, PrintStream err) {
        this.options = Objects.requireNonNull(options, "options");
        this.env = Map.copyOf(env);
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Runs until SIGTERM or loss of the Lease; returns the exit status. */
    public int run() {
        try {
            return loadAndRun();
        } finally {
            // Only now is everything stopped and closed: the shutdown hook waits for this.
            done.countDown();
        }
    }

    private int loadAndRun() {
        if (options.cloudConfig().isEmpty()) {
            err.println(
                    "run: --cloud-config is required: the path of the Kamatera cloud config file");
            return ExitCodes.USAGE;
        }
        CloudConfig config;
        try {
            config = CloudConfigLoader.load(Path.of(options.cloudConfig()), env);
        } catch (IOException e) {
            err.println(
                    "run: cannot read --cloud-config "
                            + options.cloudConfig()
                            + ": "
                            + e.getMessage());
            return ExitCodes.USAGE;
        } catch (InvalidCloudConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                err.println(ProblemLines.error(options.cloudConfig(), problem));
            }
            err.println(
                    "run: the cloud config "
                            + options.cloudConfig()
                            + " is invalid ("
                            + e.problems().size()
                            + " problem(s)); nothing was started");
            return ExitCodes.INVALID_INPUT;
        }
        for (ConfigProblem warning : config.warnings()) {
            err.println(ProblemLines.warning(options.cloudConfig(), warning));
        }
        err.flush();

        Clock clock = Clock.systemUTC();
        DecisionSettings settings;
        try {
            settings = DecisionSettings.from(options, System.nanoTime());
        } catch (IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        RunOptions.Kubernetes kube = options.kubernetes();
        KubernetesClient client;
        try {
            client =
                    KubeClients.create(
                            new KubeClientSettings(
                                    kube.kubeconfig(),
                                    kube.kubeClientQps(),
                                    kube.kubeClientBurst(),
                                    KubeClientSettings.DEFAULTS.requestRetryLimit(),
                                    KubeClientSettings.DEFAULTS.requestTimeout(),
                                    kube.kubernetesMaster()));
        } catch (IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (client) {
            return runWithClient(config, settings, client, clock);
        }
    }

    private int runWithClient(
            CloudConfig config, DecisionSettings settings, KubernetesClient client, Clock clock) {
        // Observability comes first, as the assembly needs its observers and events; the status
        // ConfigMap's per-group candidate count needs the assembly in turn, so it looks it up when
        // asked (the first loop runs after the assembly exists).
        AtomicReference<AutoscalerAssembly> assembled = new AtomicReference<>();
        Function<String, Optional<String>> groupOfNode =
                node -> Optional.ofNullable(assembled.get()).flatMap(a -> a.nodeGroupOf(node));
        Observability observability;
        try {
            observability = Observability.start(options, client, clock, hostName(), groupOfNode);
        } catch (IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (UncheckedIOException e) {
            err.println("run: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        try (observability) {
            this.observability = observability;
            LOG.info(
                    "Serving /metrics, /health-check and /status on {}",
                    observability.server().address());
            // The recorder remembers the servers the provider last listed, for /snapshot.
            ServerListRecorder api =
                    new ServerListRecorder(
                            new KamateraHttpApi(
                                    config.apiUrl(),
                                    config.apiClientId(),
                                    config.apiSecret(),
                                    ClientOptions.builder()
                                            .listener(observability.kamateraApiListener())
                                            .build()));
            try (AutoscalerAssembly assembly =
                    new AutoscalerAssembly(
                            settings,
                            options.kubernetes().namespace(),
                            config,
                            api,
                            ProviderOptions.defaults(),
                            client,
                            clock,
                            observability.observers(),
                            observability.events(),
                            observability.actuationMetrics())) {
                assembled.set(assembly);
                observability.serveSnapshots(
                        () ->
                                LiveSnapshot.json(
                                        clock.instant(),
                                        assembly.view().sourceObjects(),
                                        api.servers()));
                return runAssembled(assembly, observability, client, clock);
            }
        }
    }

    private int runAssembled(
            AutoscalerAssembly assembly,
            Observability observability,
            KubernetesClient client,
            Clock clock) {
        WakeSignal signal = WakeSignal.monotonic();
        LoopScheduler loopScheduler =
                new LoopScheduler(
                        assembly.loop()::runOnce,
                        clock,
                        signal,
                        options.loop().scanInterval(),
                        options.loop().frequentLoopsEnabled());
        scheduler = loopScheduler;
        assembly.view().addUnschedulablePodListener(pod -> loopScheduler.wakeUp());
        try {
            assembly.view().start(SYNC_TIMEOUT);
        } catch (ClusterViewException e) {
            err.println("run: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }

        LeaderElection election = null;
        if (options.leaderElection().enabled()) {
            election = new LeaderElection(client, leaseSettings());
            election.start(
                    leading::countDown,
                    () -> {
                        lost = true;
                        leading.countDown();
                        loopScheduler.stop();
                    });
        } else {
            leading.countDown();
        }
        Thread hook =
                new Thread(
                        () -> {
                            LOG.info("Received termination signal, stopping");
                            stop();
                            try {
                                done.await(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            leading.await();
            if (!stopping && !lost) {
                observability.writeInitializingStatus(clock.instant());
                LOG.info(
                        "Starting the autoscaler loop (scan interval {})",
                        options.loop().scanInterval());
                try (ActuatorTicker ticker = new ActuatorTicker(assembly.actuator(), clock)) {
                    loopScheduler.run();
                }
                if (!lost) {
                    // Upstream deletes it on SIGTERM. Done while still holding the Lease, so that
                    // the ConfigMap of a new leader is never the one deleted.
                    observability.deleteStatus();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (election != null) {
                election.stop();
            }
            removeHook(hook);
        }
        if (lost) {
            LOG.error("Lost the leader lease; exiting so that the new leader acts alone");
            return ExitCodes.INVALID_INPUT;
        }
        return ExitCodes.OK;
    }

    /**
     * Where {@code /metrics} and {@code /health-check} are served, once {@link #run()} has started
     * the HTTP server (the actual port when {@code --address} asked for port 0).
     */
    public Optional<InetSocketAddress> httpAddress() {
        Observability o = observability;
        return o == null ? Optional.empty() : Optional.of(o.server().address());
    }

    /**
     * Stops the run as SIGTERM does: the current loop finishes, then {@link #run()} releases the
     * Lease and returns 0.
     */
    public void stop() {
        stopping = true;
        LoopScheduler s = scheduler;
        if (s != null) {
            s.stop();
        }
        leading.countDown();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: the JVM is stopping anyway.
        }
    }

    private LeaseSettings leaseSettings() {
        RunOptions.LeaderElection le = options.leaderElection();
        String namespace =
                le.resourceNamespace().isEmpty()
                        ? options.kubernetes().namespace()
                        : le.resourceNamespace();
        return new LeaseSettings(
                namespace,
                le.resourceName(),
                LeaseSettings.identity(hostName()),
                le.leaseDuration(),
                le.renewDeadline(),
                le.retryPeriod());
    }

    /**
     * This replica's name (the pod name in Kubernetes): the Lease identity's base and events'
     * source host.
     */
    private String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return env.getOrDefault("HOSTNAME", "");
        }
    }
}
