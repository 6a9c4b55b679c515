package org.k8sca.kamatera.provider;

import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.InstanceState;
import org.k8sca.core.model.Node;
import org.k8sca.core.resources.Resources;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.http.ClientOptions;
import org.k8sca.kamatera.api.http.KamateraHttpApi;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kamatera.sim.KamateraSimulator;
import org.k8sca.kamatera.sim.ManualClock;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Timings;
import org.k8sca.kamatera.sim.model.ServerSetup;
import org.k8sca.kamatera.sim.model.ServerState;
import org.k8sca.kamatera.sim.model.ServerView;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The provider against the in-process simulator over HTTP on 127.0.0.1, with one manual clock
 * shared by simulator, client and provider: commands take {@link #COMMAND_SECONDS}, the client's
 * backoff sleeps advance the clock, nothing sleeps for real.
 */
final class ProviderHarness implements AutoCloseable {
    static final String CLIENT_ID = "provider-test-id";
    static final String SECRET = "provider-test-secret";
    static final String CLUSTER = "c1";
    static final long COMMAND_SECONDS = 30;
    static final String SCRIPT = "#!/bin/bash\necho join-token-xyz\n";

    final ManualClock clock = new ManualClock();
    final KamateraSimulator sim;
    final KamateraApi api;
    final FakeNodeMetadata nodeMetadata = new FakeNodeMetadata();
    final CloudConfig config;
    final InFlightCreateStore createStore;
    final long seed;
    KamateraCloudProvider provider;

    /**
     * @param nodeGroups the {@code [nodegroup]} sections (and any extra [global] lines before them)
     */
    ProviderHarness(String extraGlobal, String nodeGroups, long seed) {
        this(extraGlobal, nodeGroups, seed, InFlightCreateStore.inMemory());
    }

    ProviderHarness(
            String extraGlobal, String nodeGroups, long seed, InFlightCreateStore createStore) {
        this.createStore = createStore;
        this.seed = seed;
        Timings timings =
                new Timings()
                        .pendingDelay(DurationRange.ZERO)
                        .allDurations(DurationRange.fixed(Duration.ofSeconds(COMMAND_SECONDS)));
        sim =
                KamateraSimulator.builder()
                        .credentials(CLIENT_ID, SECRET)
                        .clock(clock)
                        .seed(seed)
                        .timings(timings)
                        .build()
                        .start();
        ClientOptions options =
                ClientOptions.builder()
                        .clock(clock)
                        .sleeper(clock::advance)
                        .rateLimit(0, 1)
                        .attemptTimeout(Duration.ofSeconds(10))
                        .build();
        api = new KamateraHttpApi(sim.baseUrl(), CLIENT_ID, SECRET, options);
        String ini =
                """
                [global]
                kamatera-api-client-id=%s
                kamatera-api-secret=%s
                kamatera-api-url=%s
                cluster-name=%s
                default-datacenter=EU
                default-image=ubuntu_server_24.04_64-bit
                default-cpu=2B
                default-ram=4096
                default-disk=size=20
                default-network=name=wan,ip=auto
                default-script-base64=%s
                %s
                %s
                """
                        .formatted(
                                CLIENT_ID,
                                SECRET,
                                sim.baseUrl(),
                                CLUSTER,
                                Base64.getEncoder()
                                        .encodeToString(SCRIPT.getBytes(StandardCharsets.UTF_8)),
                                extraGlobal,
                                nodeGroups);
        try {
            config = CloudConfigLoader.parse(ini, "test.ini", Map.of());
        } catch (Exception e) {
            sim.close();
            throw new IllegalStateException("test config is invalid: " + e, e);
        }
        provider = newProvider(api, seed);
    }

    private KamateraCloudProvider newProvider(KamateraApi client, long nameSeed) {
        return new KamateraCloudProvider(
                config, client, providerOptions(nameSeed), nodeMetadata, createStore);
    }

    private ProviderOptions providerOptions(long nameSeed) {
        Random names = new Random(nameSeed);
        return ProviderOptions.defaults()
                .withClock(clock)
                .withServerNames(
                        new ServerNames(() -> new UUID(names.nextLong(), names.nextLong())));
    }

    /**
     * Replaces the provider by a new one, started as a restarted autoscaler starts it (the import,
     * then refreshes): a new API client (it knows no recent command), other server names, the same
     * create store.
     */
    void restartProvider() {
        ClientOptions options =
                ClientOptions.builder()
                        .clock(clock)
                        .sleeper(clock::advance)
                        .rateLimit(0, 1)
                        .attemptTimeout(Duration.ofSeconds(10))
                        .build();
        provider =
                KamateraCloudProvider.start(
                        config,
                        new KamateraHttpApi(sim.baseUrl(), CLIENT_ID, SECRET, options),
                        providerOptions(seed + 1),
                        nodeMetadata,
                        createStore);
    }

    /** Every refresh lists servers (min-refresh-interval=0s). */
    static ProviderHarness start(String nodeGroups) {
        return new ProviderHarness("min-refresh-interval=0s", nodeGroups, 1);
    }

    KamateraNodeGroup group(String name) {
        return provider.nodeGroup(name).orElseThrow();
    }

    void addServer(String name, String power, String... tags) {
        sim.addServer(ServerSetup.named(name).power(power).tags(tags));
    }

    static String[] tagsOf(String group) {
        return new String[] {"k8sca-" + CLUSTER, "k8scang-" + group};
    }

    /** Lets the commands in flight finish and refreshes. */
    void completeCommands() {
        clock.advanceSeconds(COMMAND_SECONDS + 1);
        provider.refresh();
    }

    void refresh() {
        provider.refresh();
    }

    /** Refreshes until nothing changes any more (at most 20 rounds of command time). */
    void settle() {
        for (int i = 0; i < 20; i++) {
            completeCommands();
        }
    }

    static Node node(String serverName) {
        return Node.builder(serverName)
                .providerId("kamatera://" + serverName)
                .allocatable(Resources.ZERO)
                .build();
    }

    static Node nodeWithoutProviderId(String serverName) {
        return Node.builder(serverName).allocatable(Resources.ZERO).build();
    }

    List<String> instanceIds(String group, InstanceState state) {
        List<String> ids = new ArrayList<>();
        for (Instance instance : group(group).nodes()) {
            if (instance.state() == state) {
                ids.add(instance.id());
            }
        }
        return ids;
    }

    Instance instance(String group, String serverName) {
        return group(group).nodes().stream()
                .filter(i -> i.id().equals("kamatera://" + serverName))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no instance for "
                                                + serverName
                                                + " in "
                                                + group(group).nodes()));
    }

    /** Names of servers the simulator still has (not terminated). */
    List<String> liveServers() {
        return sim.servers().stream()
                .filter(s -> s.state() != ServerState.TERMINATED)
                .map(ServerView::name)
                .sorted()
                .toList();
    }

    ServerView server(String name) {
        return sim.server(name).orElseThrow();
    }

    int requests(Endpoint endpoint) {
        return sim.requestCount(endpoint);
    }

    @Override
    public void close() {
        sim.close();
    }
}
