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
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.model.Node;
import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.CreateFailureMode;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Quota;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One test (at least) per upstream defect of spec §6.3 that the provider fixes; each would fail on
 * upstream's behaviour, which the test's comment states.
 */
class DefectFixesTest {

    private static final String TWO_GROUPS =
            """
            [nodegroup "ng1"]
            name-prefix=ng1
            min-size=0
            max-size=10
            [nodegroup "ng2"]
            name-prefix=ng2
            min-size=0
            max-size=10
            """;
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

    /** #1: upstream loses about half of the power-off completions with two groups: servers leak. */
    @Test
    void defect1_twoGroupsTerminateModeEveryScaledDownServerIsTerminated() {
        h = ProviderHarness.start(TWO_GROUPS);
        List<Node> ng1 = new ArrayList<>();
        List<Node> ng2 = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String a = "ng1-a000000000" + i;
            String b = "ng2-b000000000" + i;
            h.addServer(a, "on", tagsOf("ng1"));
            h.addServer(b, "on", tagsOf("ng2"));
            ng1.add(node(a));
            ng2.add(node(b));
        }
        h.refresh();
        h.group("ng1").deleteNodes(ng1);
        h.group("ng2").deleteNodes(ng2);
        h.settle();

        assertThat(h.liveServers()).isEmpty();
        assertThat(h.requests(Endpoint.TERMINATE)).isEqualTo(8);
        assertThat(h.group("ng1").nodes()).isEmpty();
        assertThat(h.group("ng2").nodes()).isEmpty();
    }

    /**
     * #2: upstream sets a failed terminate's instance to "nil" and never retries: the server leaks.
     */
    @Test
    void defect2_failedTerminateIsRetried() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        h.sim.faults()
                .failNext(
                        Endpoint.TERMINATE,
                        1,
                        500,
                        "{\"message\":\"Failed to run command method (terminateServer)\"}");
        h.completeCommands(); // power-off done, terminate refused
        assertThat(h.instance("ng1", "ng1-aaaaaaaaaaa").error().code())
                .isEqualTo("InstanceErrorDidNotStart");
        assertThat(h.liveServers()).containsExactly("ng1-aaaaaaaaaaa");

        h.settle();
        assertThat(h.liveServers()).isEmpty();
        assertThat(h.group("ng1").nodes()).isEmpty();
    }

    /** #2 (terminate command error): upstream never retries. */
    @Test
    void defect2_terminateCommandErrorIsRetried() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.sim.faults().failNextCommands(CommandKind.TERMINATE, 1, "error", "terminate failed");
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        h.settle();

        assertThat(h.liveServers()).isEmpty();
        assertThat(h.requests(Endpoint.TERMINATE)).isEqualTo(2);
    }

    /**
     * #3: upstream keeps a ghost Deleting instance forever when the terminate completes while the
     * server is still listed. With a visibility lag the terminated server stays listed for a
     * minute: it must neither stay in the group nor be adopted again.
     */
    @Test
    void defect3_noGhostWhenATerminatedServerIsStillListed() {
        h = ProviderHarness.start(NG1);
        h.sim.faults().visibilityLag(DurationRange.fixed(Duration.ofSeconds(90)));
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        for (int i = 0; i < 10; i++) {
            h.completeCommands();
        }
        assertThat(h.group("ng1").nodes()).isEmpty();
        assertThat(h.group("ng1").targetSize()).isZero();
        assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isFalse();
        assertThat(h.liveServers()).isEmpty();
    }

    /** #4: upstream records a create that failed to start as Creating without error for an hour. */
    @Test
    void defect4_createRefusedIsAnInstanceErrorAtOnce_quotaIsOutOfResources() {
        h = ProviderHarness.start(NG1);
        h.sim.faults().quota(new Quota(0, 1, 0, Quota.QuotaMode.SYNC_500));
        h.refresh();
        h.group("ng1").increaseSize(1);

        Instance instance = h.group("ng1").nodes().get(0);
        assertThat(instance.state()).isEqualTo(InstanceState.CREATING);
        assertThat(instance.error().errorClass()).isEqualTo(ErrorClass.OUT_OF_RESOURCES);
        assertThat(instance.error().message()).containsIgnoringCase("quota");

        // The core then deletes the failed instance: there is no server, so it is simply forgotten.
        h.group("ng1").deleteNodes(List.of(node(instance.id().substring("kamatera://".length()))));
        assertThat(h.group("ng1").nodes()).isEmpty();
        assertThat(h.requests(Endpoint.POWER_OFF) + h.requests(Endpoint.TERMINATE)).isZero();
    }

    /**
     * #4, quota reached while the create command runs: the command error is out-of-resources too.
     */
    @Test
    void defect4_quotaCommandErrorIsOutOfResources() {
        h = ProviderHarness.start(NG1);
        h.sim.faults().quota(new Quota(0, 1, 0, Quota.QuotaMode.COMMAND_ERROR));
        h.refresh();
        h.group("ng1").increaseSize(1);
        h.completeCommands();

        Instance instance = h.group("ng1").nodes().get(0);
        assertThat(instance.error().errorClass()).isEqualTo(ErrorClass.OUT_OF_RESOURCES);
    }

    /**
     * Ambiguous create (answer lost although the server is being made): upstream records an empty
     * command id and may create again; we wait for the server to appear under its name.
     */
    @Test
    void ambiguousCreateFailureWaitsForTheServerInsteadOfDuplicatingOrLeaking() {
        h = ProviderHarness.start(NG1);
        h.sim.faults().createAcceptedButErrored(CreateFailureMode.HTTP_500, 1.0);
        h.refresh();
        h.group("ng1").increaseSize(1);
        h.sim.faults().createAcceptedButErrored(CreateFailureMode.HTTP_500, 0);

        assertThat(h.group("ng1").targetSize()).isEqualTo(1);
        assertThat(h.group("ng1").nodes().get(0).hasError()).isFalse();
        h.settle();

        assertThat(h.requests(Endpoint.CREATE_SERVER)).isEqualTo(1);
        assertThat(h.liveServers()).hasSize(1);
        assertThat(h.group("ng1").nodes())
                .singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(InstanceState.RUNNING));
    }

    @Test
    void ambiguousCreateWhoseServerNeverAppearsIsReportedAfterTheGraceAndALookUpByName() {
        h = ProviderHarness.start(NG1);
        h.sim.faults().failNext(Endpoint.CREATE_SERVER, 1, 504, "Gateway Timeout");
        h.refresh();
        h.group("ng1").increaseSize(1);
        h.clock.advance(Duration.ofMinutes(14));
        h.refresh();
        assertThat(h.group("ng1").nodes().get(0).hasError()).isFalse();

        h.clock.advance(Duration.ofMinutes(2));
        h.refresh();
        assertThat(h.group("ng1").nodes().get(0).error().code())
                .isEqualTo("InstanceErrorCreateUnconfirmed");
        assertThat(h.requests(Endpoint.SERVER_INFO)).isEqualTo(1);
    }

    /** #5: upstream keeps a server deleted outside the autoscaler Running for an hour. */
    @Test
    void defect5_serverDeletedOutsideDisappearsAtTheNextRefresh() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.api.terminateServer("ng1-aaaaaaaaaaa");
        h.completeCommands();

        assertThat(h.group("ng1").nodes()).isEmpty();
        assertThat(h.provider.hasInstance(node("ng1-aaaaaaaaaaa"))).isFalse();
        assertThat(h.provider.hasInstance(node("control-plane-1"))).isTrue();
    }

    /** #6: upstream leaves a server whose power-off failed (still on) Deleting forever. */
    @Test
    void defect6_failedPowerOffOfARunningServerIsRetried() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.sim.faults().failNextCommands(CommandKind.POWER_OFF, 1, "error", "power off failed");
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa")));
        h.settle();

        assertThat(h.requests(Endpoint.POWER_OFF)).isEqualTo(2);
        assertThat(h.liveServers()).isEmpty();
    }

    /**
     * #15: upstream writes the provider ID on every name match, also to nodes whose ID is
     * immutable.
     */
    @Test
    void defect15_providerIdWrittenOnceOnlyForNodesWithoutOne_neverRetried() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.addServer("ng1-bbbbbbbbbbb", "on", tagsOf("ng1"));
        h.refresh();
        h.nodeMetadata.failingNodes.add("ng1-aaaaaaaaaaa");
        Node bare = ProviderHarness.nodeWithoutProviderId("ng1-aaaaaaaaaaa");
        Node rke2 =
                Node.builder("ng1-bbbbbbbbbbb")
                        .providerId("rke2://ng1-bbbbbbbbbbb")
                        .allocatable(org.k8sca.core.resources.Resources.ZERO)
                        .build();

        for (int i = 0; i < 3; i++) {
            assertThat(h.provider.nodeGroupFor(bare)).map(g -> g.id()).contains("ng1");
            assertThat(h.provider.nodeGroupFor(rke2)).map(g -> g.id()).contains("ng1");
        }
        assertThat(h.nodeMetadata.providerIdWrites)
                .containsExactly("ng1-aaaaaaaaaaa=kamatera://ng1-aaaaaaaaaaa");
    }

    /** #17: upstream drops AllowNonAtomicScaleUpToMax and has no DecreaseTargetSize. */
    @Test
    void defect17_optionsKeepTheDefaultsExceptTheProvisionTime() {
        h = ProviderHarness.start(NG1);
        NodeGroupOptions defaults =
                new NodeGroupOptions(
                        0.4,
                        0.3,
                        Duration.ofMinutes(7),
                        Duration.ofMinutes(9),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(11),
                        true,
                        true,
                        true);
        NodeGroupOptions options = h.group("ng1").options(defaults);

        assertThat(options.allowNonAtomicScaleUpToMax()).isTrue();
        assertThat(options.maxNodeProvisionTime()).isEqualTo(Duration.ofHours(1));
        assertThat(options.withMaxNodeProvisionTime(Duration.ofMinutes(15))).isEqualTo(defaults);
    }

    /**
     * Deliverable 3 / #17: in-flight creations beyond the new target are terminated as soon as they
     * exist.
     */
    @Test
    void decreaseTargetSizeCancelsTheNewestCreations() {
        h = ProviderHarness.start(NG1);
        h.refresh();
        h.group("ng1").increaseSize(3);
        h.group("ng1").decreaseTargetSize(-2);

        assertThat(h.group("ng1").targetSize()).isEqualTo(1);
        h.settle();
        assertThat(h.liveServers()).hasSize(1);
        assertThat(h.requests(Endpoint.TERMINATE)).isEqualTo(2);
        assertThat(h.group("ng1").nodes())
                .singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(InstanceState.RUNNING));
        assertThatThrownBy(() -> h.group("ng1").decreaseTargetSize(-1))
                .isInstanceOf(CloudProviderException.class)
                .hasMessageContaining("attempt to delete existing nodes");
        assertThatThrownBy(() -> h.group("ng1").decreaseTargetSize(1))
                .isInstanceOf(CloudProviderException.class);
    }

    /** A power-on from the pool that is cancelled goes back to the pool. */
    @Test
    void decreaseTargetSizeOfAPowerOnReturnsTheServerToThePool() {
        h = ProviderHarness.start(NG1 + "poweroff-on-scale-down=true\npoweron-on-scale-up=true\n");
        h.addServer("ng1-aaaaaaaaaaa", "off", tagsOf("ng1"));
        h.refresh();
        h.group("ng1").increaseSize(1);
        h.group("ng1").decreaseTargetSize(-1);
        h.settle();

        assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isTrue();
        assertThat(h.server("ng1-aaaaaaaaaaa").power()).isEqualTo("off");
        assertThat(h.requests(Endpoint.TERMINATE)).isZero();
    }

    /** #19: upstream polls a cancelled command forever. */
    @Test
    void defect19_cancelledCommandIsTerminal() {
        h = ProviderHarness.start(NG1);
        h.sim.faults()
                .failNextCommands(CommandKind.CREATE, 1, "cancelled", "cancelled by operator");
        h.refresh();
        h.group("ng1").increaseSize(1);
        h.completeCommands();
        int queueCalls = h.requests(Endpoint.QUEUE);

        assertThat(h.group("ng1").nodes().get(0).error().code())
                .isEqualTo("InstanceErrorCommandFailed");
        h.completeCommands();
        assertThat(h.requests(Endpoint.QUEUE)).isEqualTo(queueCalls);
    }

    /**
     * #18: an already-off server entering the pool and the refresh's completions use one counter.
     */
    @Test
    void defect18_onePoolCounterForDeleteNodesAndRefresh() {
        h =
                ProviderHarness.start(
                        NG1
                                + "poweroff-on-scale-down=true\n"
                                + "poweroff-on-scale-down-max-servers=1\n");
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.addServer("ng1-bbbbbbbbbbb", "on", tagsOf("ng1"));
        h.refresh();
        h.api.powerOff("ng1-aaaaaaaaaaa"); // outside the autoscaler
        h.completeCommands();
        h.group("ng1").deleteNodes(List.of(node("ng1-aaaaaaaaaaa"))); // off: pool free -> standby
        h.group("ng1").deleteNodes(List.of(node("ng1-bbbbbbbbbbb")));
        h.settle();

        assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isTrue();
        assertThat(h.liveServers()).containsExactly("ng1-aaaaaaaaaaa");
    }

    /**
     * The Kubernetes side failing to clear a node's marks does not break the refresh, and is not
     * repeated.
     */
    @Test
    void failingReturnToServiceIsLoggedOnly() {
        h = ProviderHarness.start(NG1 + "poweroff-on-scale-down=true\npoweron-on-scale-up=true\n");
        h.addServer("ng1-aaaaaaaaaaa", "off", tagsOf("ng1"));
        h.nodeMetadata.failingNodes.add("ng1-aaaaaaaaaaa");
        h.refresh();
        h.group("ng1").increaseSize(1);
        h.settle();

        assertThat(h.instance("ng1", "ng1-aaaaaaaaaaa").state()).isEqualTo(InstanceState.RUNNING);
        assertThat(h.nodeMetadata.returnedToService).containsExactly("ng1-aaaaaaaaaaa");
    }

    /**
     * A server that never came up (listed off, creation over) is terminated on deletion, never
     * pooled.
     */
    @Test
    void serverThatNeverCameUpIsTerminatedNotPooled() {
        h = ProviderHarness.start(NG1 + "poweroff-on-scale-down=true\n");
        h.refresh();
        h.group("ng1").increaseSize(1);
        String name = h.group("ng1").nodes().get(0).id().substring("kamatera://".length());
        h.clock.advanceSeconds(ProviderHarness.COMMAND_SECONDS + 1);
        h.api.powerOff(name); // it stops before the autoscaler ever sees it running
        h.completeCommands();
        assertThat(h.instance("ng1", name).state()).isEqualTo(InstanceState.CREATING);

        h.group("ng1").deleteNodes(List.of(node(name)));

        assertThat(h.provider.isStandby(node(name))).isFalse();
        assertThat(h.requests(Endpoint.TERMINATE)).isEqualTo(1);
    }

    /** #14: upstream stops at the first pool server that fails to power on; we try the next one. */
    @Test
    void defect14_aFailingPowerOnTriesTheNextPoolServer() {
        h = ProviderHarness.start(NG1 + "poweroff-on-scale-down=true\npoweron-on-scale-up=true\n");
        h.addServer("ng1-aaaaaaaaaaa", "off", tagsOf("ng1"));
        h.addServer("ng1-bbbbbbbbbbb", "off", tagsOf("ng1"));
        h.refresh();
        h.sim.faults().failNext(Endpoint.POWER_ON, 1, 400, "{\"message\":\"server is locked\"}");
        h.group("ng1").increaseSize(1);

        assertThat(h.requests(Endpoint.POWER_ON)).isEqualTo(2);
        assertThat(h.requests(Endpoint.CREATE_SERVER)).isZero();
        assertThat(h.instance("ng1", "ng1-bbbbbbbbbbb").state()).isEqualTo(InstanceState.CREATING);
        assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isTrue();
    }
}
