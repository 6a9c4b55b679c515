package org.k8sca.kamatera.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.k8sca.kamatera.provider.ProviderHarness.node;
import static org.k8sca.kamatera.provider.ProviderHarness.tagsOf;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.PricingModel;
import org.k8sca.core.model.Node;
import org.k8sca.core.resources.Resources;
import org.k8sca.kamatera.sim.knobs.Endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Spec §7 items 51–60: node matching and the provider methods, adapted to our fixes. */
class ProviderMethodsTest {

    private static final String NG1 =
            """
            [nodegroup "ng1"]
            name-prefix=ng1
            min-size=1
            max-size=7
            poweroff-on-scale-down=true
            """;

    private ProviderHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void item51_matchByProviderIdThenByName_unknownNodeHasNoGroup() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();

        assertThat(h.provider.nodeGroupFor(node("ng1-aaaaaaaaaaa")))
                .map(NodeGroup::id)
                .contains("ng1");
        Node byName = ProviderHarness.nodeWithoutProviderId("ng1-aaaaaaaaaaa");
        assertThat(h.provider.nodeGroupFor(byName)).map(NodeGroup::id).contains("ng1");
        assertThat(h.nodeMetadata.providerIdWrites)
                .containsExactly("ng1-aaaaaaaaaaa=kamatera://ng1-aaaaaaaaaaa");
        assertThat(h.provider.nodeGroupFor(node("unknown-node"))).isEmpty();
    }

    @Test
    void item51_legacyKamateraIdsMatchUnderAnotherPrefix() {
        h = new ProviderHarness("min-refresh-interval=0s\nprovider-id-prefix=rke2://", NG1, 1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();

        assertThat(h.provider.nodeGroupFor(node("ng1-aaaaaaaaaaa")))
                .map(NodeGroup::id)
                .contains("ng1");
        assertThat(h.nodeMetadata.providerIdWrites).isEmpty();
    }

    @Test
    void item52_noGroupForAStandbyServer() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "off", tagsOf("ng1"));
        h.refresh();

        assertThat(h.provider.nodeGroupFor(node("ng1-aaaaaaaaaaa"))).isEmpty();
        assertThat(h.group("ng1").nodes())
                .containsExactly(Instance.stopped("kamatera://ng1-aaaaaaaaaaa"));
        assertThat(h.provider.isStandby(node("ng1-aaaaaaaaaaa"))).isTrue();
        assertThat(h.provider.hasInstance(node("ng1-aaaaaaaaaaa"))).isTrue();
    }

    @Test
    void item55_methodsOfTheSpi() {
        h = ProviderHarness.start(NG1);
        NodeGroup group = h.group("ng1");
        assertThatThrownBy(() -> group.atomicIncreaseSize(1))
                .isInstanceOf(CloudProviderException.class)
                .matches(e -> ((CloudProviderException) e).isNotImplemented());
        assertThat(group.atomic()).isFalse();
        assertThat(h.provider.name()).isEqualTo("kamatera");
        assertThat(h.provider.gpuLabel()).isEmpty();
        assertThat(h.provider.pricing()).isPresent();
    }

    @Test
    void item56_debugStrings() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();

        assertThat(h.group("ng1").debug()).isEqualTo("node group ID: ng1 (min:1 max:7)");
        assertThat(h.group("ng1").extendedDebug())
                .isEqualTo(
                        "node group ID: ng1 (min:1 max:7)\n"
                                + "instance ID: kamatera://ng1-aaaaaaaaaaa state: RUNNING powerOn: true"
                                + " commandID: ");
    }

    @Test
    void item57_startLogsAFailingFirstRefreshAndStillReturnsTheProvider() {
        h = ProviderHarness.start(NG1);
        h.sim.faults().http500Rate(Endpoint.LIST_SERVERS, 1.0);
        KamateraCloudProvider provider =
                KamateraCloudProvider.start(
                        h.config,
                        h.api,
                        ProviderOptions.defaults().withClock(h.clock),
                        NodeMetadata.NONE);

        assertThat(provider.nodeGroups()).extracting(NodeGroup::id).containsExactly("ng1");
    }

    @Test
    void item58_listFailurePropagatesAndChangesNothing() {
        h = ProviderHarness.start(NG1);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        h.sim.faults().http500Rate(Endpoint.LIST_SERVERS, 1.0);

        assertThatThrownBy(() -> h.refresh())
                .isInstanceOf(CloudProviderException.class)
                .hasMessageStartingWith(
                        "failed to get list of Kamatera servers from Kamatera API: ");
        assertThat(h.group("ng1").nodes()).hasSize(1);
    }

    @Test
    void item59_nodeGroupsKeepTheirIdentityAcrossRefreshes() {
        h = ProviderHarness.start(NG1);
        h.refresh();
        NodeGroup before = h.provider.nodeGroups().get(0);
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        assertThat(h.provider.nodeGroups().get(0)).isSameAs(before);
    }

    @Test
    void item60_concurrentReadsDuringRefreshes() throws Exception {
        h = ProviderHarness.start(NG1);
        for (int i = 0; i < 5; i++) {
            h.addServer("ng1-0000000000" + i, "on", tagsOf("ng1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                int thread = t;
                futures.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < 20; i++) {
                                        if (thread % 10 == 0) {
                                            h.refresh();
                                        }
                                        h.provider.nodeGroups().forEach(NodeGroup::targetSize);
                                        h.provider.nodeGroupFor(node("ng1-0000000000" + (i % 5)));
                                    }
                                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(h.group("ng1").targetSize()).isEqualTo(5);
    }

    @Test
    void pricingUsesPricePerHourOrTheEstimate() {
        h =
                ProviderHarness.start(
                        NG1
                                + "price-per-hour=0.05\n"
                                + "[nodegroup \"ng2\"]\n"
                                + "name-prefix=ng2\n"
                                + "cpu=4D\n");
        PricingModel pricing = h.provider.pricing().orElseThrow();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        Instant twoHours = start.plusSeconds(7200);

        Node ng1Template = h.group("ng1").templateNode().node();
        Node ng2Template = h.group("ng2").templateNode().node();
        assertThat(pricing.nodePrice(ng1Template, start, twoHours))
                .isEqualTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
        double ng2 = pricing.nodePrice(ng2Template, start, twoHours);
        assertThat(ng2).isPositive();
        // 4 dedicated cores cost more than 2 general-purpose ones with the same RAM and disk.
        h.addServer("ng1-aaaaaaaaaaa", "on", tagsOf("ng1"));
        h.refresh();
        Node unknown =
                Node.builder("x")
                        .allocatable(Resources.ZERO)
                        .capacity(Resources.of(2000, 4096L << 20, 20L << 30, 110, 0))
                        .build();
        assertThat(ng2).isGreaterThan(pricing.nodePrice(unknown, start, twoHours));
        assertThat(pricing.nodePrice(node("ng1-aaaaaaaaaaa"), start, twoHours))
                .isEqualTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
    }
}
