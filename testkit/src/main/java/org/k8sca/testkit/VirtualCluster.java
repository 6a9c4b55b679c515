package org.k8sca.testkit;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.loop.LoopObserver;
import org.k8sca.app.loop.LoopOutcome;
import org.k8sca.app.observe.EventsObserver;
import org.k8sca.app.run.AutoscalerAssembly;
import org.k8sca.kamatera.api.ApiCallListener;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.http.ClientOptions;
import org.k8sca.kamatera.api.http.KamateraHttpApi;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kamatera.provider.ProviderOptions;
import org.k8sca.kamatera.provider.ServerNames;
import org.k8sca.kamatera.sim.KamateraSimulator;
import org.k8sca.kamatera.sim.ManualClock;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Timings;
import org.k8sca.kamatera.sim.model.ServerSetup;
import org.k8sca.kube.events.AutoscalerEvents;
import org.k8sca.kube.events.EventRecorder;
import org.k8sca.kube.events.KubeEventSink;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.testing.Eventually;
import org.k8sca.kube.testing.MockApiServer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A whole virtual cluster on one {@link ManualClock}: the mock API server (PDB-aware evictions),
 * the Kamatera simulator, the virtual kubelet, scheduler, workload and disruption controllers, and
 * the real autoscaler built by the app's {@link AutoscalerAssembly}. Nothing sleeps on the clock:
 * {@link #step()} advances it and runs each part once, in the order a real cluster would react. The
 * only real waiting is for the autoscaler's informers to catch up with the API server, which is
 * bounded and not part of any assertion.
 */
public final class VirtualCluster implements AutoCloseable {
    /** The namespace of the autoscaler (status ConfigMap, priority expander). */
    public static final String NAMESPACE = "kube-system";

    private static final String CLIENT_ID = "testkit-id";
    private static final String SECRET = "testkit-secret";

    private final ManualClock manual;
    private final Clock clock;
    private final Duration stepSize;
    private final CloudConfig config;
    private final DecisionSettings settings;
    private final Duration kubeletDelay;
    private final MockApiServer api;
    private final KubernetesClient client;
    private final KamateraSimulator sim;
    private final Random serverNames;
    private final KamateraApi kamatera;
    private EventRecorder recorder;
    private AutoscalerAssembly assembly;
    private int restarts;
    private final ApiReader reader;
    private final VirtualKubelet kubelet;
    private final VirtualScheduler scheduler;
    private final WorkloadController workloads;
    private final DaemonSetController daemonSets;
    private final DisruptionController disruptions;
    private final PdbWatch pdbWatch;
    private final List<LoopOutcome> outcomes = new ArrayList<>();
    private final List<AutoscalerInstance> otherAutoscalers = new ArrayList<>();
    private BooleanSupplier primaryMayAct = () -> true;

    /** The other autoscaler that acted last, if it acted after the cluster's own. */
    private AutoscalerInstance lastActedOther;

    private volatile int steps;
    private final List<LoopObserver> extraObservers;

    private VirtualCluster(Builder b) throws Exception {
        this.manual = new ManualClock(b.start);
        this.clock = manual.withZone(ZoneOffset.UTC);
        this.extraObservers = List.copyOf(b.observers.apply(clock));
        this.stepSize = b.step;
        this.settings = b.settings;
        this.kubeletDelay = b.kubeletDelay;
        MockApiServer apiServer = new MockApiServer();
        KamateraSimulator simulator = null;
        try {
            apiServer.setPdbAware(true);
            simulator =
                    KamateraSimulator.builder()
                            .credentials(CLIENT_ID, SECRET)
                            .clock(manual)
                            .seed(b.seed)
                            .timings(
                                    new Timings()
                                            .pendingDelay(DurationRange.ZERO)
                                            .allDurations(DurationRange.fixed(b.commandDuration)))
                            .build()
                            .start();
            this.config =
                    CloudConfigLoader.parse(
                            cloudConfig(b, simulator.baseUrl()), "testkit.ini", Map.of());
        } catch (Exception | Error e) {
            apiServer.close();
            if (simulator != null) {
                simulator.close();
            }
            throw e;
        }
        this.api = apiServer;
        this.sim = simulator;
        this.client = api.client();
        this.kamatera =
                new KamateraHttpApi(
                        sim.baseUrl(),
                        CLIENT_ID,
                        SECRET,
                        ClientOptions.builder()
                                .clock(manual)
                                .sleeper(manual::advance)
                                .rateLimit(0, 1)
                                .attemptTimeout(Duration.ofSeconds(10))
                                .listener(b.apiCallListener)
                                .build());
        // One generator for the life of the cluster: a restarted autoscaler must not repeat names.
        this.serverNames = new Random(b.seed);
        this.reader = new ApiReader(client);
        this.kubelet = new VirtualKubelet(client, sim, config, kubeletDelay);
        this.scheduler = new VirtualScheduler(client, reader);
        this.workloads = new WorkloadController(client);
        this.daemonSets = new DaemonSetController(client);
        this.disruptions = new DisruptionController(client, reader);
        this.pdbWatch = new PdbWatch(client, api);
        startAutoscaler();
    }

    /**
     * Builds the autoscaler as {@code run} does (fresh in-memory state) and starts its informers.
     */
    private void startAutoscaler() {
        recorder =
                new EventRecorder(
                        new KubeEventSink(client, "testkit"),
                        clock,
                        false,
                        EventRecorder.DEFAULT_QUEUE_CAPACITY);
        AutoscalerEvents events =
                new AutoscalerEvents(recorder, NAMESPACE, "cluster-autoscaler-status");
        List<LoopObserver> observers = new ArrayList<>();
        observers.add(new EventsObserver(events, 0));
        observers.addAll(extraObservers);
        assembly =
                new AutoscalerAssembly(
                        settings,
                        NAMESPACE,
                        config,
                        kamatera,
                        providerOptions(),
                        client,
                        clock,
                        observers,
                        events);
        assembly.view().start(Duration.ofSeconds(20));
    }

    /**
     * Stops the autoscaler as a crash would (its in-flight drains, timers and caches are lost; what
     * it wrote to Kubernetes and Kamatera stays) and starts a new one on the same cluster.
     */
    public void restartAutoscaler() {
        assembly.close();
        recorder.close();
        restarts++;
        startAutoscaler();
    }

    /** How many times {@link #restartAutoscaler()} ran. */
    public int restarts() {
        return restarts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Advances the clock by one step, then runs, in order: the kubelet (servers → Nodes), the
     * DaemonSet controller, the scheduler, the workload controller, the disruption controller, one
     * autoscaler loop (after its informers caught up) and one actuator tick; then the turn of each
     * {@link #addAutoscaler added} autoscaler.
     */
    public void step() {
        manual.advance(stepSize);
        steps++;
        Instant now = clock.instant();
        kubelet.sync(now);
        daemonSets.reconcile(now);
        scheduler.schedule(now);
        workloads.reconcile(now);
        disruptions.sync();
        ClusterObjects before = reader.read();
        pdbWatch.observe(before);
        if (primaryMayAct.getAsBoolean()) {
            awaitViewCaughtUp(before);
            outcomes.add(assembly.loop().runOnce(now));
            assembly.actuator().tick(now);
            lastActedOther = null;
        }
        if (pdbWatch.evictionsPending()) {
            pdbWatch.observe(reader.read());
        }
        for (AutoscalerInstance other : List.copyOf(otherAutoscalers)) {
            offerTurn(other, now);
        }
    }

    /**
     * One step's turn of another autoscaler: when it may act, it acts on the cluster as the steps
     * before (and the instances before it in this step) left it.
     */
    private void offerTurn(AutoscalerInstance other, Instant now) {
        if (other.isClosed()) {
            return;
        }
        boolean acted = false;
        if (other.mayAct()) {
            awaitViewCaughtUp(other.assembly(), reader.read());
            if (other.mayAct()) {
                other.assembly().loop().runOnce(now);
                other.assembly().actuator().tick(now);
                lastActedOther = other;
                acted = true;
                if (pdbWatch.evictionsPending()) {
                    pdbWatch.observe(reader.read());
                }
            }
        }
        other.record(new AutoscalerInstance.Turn(steps, now, acted, other.mayAct()));
    }

    /**
     * Starts one more autoscaler process on this cluster (its own client, informers and in-memory
     * state; the same settings, cloud config and Kamatera account). From the next step on it takes
     * a turn after the cluster's own autoscaler, acting while {@code mayAct} holds. Closed with the
     * cluster, or earlier by the caller (a crash).
     */
    public AutoscalerInstance addAutoscaler(String name, BooleanSupplier mayAct) {
        AutoscalerInstance other = AutoscalerInstance.start(this, name, api.client(), mayAct);
        otherAutoscalers.add(other);
        return other;
    }

    /**
     * Lets the cluster's own autoscaler run its loop in a step only while {@code mayAct} holds
     * (always, by default); {@code () -> false} leaves the cluster to {@link #addAutoscaler}
     * instances.
     */
    public void gatePrimaryAutoscaler(BooleanSupplier mayAct) {
        primaryMayAct = Objects.requireNonNull(mayAct, "mayAct");
    }

    /** How many steps ran so far. */
    public int steps() {
        return steps;
    }

    /**
     * The assembly of the autoscaler that acted last (the cluster's own until another acts): whose
     * provider the invariant checker asks for target sizes and templates.
     */
    public AutoscalerAssembly lastActedAssembly() {
        return lastActedOther == null ? assembly : lastActedOther.assembly();
    }

    /** The cluster's clock in UTC, the one every part reads. */
    Clock clock() {
        return clock;
    }

    /**
     * Provider options as the cluster's own autoscaler gets them: the manual clock and server names
     * from the cluster's one generator.
     */
    ProviderOptions providerOptions() {
        return ProviderOptions.defaults()
                .withClock(manual)
                .withServerNames(
                        new ServerNames(
                                () -> new UUID(serverNames.nextLong(), serverNames.nextLong())));
    }

    /** Steps until {@code duration} of virtual time has passed. */
    public void run(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            step();
        }
    }

    /**
     * Steps until {@code condition} holds, at most {@code limit} of virtual time.
     *
     * @throws AssertionError naming {@code what} when it never held
     */
    public void runUntil(String what, BooleanSupplier condition, Duration limit) {
        Instant end = clock.instant().plus(limit);
        while (!condition.getAsBoolean()) {
            if (!clock.instant().isBefore(end)) {
                throw new AssertionError("after " + limit + " of virtual time, still not: " + what);
            }
            step();
        }
    }

    /** Creates or resizes a workload; its pods appear at the next step. */
    public void apply(Workload workload) {
        workloads.apply(workload, clock.instant());
    }

    /** Creates a DaemonSet; its pods appear on the nodes at the next step. */
    public void apply(DaemonSetWorkload daemonSet) {
        daemonSets.apply(daemonSet, clock.instant());
    }

    /** Creates a Job; its pods appear at the next step. */
    public void apply(JobWorkload job) {
        workloads.apply(job, clock.instant());
    }

    /** The controller of the workloads and Jobs (e.g. how many pods of a Job succeeded). */
    public WorkloadController workloads() {
        return workloads;
    }

    /**
     * Puts a running server of {@code group} in the Kamatera account, as if it had been created
     * earlier; its Node registers after the kubelet's delay.
     */
    public void addServer(String name, String group) {
        sim.addServer(
                ServerSetup.named(name)
                        .power("on")
                        .tags(config.nodeGroups().get(group).tags().toArray(String[]::new)));
    }

    /**
     * A policy/v1 PDB over {@code workload}'s pods that allows {@code maxUnavailable} of them down.
     */
    public void addDisruptionBudget(Workload workload, int maxUnavailable) {
        client.policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(workload.namespace())
                .resource(
                        new PodDisruptionBudgetBuilder()
                                .withNewMetadata()
                                .withName(workload.name())
                                .withNamespace(workload.namespace())
                                .withCreationTimestamp(now().toString())
                                .endMetadata()
                                .withNewSpec()
                                .withMaxUnavailable(new IntOrString(maxUnavailable))
                                .withNewSelector()
                                .withMatchLabels(workload.podLabels())
                                .endSelector()
                                .endSpec()
                                .build())
                .create();
    }

    /** Every Event written so far (the recorder is flushed first). */
    public List<Event> events() {
        try {
            recorder.flush(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while flushing events", e);
        }
        return client.v1().events().inAnyNamespace().list().getItems();
    }

    /** The names of the current Node objects. */
    public Set<String> nodeNames() {
        Set<String> names = new HashSet<>();
        client.nodes().list().getItems().forEach(n -> names.add(n.getMetadata().getName()));
        return names;
    }

    /** Nodes, pods and PDBs as the API server holds them now. */
    public ClusterObjects objects() {
        return reader.read();
    }

    /** The pods that are neither bound nor finished. */
    public List<ObservedPod> pendingPods() {
        return objects().pods().stream()
                .filter(
                        p ->
                                !p.state().placed()
                                        && p.state()
                                                != org.k8sca.kube.objects.SchedulingState.FINISHED)
                .toList();
    }

    /** Runs the {@link InvariantChecker} and returns what it found broken (empty when all hold). */
    public List<String> invariantViolations() {
        return new InvariantChecker(this).violations();
    }

    public Instant now() {
        return clock.instant();
    }

    public ManualClock manualClock() {
        return manual;
    }

    public KubernetesClient client() {
        return client;
    }

    public MockApiServer apiServer() {
        return api;
    }

    public KamateraSimulator simulator() {
        return sim;
    }

    /**
     * A Kamatera client on the simulator, the one the autoscaler uses: for a scenario acting as an
     * operator (power a server off by hand, terminate one behind the autoscaler's back).
     */
    public KamateraApi kamateraApi() {
        return kamatera;
    }

    public AutoscalerAssembly assembly() {
        return assembly;
    }

    public CloudConfig cloudConfig() {
        return config;
    }

    public DecisionSettings settings() {
        return settings;
    }

    public Duration stepSize() {
        return stepSize;
    }

    public Duration kubeletDelay() {
        return kubeletDelay;
    }

    public VirtualKubelet kubelet() {
        return kubelet;
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    /** Every PDB breach seen after any step so far. */
    public List<String> pdbBreaches() {
        return pdbWatch.breaches();
    }

    /** What every loop returned, in order. */
    public List<LoopOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    @Override
    public void close() {
        otherAutoscalers.forEach(AutoscalerInstance::close);
        assembly.close();
        recorder.close();
        client.close();
        api.close();
        sim.close();
    }

    private static String cloudConfig(Builder b, String url) {
        StringBuilder ini =
                new StringBuilder(
                        """
                        [global]
                        kamatera-api-client-id=%s
                        kamatera-api-secret=%s
                        kamatera-api-url=%s
                        cluster-name=%s
                        min-refresh-interval=%s
                        default-datacenter=EU
                        default-image=ubuntu_server_24.04_64-bit
                        default-cpu=2B
                        default-ram=4096
                        default-disk=size=20
                        default-network=name=wan,ip=auto
                        default-script-base64=%s
                        """
                                .formatted(
                                        CLIENT_ID,
                                        SECRET,
                                        url,
                                        b.clusterName,
                                        b.minRefreshInterval,
                                        Base64.getEncoder()
                                                .encodeToString(
                                                        "#!/bin/sh\necho join\n"
                                                                .getBytes(
                                                                        StandardCharsets.UTF_8))));
        b.groups.forEach(
                (name, body) ->
                        ini.append("[nodegroup \"").append(name).append("\"]\n").append(body));
        return ini.toString();
    }

    /** Options of a {@link VirtualCluster}; every one has a default fit for fast scenarios. */
    public static final class Builder {
        // A little after the real time: objects the mock stamps with the real time are then in the
        // past.
        private Instant start = Instant.now().plusSeconds(60);
        private Duration step = Duration.ofSeconds(10);
        private Duration kubeletDelay = Duration.ofSeconds(30);
        private Duration commandDuration = Duration.ofSeconds(30);
        private DecisionSettings settings = DecisionSettings.DEFAULTS;
        private String clusterName = "c1";
        private String minRefreshInterval = "0s";
        private long seed = 1;
        private Function<Clock, List<? extends LoopObserver>> observers = c -> List.of();
        private ApiCallListener apiCallListener = ApiCallListener.NONE;
        private final Map<String, String> groups = new LinkedHashMap<>();

        private Builder() {}

        /**
         * A node group: {@code [nodegroup "name"]} with min and max size and any further cloud
         * config lines (e.g. {@code cpu=4B}, {@code template-label=...}), one per element.
         */
        public Builder nodeGroup(String name, int minSize, int maxSize, String... moreLines) {
            StringBuilder body =
                    new StringBuilder(
                            "name-prefix="
                                    + name
                                    + "\nmin-size="
                                    + minSize
                                    + "\nmax-size="
                                    + maxSize
                                    + "\n");
            for (String line : moreLines) {
                body.append(line).append('\n');
            }
            groups.put(name, body.toString());
            return this;
        }

        /** How far the clock moves per {@link VirtualCluster#step()} (default 10 s). */
        public Builder step(Duration v) {
            step = Objects.requireNonNull(v, "step");
            return this;
        }

        /** How long a powered-on server takes to register its Node (default 30 s). */
        public Builder kubeletDelay(Duration v) {
            kubeletDelay = Objects.requireNonNull(v, "kubeletDelay");
            return this;
        }

        /** How long every Kamatera command (create, power, terminate) runs (default 30 s). */
        public Builder commandDuration(Duration v) {
            commandDuration = Objects.requireNonNull(v, "commandDuration");
            return this;
        }

        /** The autoscaler's settings (default: upstream's defaults). */
        public Builder settings(DecisionSettings v) {
            settings = Objects.requireNonNull(v, "settings");
            return this;
        }

        /**
         * The cloud config's {@code min-refresh-interval} (default {@code 0s}: every loop lists the
         * servers); e.g. {@code 30s}, the autoscaler's own default, to count API calls as a real
         * deployment makes them.
         */
        public Builder minRefreshInterval(String v) {
            minRefreshInterval = Objects.requireNonNull(v, "minRefreshInterval");
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /**
         * More loop observers for the autoscaler, after its events observer (e.g. the status page
         * or a decision printer). {@code factory} is called once, with the cluster's virtual clock;
         * the observers it returns survive {@link VirtualCluster#restartAutoscaler()}.
         */
        public Builder observers(Function<Clock, List<? extends LoopObserver>> factory) {
            observers = Objects.requireNonNull(factory, "observers");
            return this;
        }

        /**
         * Told about every call of the autoscaler's Kamatera client (e.g. the status page's API
         * section); default: nobody.
         */
        public Builder apiCallListener(ApiCallListener v) {
            apiCallListener = Objects.requireNonNull(v, "apiCallListener");
            return this;
        }

        /** Starts everything; the caller closes it. */
        public VirtualCluster start() throws Exception {
            if (groups.isEmpty()) {
                throw new IllegalStateException("a virtual cluster needs at least one node group");
            }
            return new VirtualCluster(this);
        }
    }

    /**
     * Waits (in real time, bounded) until the autoscaler's informers show what the API server
     * holds.
     */
    private void awaitViewCaughtUp(ClusterObjects apiServer) {
        awaitViewCaughtUp(assembly, apiServer);
    }

    private static void awaitViewCaughtUp(AutoscalerAssembly autoscaler, ClusterObjects apiServer) {
        String expected = Fingerprint.of(apiServer);
        Eventually.await(
                "the autoscaler's view catches up with the API server",
                () -> expected.equals(Fingerprint.of(autoscaler.view().snapshotOf())));
    }
}
