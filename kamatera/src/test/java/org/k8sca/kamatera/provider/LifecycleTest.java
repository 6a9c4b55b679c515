package org.k8sca.kamatera.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.k8sca.kamatera.provider.ProviderHarness.node;
import static org.k8sca.kamatera.provider.ProviderHarness.tagsOf;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.InstanceError.ErrorClass;
import org.k8sca.core.cloud.InstanceState;
import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Endpoint;

import java.time.Duration;
import java.util.List;

/** Spec §7 items 32–50 (model and state machine), against the simulator, adapted to our fixes. */
class LifecycleTest {

    private static final String NG1 =
            """
            [nodegroup "ng1"]
            name-prefix=ng1
            min-size=0
            max-size=7
            """;
    private static final String NG1_POOL =
            NG1 + "poweroff-on-scale-down=true\npoweron-on-scale-up=true\n";

    private ProviderHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void item32_listedServerWithBothTagsIsRunningInItsGroup_poweredOffIsStoppedOutsideTheTarget() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.addServer("ng1-bbbbbbbbbbb", "off", tagsOf("ng1"));
        h.addServer("ng1-ccccccccccc", "on", "k8sca-other", "k8scang-ng1");
        h.refresh();

        assertThat(h.group("ng1").nodes())
                .containsExactly(
                        Instance.running("kamatera://ng1-aaaaaaaaaaa"),
                        Instance.stopped("kamatera://ng1-bbbbbbbbbbb"));
        assertThat(h.group("ng1").targetSize()).isEqualTo(1);
        assertThat(h.provider.isStandby(node("ng1-bbbbbbbbbbb"))).isTrue();
        assertThat(h.provider.nodeGroupFor(node("ng1-bbbbbbbbbbb"))).isEmpty();
        assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isFalse();
        assertThat(h.provider.nodeGroupFor(node("ng1-ccccccccccc"))).isEmpty();
    }

    @Test
    void item33_instanceIdsCarryTheProviderIdPrefix() {
        h = new ProviderHarness("min-refresh-interval=0s\nprovider-id-prefix=rke2://", NG1, 1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();

        assertThat(h.group("ng1").nodes())
                .extracting(Instance::id)
                .containsExactly("rke2://ng1-aaaaaaaaaaa");
    }

    @Test
    void item34_serverNamesArePrefixDashElevenHexOrElevenHex() {
        ServerNames names = ServerNames.random();
        assertThat(names.next("web")).matches("web-[0-9a-f]{11}");
        assertThat(names.next("")).matches("[0-9a-f]{11}");
    }

    @Test
    void item35_providerIdParsing() {
        ProviderIds rke2 = new ProviderIds("rke2://");
        assertThat(rke2.serverName("kamatera://x")).isEqualTo("x");
        assertThat(rke2.serverName("rke2://x")).isEqualTo("x");
        assertThat(rke2.serverName("x")).isEqualTo("x");
        assertThat(rke2.serverName("")).isEmpty();
        assertThat(new ProviderIds("kamatera://").serverName("rke2://x")).isEqualTo("rke2://x");
        assertThat(rke2.format("")).isEmpty();
    }

    @Test
    void item36_increaseSizeRejectsNonPositiveDeltaAndGrowthBeyondMax() {
        h = ProviderHarness.start(NG1);
        for (String name : List.of("ng1-00000000001", "ng1-00000000002", "ng1-00000000003")) {
            h.addServer(name, "on", tagsOf("ng1"));
        }
        h.refresh();

        assertThatThrownBy(() -> h.group("ng1").increaseSize(0))
                .isInstanceOf(CloudProviderException.class)
                .hasMessage("delta must be positive, have: 0");
        assertThatThrownBy(() -> h.group("ng1").increaseSize(5))
                .isInstanceOf(CloudProviderException.class)
                .hasMessage("size increase is too large. current: 3 desired: 8 max: 7");
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isZero();
    }

    @Test
    void item37_increaseSizeGrowsTargetAtOnceWithCreatingInstances() {
        h = ProviderHarness.start(NG1);
        h.refresh();
        h.group("ng1").increaseSize(3);

        assertThat(h.group("ng1").targetSize()).isEqualTo(3);
        assertThat(h.group("ng1").nodes())
                .hasSize(3)
                .allMatch(i -> i.state() == InstanceState.CREATING && !i.hasError());
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(3);
        assertThat(h.sim.journal(Endpoint.CREATE_SERVER).get(0).jsonBody().get("tag").stringValue())
                .isEqualTo("k8sca-c1 k8scang-ng1");
    }

    @Test
    void item38_and_41_createCompleteButNotListedStaysCreating_thenRunningWhenListedOn() {
        h = ProviderHarness.start(NG1);
        h.sim.faults().visibilityLag(DurationRange.fixed(Duration.ofSeconds(60)));
        h.refresh();
        h.group("ng1").increaseSize(1);
        h.completeCommands(); // the create completed, the list does not show the server yet

        assertThat(h.group("ng1").nodes())
                .singleElement()
                .satisfies(
                        i -> {
                            assertThat(i.state()).isEqualTo(InstanceState.CREATING);
                            assertThat(i.hasError()).isFalse();
                        });

        h.clock.advanceSeconds(60);
        h.refresh();
        assertThat(h.group("ng1").nodes())
                .singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(InstanceState.RUNNING));
    }

    @Test
    void item39_createCommandErrorIsCreatingWithCommandFailed() {
        h = ProviderHarness.start(NG1);
        h.sim.faults().failNextCommands(CommandKind.CREATE, 1, "error", "backend refused (17)");
        h.refresh();
        h.group("ng1").increaseSize(1);
        String commandId = String.valueOf(h.sim.commands().get(0).id());
        h.completeCommands();

        Instance instance = h.group("ng1").nodes().get(0);
        assertThat(instance.state()).isEqualTo(InstanceState.CREATING);
        assertThat(instance.error().errorClass()).isEqualTo(ErrorClass.OTHER);
        assertThat(instance.error().code()).isEqualTo("InstanceErrorCommandFailed");
        assertThat(instance.error().message())
                .startsWith("command " + commandId + " ended with error");
    }

    @Test
    void item40_failingStatusQueryIsReportedAndTheCommandKept() {
        h = ProviderHarness.start(NG1);
        h.refresh();
        h.group("ng1").increaseSize(1);
        h.sim.faults().http500Rate(Endpoint.QUEUE, 1.0);
        h.refresh();

        Instance instance = h.group("ng1").nodes().get(0);
        assertThat(instance.error().code()).isEqualTo("InstanceErrorGetCommandStatusFailed");
        assertThat(instance.error().message()).startsWith("failed to get command ");

        h.sim.faults().http500Rate(Endpoint.QUEUE, 0);
        h.completeCommands();
        assertThat(h.group("ng1").nodes())
                .singleElement()
                .satisfies(
                        i -> {
                            assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
                            assertThat(i.hasError()).isFalse();
                        });
    }

    @Test
    void item42_deleteNodesPowersOffFirstAndLowersTheTargetAtOnce() {
        for (String config : List.of(NG1, NG1_POOL)) {
            h = ProviderHarness.start(config);
            h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
            h.refresh();
            h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));

            assertThat(h.requests(Endpoint.POWER_OFF)).as(config).isEqualTo(1);
            assertThat(h.requests(Endpoint.TERMINATE)).as(config).isZero();
            assertThat(h.instance("ng1", "ng1-aaaaaaaaaaa").state())
                    .isEqualTo(InstanceState.DELETING);
            assertThat(h.group("ng1").targetSize()).isZero();
            h.close();
        }
        h = null;
    }

    @Test
    void item42_deleteNodesOfAnUnknownNodeFails() {
        h = ProviderHarness.start(NG1);
        h.refresh();
        assertThatThrownBy(() -> h.group("ng1").deleteNodes(List.of(node("nope"))))
                .isInstanceOf(CloudProviderException.class)
                .hasMessage(
                        "Failed to delete node \"nope\" with provider ID \"kamatera://nope\":"
                                + " cannot find this node in the node group");
    }

    @Test
    void item42_refusedPowerOffFailsTheDeletionAndLeavesTheServerInService() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.sim.faults()
                .failNext(
                        Endpoint.POWER_OFF,
                        1,
                        400,
                        "{\"message\":\"power off refused by policy\"}");

        assertThatThrownBy(() -> h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa"))))
                .isInstanceOf(CloudProviderException.class)
                .hasMessageContaining("power off refused by policy");
        assertThat(h.instance("ng1", "ng1-aaaaaaaaaaa").state()).isEqualTo(InstanceState.RUNNING);
        assertThat(h.group("ng1").targetSize()).isEqualTo(1);
    }

    @Test
    void item42_ambiguousPowerOffFailureIsDidNotStartAndRetried() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.sim.faults().failNext(Endpoint.POWER_OFF, 1, 502, "Bad Gateway");
        h.sim.faults().gatewayStatus(502);

        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        Instance instance = h.instance("ng1", "ng1-aaaaaaaaaaa");
        assertThat(instance.state()).isEqualTo(InstanceState.DELETING);
        assertThat(instance.error().code()).isEqualTo("InstanceErrorDidNotStart");

        h.settle();
        assertThat(h.liveServers()).isEmpty();
        assertThat(h.group("ng1").nodes()).isEmpty();
    }

    @Test
    void item43_powerOffCompleteWithoutPoolTerminates_thenTheInstanceIsRemoved() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        h.completeCommands();

        assertThat(h.requests(Endpoint.TERMINATE)).isEqualTo(1);
        assertThat(h.sim.journal(Endpoint.TERMINATE).get(0).jsonBody().get("force").booleanValue())
                .isTrue();
        assertThat(h.instance("ng1", "ng1-aaaaaaaaaaa").state()).isEqualTo(InstanceState.DELETING);

        h.completeCommands();
        assertThat(h.group("ng1").nodes()).isEmpty();
        assertThat(h.liveServers()).isEmpty();
        assertThat(h.provider.hasInstance(node("ng1-aaaaaaaaaaa"))).isFalse();
    }

    @Test
    void item44_powerOffCompleteWithPoolKeepsTheServerOnStandby() {
        h = ProviderHarness.start(NG1_POOL);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        h.completeCommands();

        assertThat(h.group("ng1").nodes())
                .containsExactly(Instance.stopped("kamatera://ng1-aaaaaaaaaaa"));
        assertThat(h.group("ng1").targetSize()).isZero();
        assertThat(h.requests(Endpoint.TERMINATE)).isZero();
        assertThat(h.server("ng1-aaaaaaaaaaa").power()).isEqualTo("off");
        assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isTrue();
        assertThat(h.provider.nodeGroupFor(node("ng1-aaaaaaaaaaa"))).isEmpty();
        // The scale-down marks stay while the server is off (so no pod lands on it); see item 50.
        assertThat(h.nodeMetadata.returnedToService).isEmpty();
    }

    @Test
    void item45_capWithOneServerAlreadyInThePoolTerminates() {
        h = ProviderHarness.start(NG1_POOL + "poweroff-on-scale-down-max-servers=1\n");
        h.addServer("ng1-00000000000", "off", tagsOf("ng1"));
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        h.completeCommands();

        assertThat(h.sim.journal(Endpoint.TERMINATE))
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.jsonBody().get("name").stringValue())
                                        .isEqualTo("ng1-aaaaaaaaaaa"));
    }

    @Test
    void item45_capIgnoresAPoweredOffServerBeingTerminated() {
        h = ProviderHarness.start(NG1_POOL + "poweroff-on-scale-down-max-servers=1\n");
        h.sim.timings()
                .duration(CommandKind.TERMINATE, DurationRange.fixed(Duration.ofSeconds(300)));
        h.addServer("ng1-ppppppppppp", "off", tagsOf("ng1"));
        h.addServer("ng1-xxxxxxxxxxx", "on", tagsOf("ng1"));
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.api.powerOff("ng1-xxxxxxxxxxx"); // outside the autoscaler
        h.completeCommands();
        h.group("ng1")
                .deleteNodes(
                        List.of(node("ng1-xxxxxxxxxxx"))); // pool full (p): terminated while off
        assertThat(h.requests(Endpoint.TERMINATE)).isEqualTo(1);
        h.group("ng1").increaseSize(1); // p leaves the pool
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        h.completeCommands(); // a's power-off completes while x's terminate is still running

        assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isTrue();
        assertThat(h.requests(Endpoint.TERMINATE)).isEqualTo(1);
    }

    @Test
    void item45_twoCompletionsInOneRefreshWithCap1_firstByNameKeptSecondTerminated() {
        h = ProviderHarness.start(NG1_POOL + "poweroff-on-scale-down-max-servers=1\n");
        h.addServer("ng1-bbbbbbbbbbb", "on", tagsOf("ng1"));
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.group("ng1").deleteNodes(List.of(node("ng1-bbbbbbbbbbb"), node("ng1-aaaaaaaaaaa")));
        h.completeCommands();

        assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isTrue();
        assertThat(h.sim.journal(Endpoint.TERMINATE))
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.jsonBody().get("name").stringValue())
                                        .isEqualTo("ng1-bbbbbbbbbbb"));
    }

    @Test
    void item46_deletingAnAlreadyOffServer_poolFree_isStandbyWithoutApiCall_elseTerminated() {
        for (boolean pool : List.of(true, false)) {
            h = ProviderHarness.start(pool ? NG1_POOL : NG1);
            h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
            h.refresh();
            h.api.powerOff("ng1-aaaaaaaaaaa"); // outside the autoscaler: the instance stays Running
            h.completeCommands();
            int powerOffs = h.requests(Endpoint.POWER_OFF);

            h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));

            assertThat(h.requests(Endpoint.POWER_OFF)).isEqualTo(powerOffs);
            assertThat(h.requests(Endpoint.TERMINATE)).as("pool " + pool).isEqualTo(pool ? 0 : 1);
            assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isEqualTo(pool);
            h.close();
        }
        h = null;
    }

    @Test
    void item47_powerOffCommandErrorIsDeletingWithError_thenDecidedWhenListedOff() {
        h = ProviderHarness.start(NG1_POOL);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.sim.faults().failNextCommands(CommandKind.POWER_OFF, 1, "error", "power off failed");
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        h.completeCommands();

        Instance instance = h.instance("ng1", "ng1-aaaaaaaaaaa");
        assertThat(instance.state()).isEqualTo(InstanceState.DELETING);
        assertThat(instance.error().code()).isEqualTo("InstanceErrorCommandFailed");

        h.api.powerOff("ng1-aaaaaaaaaaa"); // the server goes off after all
        h.clock.advanceSeconds(ProviderHarness.COMMAND_SECONDS + 1);
        h.refresh();
        assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isTrue();
    }

    @Test
    void item47_powerOffCommandErrorAndTheServerDisappears_isRemoved() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.sim.faults().failNextCommands(CommandKind.POWER_OFF, 1, "error", "power off failed");
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        h.completeCommands();
        h.api.terminateServer("ng1-aaaaaaaaaaa");
        h.completeCommands();

        assertThat(h.group("ng1").nodes()).isEmpty();
    }

    @Test
    void item48_serversNoLongerListedAreRemoved_deletingAndStandby() {
        h = ProviderHarness.start(NG1_POOL);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.addServer("ng1-bbbbbbbbbbb", "off", tagsOf("ng1"));
        h.refresh();
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        h.api.terminateServer("ng1-aaaaaaaaaaa");
        h.api.terminateServer("ng1-bbbbbbbbbbb");
        h.clock.advanceSeconds(ProviderHarness.COMMAND_SECONDS + 1);
        h.sim.servers(); // let the simulator apply the terminations
        h.refresh();

        assertThat(h.group("ng1").nodes()).isEmpty();
        assertThat(h.provider.isStandby(node("ng1-bbbbbbbbbbb"))).isFalse();
    }

    @Test
    void item49_powerOnFromThePoolBeforeCreating_remainderCreated() {
        h = ProviderHarness.start(NG1_POOL);
        h.addServer("ng1-aaaaaaaaaaa", "off", tagsOf("ng1"));
        h.addServer(
                "ng1-bbbbbbbbbbb",
                "off",
                "k8sca-c1",
                "k8scang-ng1",
                "team-blue"); // extra tag: still a member
        h.addServer("ng2-ccccccccccc", "off", "k8sca-c1", "k8scang-ng2"); // another group
        h.refresh();
        h.group("ng1").increaseSize(3);

        assertThat(h.sim.journal(Endpoint.POWER_ON))
                .extracting(r -> r.jsonBody().get("name").stringValue())
                .containsExactly("ng1-aaaaaaaaaaa", "ng1-bbbbbbbbbbb");
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(1);
        assertThat(h.group("ng1").targetSize()).isEqualTo(3);
    }

    @Test
    void item49_groupFlagOverridesTheGlobalOneBothWays() {
        h =
                new ProviderHarness(
                        "min-refresh-interval=0s\npoweron-on-scale-up=true",
                        NG1 + "poweron-on-scale-up=false\n",
                        1);
        h.addServer("ng1-aaaaaaaaaaa", "off", tagsOf("ng1"));
        h.refresh();
        h.group("ng1").increaseSize(1);
        assertThat(h.requests(Endpoint.POWER_ON)).isZero();
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(1);
        h.close();

        h = new ProviderHarness("min-refresh-interval=0s", NG1 + "poweron-on-scale-up=true\n", 1);
        h.addServer("ng1-aaaaaaaaaaa", "off", tagsOf("ng1"));
        h.refresh();
        h.group("ng1").increaseSize(1);
        assertThat(h.requests(Endpoint.POWER_ON)).isEqualTo(1);
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isZero();
    }

    @Test
    void item50_poweredOnPoolServerIsCreatingUntilListedOn_thenRunningAndBackInService() {
        h = ProviderHarness.start(NG1_POOL);
        h.sim.faults().visibilityLag(DurationRange.fixed(Duration.ofSeconds(20)));
        h.addServer("ng1-aaaaaaaaaaa", "off", tagsOf("ng1"));
        h.refresh();
        h.group("ng1").increaseSize(1);
        assertThat(h.instance("ng1", "ng1-aaaaaaaaaaa").state()).isEqualTo(InstanceState.CREATING);

        h.completeCommands(); // complete, but the list still shows it off
        assertThat(h.instance("ng1", "ng1-aaaaaaaaaaa").state()).isEqualTo(InstanceState.CREATING);
        assertThat(h.nodeMetadata.returnedToService).isEmpty();

        h.clock.advanceSeconds(20);
        h.refresh();
        assertThat(h.instance("ng1", "ng1-aaaaaaaaaaa").state()).isEqualTo(InstanceState.RUNNING);
        assertThat(h.nodeMetadata.returnedToService).containsExactly("ng1-aaaaaaaaaaa");
        assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isFalse();
    }

    /**
     * Spec §3.11 lifecycles 1 and 5: create, run, scale down into the pool, power on again, run.
     */
    @Test
    void scalingFlowThroughTheWarmPool() {
        h = ProviderHarness.start(NG1_POOL);
        h.refresh();
        h.group("ng1").increaseSize(1);
        h.settle();
        Instance running = h.group("ng1").nodes().get(0);
        assertThat(running.state()).isEqualTo(InstanceState.RUNNING);
        String name = running.id().substring("kamatera://".length());

        h.group("ng1").deleteNodes(List.of(node(name)));
        h.settle();
        assertThat(h.provider.isStandby(node(name))).isTrue();
        assertThat(h.group("ng1").targetSize()).isZero();
        assertThat(h.group("ng1").nodes()).containsExactly(Instance.stopped("kamatera://" + name));
        // A pool server is never deleted through the SPI: the core must not, and the provider
        // refuses.
        assertThatThrownBy(() -> h.group("ng1").deleteNodes(List.of(node(name))))
                .isInstanceOfSatisfying(
                        CloudProviderException.class,
                        e ->
                                assertThat(e.kind())
                                        .isEqualTo(CloudProviderException.Kind.INVALID_REQUEST));
        assertThat(h.group("ng1").nodes()).containsExactly(Instance.stopped("kamatera://" + name));

        h.group("ng1").increaseSize(1);
        assertThat(h.instance("ng1", name).state())
                .as("powering on")
                .isEqualTo(InstanceState.CREATING);
        assertThat(h.provider.isStandby(node(name))).isFalse();
        h.settle();
        assertThat(h.group("ng1").nodes()).containsExactly(Instance.running("kamatera://" + name));
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(1);
        assertThat(h.requests(Endpoint.POWER_ON)).isEqualTo(1);
        assertThat(h.requests(Endpoint.TERMINATE)).isZero();
        assertThat(h.nodeMetadata.returnedToService).containsExactly(name);
    }
}
