package org.k8sca.kamatera.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.kamatera.provider.ProviderHarness.node;
import static org.k8sca.kamatera.provider.ProviderHarness.tagsOf;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.knobs.Endpoint;

import java.util.List;

/** Deliverable 7: how many API calls refreshes make (counted with the simulator's journal). */
class ApiEconomyTest {

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

    private ProviderHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private void addServers() {
        for (int i = 0; i < 5; i++) {
            h.addServer("ng1-0000000000" + i, "on", tagsOf("ng1"));
            h.addServer("ng2-0000000000" + i, "on", tagsOf("ng2"));
            h.addServer("other-000000" + i, "on", "k8sca-othercluster", "k8scang-ng1");
        }
    }

    @Test
    void steadyStateRefreshesListOncePerRefreshAndReadNoTagsOfKnownServers() {
        h = ProviderHarness.start(TWO_GROUPS);
        addServers();
        h.refresh();
        assertThat(h.requests(Endpoint.TAGS))
                .isEqualTo(15); // once per server, including foreign ones
        h.sim.clearJournal();

        int refreshes = 12;
        for (int i = 0; i < refreshes; i++) {
            h.clock.advanceSeconds(10);
            h.refresh();
        }
        assertThat(h.requests(Endpoint.LIST_SERVERS)).isLessThanOrEqualTo(refreshes);
        assertThat(h.requests(Endpoint.TAGS)).isZero();
        assertThat(h.requests(Endpoint.QUEUE)).isZero();
    }

    @Test
    void minimumRefreshIntervalSkipsIdleListings_butNotWhileOperationsAreInFlight() {
        h = new ProviderHarness("min-refresh-interval=60s", TWO_GROUPS, 1);
        addServers();
        h.refresh();
        h.sim.clearJournal();
        for (int i = 0; i < 12; i++) { // two minutes of 10 s loops
            h.clock.advanceSeconds(10);
            h.refresh();
        }
        assertThat(h.requests(Endpoint.LIST_SERVERS)).isEqualTo(2);

        h.sim.clearJournal();
        h.group("ng1").deleteNodes(List.of(node("ng1-00000000000")));
        for (int i = 0; i < 3; i++) {
            h.clock.advanceSeconds(10);
            h.refresh();
        }
        assertThat(h.requests(Endpoint.LIST_SERVERS)).isEqualTo(3);
    }

    @Test
    void allCommandsInFlightArePolledInOneQueueCallPerRefresh() {
        h = ProviderHarness.start(TWO_GROUPS);
        h.refresh();
        h.group("ng1").increaseSize(3);
        h.group("ng2").increaseSize(3);
        h.sim.clearJournal();
        h.clock.advanceSeconds(5);
        h.refresh();

        assertThat(h.requests(Endpoint.QUEUE)).isEqualTo(1);
        assertThat(h.sim.journal(Endpoint.QUEUE).get(0).query()).contains("id=");
    }

    @Test
    void oneFailingTagReadDoesNotFailTheRefresh_theServerIsAdoptedLater() {
        h = ProviderHarness.start(TWO_GROUPS);
        h.addServer("ng1-00000000000", "on", tagsOf("ng1"));
        h.addServer("ng1-00000000001", "on", tagsOf("ng1"));
        h.sim.faults()
                .failNext(
                        Endpoint.TAGS,
                        5,
                        500,
                        "{\"message\":\"Failed to run command method (serverTags)\"}");
        h.refresh();

        assertThat(h.group("ng1").nodes()).hasSize(1);
        h.refresh();
        assertThat(h.group("ng1").nodes()).hasSize(2);
    }

    /** Spec §7 item 30: servers outside filter-name-prefix are neither returned nor tag-read. */
    @Test
    void filterNamePrefixKeepsOtherServersOutWithoutTagCalls() {
        h = new ProviderHarness("min-refresh-interval=0s\nfilter-name-prefix=ng", TWO_GROUPS, 1);
        addServers();
        h.refresh();

        assertThat(h.requests(Endpoint.TAGS)).isEqualTo(10);
        assertThat(h.group("ng1").nodes()).hasSize(5);
    }
}
