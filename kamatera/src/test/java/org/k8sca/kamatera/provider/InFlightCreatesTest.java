package org.k8sca.kamatera.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.InstanceState;
import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.CreateFailureMode;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The creates in flight survive a restart: the provider saves each create before sending it,
 * resumes saved creates at its first refresh (so no second server is made), and forgets them when
 * their server is listed, when they definitely failed, or after the provision time.
 */
class InFlightCreatesTest {

    private static final String NG1 =
            """
            [nodegroup "ng1"]
            name-prefix=ng1
            min-size=0
            max-size=10
            """;

    private ProviderHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static ProviderHarness start(InFlightCreateStore store) {
        return new ProviderHarness("min-refresh-interval=0s", NG1, 1, store);
    }

    @Test
    void theCreateIsSavedBeforeItIsSentAndForgottenOnceTheServerIsListed() {
        List<Integer> createsSentAtSave = new ArrayList<>();
        List<List<InFlightCreate>> saves = new ArrayList<>();
        InFlightCreateStore inner = InFlightCreateStore.inMemory();
        InFlightCreateStore spy =
                new InFlightCreateStore() {
                    @Override
                    public List<InFlightCreate> load() {
                        return inner.load();
                    }

                    @Override
                    public void save(List<InFlightCreate> creates) {
                        createsSentAtSave.add(h.requests(Endpoint.CREATE_SERVER));
                        saves.add(creates);
                        inner.save(creates);
                    }
                };
        h = start(spy);
        h.refresh();
        h.group("ng1").increaseSize(2);

        assertThat(saves).as("one save before the creates, one with their command ids").hasSize(2);
        assertThat(createsSentAtSave.get(0)).as("creates sent at the first save").isZero();
        assertThat(saves.get(0)).hasSize(2).allMatch(c -> c.commandId().isEmpty());
        assertThat(saves.get(1)).hasSize(2).allMatch(c -> c.commandId().isPresent());
        assertThat(saves.get(1))
                .extracting(InFlightCreate::serverName)
                .containsExactlyElementsOf(
                        saves.get(0).stream().map(InFlightCreate::serverName).toList());
        assertThat(saves.get(1)).allMatch(c -> c.group().equals("ng1"));

        h.completeCommands(); // the command completes; the server is listed at the next listing
        h.refresh();
        assertThat(h.group("ng1").nodes()).allMatch(i -> i.state() == InstanceState.RUNNING);
        assertThat(inner.load()).isEmpty();
    }

    @Test
    void aRestartedProviderResumesTheCreateAndMakesNoSecondServer() {
        h = start(InFlightCreateStore.inMemory());
        h.refresh();
        h.group("ng1").increaseSize(1);
        String name = h.createStore.load().get(0).serverName();
        h.clock.advanceSeconds(10);

        h.restartProvider();
        h.refresh();

        assertThat(h.group("ng1").targetSize()).isEqualTo(1);
        Instance resumed = h.instance("ng1", name);
        assertThat(resumed.state()).isEqualTo(InstanceState.CREATING);
        assertThat(resumed.hasError()).isFalse();

        h.settle();
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(1);
        assertThat(h.liveServers()).containsExactly(name);
        assertThat(h.instance("ng1", name).state()).isEqualTo(InstanceState.RUNNING);
        assertThat(h.createStore.load()).isEmpty();
    }

    @Test
    void aRestartAfterAnAmbiguousCreateWaitsForTheServerUnderItsName() {
        h = start(InFlightCreateStore.inMemory());
        h.sim.faults().createAcceptedButErrored(CreateFailureMode.HTTP_500, 1.0);
        h.refresh();
        h.group("ng1").increaseSize(1);
        h.sim.faults().createAcceptedButErrored(CreateFailureMode.HTTP_500, 0);
        List<InFlightCreate> saved = h.createStore.load();
        assertThat(saved).singleElement().satisfies(c -> assertThat(c.commandId()).isEmpty());

        h.restartProvider();
        h.refresh();
        assertThat(h.group("ng1").targetSize()).isEqualTo(1);
        h.settle();

        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(1);
        assertThat(h.liveServers()).containsExactly(saved.get(0).serverName());
        assertThat(h.instance("ng1", saved.get(0).serverName()).state())
                .isEqualTo(InstanceState.RUNNING);
    }

    @Test
    void aCreateThatFailedIsNoLongerInFlight() {
        h = start(InFlightCreateStore.inMemory());
        h.sim.faults().failNextCommands(CommandKind.CREATE, 1, "error", "no capacity (117)");
        h.refresh();
        h.group("ng1").increaseSize(1);
        assertThat(h.createStore.load()).hasSize(1);

        h.completeCommands();

        assertThat(h.group("ng1").nodes())
                .singleElement()
                .satisfies(i -> assertThat(i.hasError()).isTrue());
        assertThat(h.createStore.load()).isEmpty();
        h.restartProvider();
        h.refresh();
        assertThat(h.group("ng1").targetSize()).isZero();
    }

    @Test
    void aSavedCreateOlderThanTheProvisionTimeIsGivenUp() {
        h = start(InFlightCreateStore.inMemory());
        Instant longAgo = h.clock.instant().minus(KamateraNodeGroup.MAX_NODE_PROVISION_TIME);
        h.createStore.save(
                List.of(new InFlightCreate("ng1-00000000old", "ng1", longAgo, Optional.of("1"))));

        h.refresh();

        assertThat(h.group("ng1").targetSize()).isZero();
        assertThat(h.createStore.load()).isEmpty();
        assertThat(h.requests(Endpoint.QUEUE)).isZero();
    }

    @Test
    void aSavedCreateOfAGroupNotInTheConfigIsForgotten() {
        h = start(InFlightCreateStore.inMemory());
        h.createStore.save(
                List.of(
                        new InFlightCreate(
                                "gone-000000000", "gone", h.clock.instant(), Optional.empty())));

        h.refresh();

        assertThat(h.group("ng1").targetSize()).isZero();
        assertThat(h.createStore.load()).isEmpty();
    }

    /**
     * A saved command the queue does not know (404 for a command the new client never issued): the
     * server may exist, so it is waited for by name instead of being reported failed at once.
     */
    @Test
    void aResumedCommandTheQueueDoesNotKnowIsWaitedForByName() {
        h = start(InFlightCreateStore.inMemory());
        h.createStore.save(
                List.of(
                        new InFlightCreate(
                                "ng1-0000000late",
                                "ng1",
                                h.clock.instant(),
                                Optional.of("424242"))));
        h.refresh();
        Instance waiting = h.instance("ng1", "ng1-0000000late");
        assertThat(waiting.state()).isEqualTo(InstanceState.CREATING);
        assertThat(waiting.hasError()).isFalse();

        h.addServer("ng1-0000000late", "on", ProviderHarness.tagsOf("ng1"));
        h.refresh();

        assertThat(h.instance("ng1", "ng1-0000000late").state()).isEqualTo(InstanceState.RUNNING);
        assertThat(h.createStore.load()).isEmpty();
    }

    /**
     * Found by the testkit's queue-404 scenario: a create whose command the queue still answers 404
     * for after the client's grace was reported failed, the core fell back to another group, and
     * the first server appeared anyway (a duplicate). It is now waited for by name.
     */
    @Test
    void aCreateCommandStillUnknownToTheQueueAfterTheClientsGraceIsNotAFailure() {
        h = start(InFlightCreateStore.inMemory());
        h.sim.timings().duration(CommandKind.CREATE, DurationRange.fixed(Duration.ofMinutes(4)));
        h.sim.faults().queue404Window(Duration.ofMinutes(3));
        h.refresh();
        h.group("ng1").increaseSize(1);

        h.clock.advance(Duration.ofSeconds(150));
        h.refresh();
        assertThat(h.group("ng1").nodes())
                .singleElement()
                .satisfies(
                        i -> {
                            assertThat(i.state()).isEqualTo(InstanceState.CREATING);
                            assertThat(i.hasError()).as("error: %s", i.error()).isFalse();
                        });
        assertThat(h.createStore.load()).as("still in flight").hasSize(1);

        h.clock.advance(Duration.ofMinutes(2));
        h.refresh();
        assertThat(h.group("ng1").nodes())
                .singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(InstanceState.RUNNING));
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(1);
    }

    @Test
    void aResumedCreateWhoseServerNeverAppearsIsReportedFailedAfterTheGrace() {
        h = start(InFlightCreateStore.inMemory());
        h.createStore.save(
                List.of(
                        new InFlightCreate(
                                "ng1-00000never", "ng1", h.clock.instant(), Optional.empty())));
        h.refresh();
        assertThat(h.group("ng1").targetSize()).isEqualTo(1);

        h.clock.advance(Duration.ofMinutes(16));
        h.refresh();

        assertThat(h.instance("ng1", "ng1-00000never").error().code())
                .isEqualTo(InstanceErrors.CREATE_UNCONFIRMED);
        assertThat(h.createStore.load()).isEmpty();
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isZero();
    }

    @Test
    void anUnreadableStoreStopsTheRefreshAndNothingIsCreatedUntilItIsRead() {
        AtomicBoolean broken = new AtomicBoolean(true);
        InFlightCreateStore inner = InFlightCreateStore.inMemory();
        InFlightCreateStore flaky =
                new InFlightCreateStore() {
                    @Override
                    public List<InFlightCreate> load() {
                        if (broken.get()) {
                            throw new IllegalStateException("configmaps is forbidden");
                        }
                        return inner.load();
                    }

                    @Override
                    public void save(List<InFlightCreate> creates) {
                        inner.save(creates);
                    }
                };
        h = start(flaky);

        assertThatThrownBy(h::refresh)
                .isInstanceOf(CloudProviderException.class)
                .hasMessageContaining("configmaps is forbidden");
        assertThatThrownBy(() -> h.group("ng1").increaseSize(1))
                .isInstanceOf(CloudProviderException.class);
        assertThat(h.requests(Endpoint.LIST_SERVERS)).isZero();
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isZero();

        broken.set(false);
        h.refresh();
        h.group("ng1").increaseSize(1);
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(1);
        assertThat(inner.load()).hasSize(1);
    }

    @Test
    void aStoreReadableOnlyAtTheScaleUpStillCountsTheSavedCreatesAgainstTheMaximum() {
        AtomicBoolean broken = new AtomicBoolean(false);
        InFlightCreateStore inner = InFlightCreateStore.inMemory();
        InFlightCreateStore flaky =
                new InFlightCreateStore() {
                    @Override
                    public List<InFlightCreate> load() {
                        if (broken.get()) {
                            throw new IllegalStateException("configmaps is forbidden");
                        }
                        return inner.load();
                    }

                    @Override
                    public void save(List<InFlightCreate> creates) {
                        inner.save(creates);
                    }
                };
        h = start(flaky);
        h.refresh();
        h.group("ng1").increaseSize(1);
        h.clock.advanceSeconds(10);

        // A restart whose first refresh cannot read the store; it recovers before the scale-up.
        broken.set(true);
        h.restartProvider();
        assertThatThrownBy(h::refresh).isInstanceOf(CloudProviderException.class);
        broken.set(false);

        // The saved create counts: 1 + 10 is above the maximum of 10.
        assertThatThrownBy(() -> h.group("ng1").increaseSize(10))
                .isInstanceOf(CloudProviderException.class)
                .hasMessageContaining("size increase is too large");
        assertThat(h.group("ng1").targetSize()).isEqualTo(1);
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(1);
    }

    @Test
    void aFailedSaveDoesNotStopTheCreateAndIsRetriedAtTheNextRefresh() {
        AtomicBoolean broken = new AtomicBoolean(true);
        InFlightCreateStore inner = InFlightCreateStore.inMemory();
        InFlightCreateStore flaky =
                new InFlightCreateStore() {
                    @Override
                    public List<InFlightCreate> load() {
                        return inner.load();
                    }

                    @Override
                    public void save(List<InFlightCreate> creates) {
                        if (broken.get()) {
                            throw new IllegalStateException("conflict");
                        }
                        inner.save(creates);
                    }
                };
        h = start(flaky);
        h.refresh();
        h.group("ng1").increaseSize(1);
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(1);
        assertThat(inner.load()).isEmpty();

        broken.set(false);
        h.refresh();
        assertThat(inner.load())
                .singleElement()
                .satisfies(c -> assertThat(c.commandId()).isPresent());
    }

    /**
     * The import at start also runs in an autoscaler waiting to lead: it neither reads nor writes
     * the store, so creates saved by the leader meanwhile are read at the first loop refresh.
     */
    @Test
    void theImportAtStartLeavesTheStoreAloneAndTheFirstRefreshReadsIt() {
        h = start(InFlightCreateStore.inMemory());
        int[] loads = {0};
        InFlightCreateStore counting =
                new InFlightCreateStore() {
                    @Override
                    public List<InFlightCreate> load() {
                        loads[0]++;
                        return h.createStore.load();
                    }

                    @Override
                    public void save(List<InFlightCreate> creates) {
                        h.createStore.save(creates);
                    }
                };
        KamateraCloudProvider follower =
                KamateraCloudProvider.start(
                        h.config,
                        h.api,
                        ProviderOptions.defaults().withClock(h.clock),
                        NodeMetadata.NONE,
                        counting);
        assertThat(loads[0]).isZero();

        // The leader creates a server after the follower's import; then the follower leads.
        h.refresh();
        h.group("ng1").increaseSize(1);
        String name = h.createStore.load().get(0).serverName();
        follower.refresh();

        assertThat(loads[0]).isEqualTo(1);
        assertThat(follower.nodeGroup("ng1").orElseThrow().targetSize()).isEqualTo(1);
        assertThat(follower.nodeGroup("ng1").orElseThrow().nodes())
                .singleElement()
                .satisfies(i -> assertThat(i.id()).isEqualTo("kamatera://" + name));
    }

    /** Some accounts list a server powered off while its create runs (simulator switch). */
    @Test
    void aCreatingServerListedPoweredOffIsResumedNotTakenForAWarmPoolServer() {
        h = start(InFlightCreateStore.inMemory());
        h.sim.timings().showCreatingServers(true);
        h.refresh();
        h.group("ng1").increaseSize(1);
        String name = h.createStore.load().get(0).serverName();
        h.refresh();
        assertThat(h.createStore.load()).as("still saved while listed off").hasSize(1);

        h.restartProvider();
        h.provider.refresh();

        assertThat(h.group("ng1").targetSize()).isEqualTo(1);
        assertThat(h.instance("ng1", name).state()).isEqualTo(InstanceState.CREATING);
        h.settle();
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(1);
        assertThat(h.instance("ng1", name).state()).isEqualTo(InstanceState.RUNNING);
        assertThat(h.createStore.load()).isEmpty();
    }

    @Test
    void anInFlightCreateNeedsANameAGroupAndATime() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> new InFlightCreate(" ", "ng1", now, Optional.empty()))
                .hasMessageContaining("serverName");
        assertThatThrownBy(() -> new InFlightCreate("a", "", now, Optional.empty()))
                .hasMessageContaining("group");
        assertThatThrownBy(() -> new InFlightCreate("a", "ng1", now, Optional.of("")))
                .hasMessageContaining("commandId");
    }
}
