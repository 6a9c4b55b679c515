package org.k8sca.kamatera.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.kamatera.provider.ProviderHarness.node;
import static org.k8sca.kamatera.provider.ProviderHarness.nodeWithoutProviderId;
import static org.k8sca.kamatera.provider.ProviderHarness.tagsOf;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.model.Node;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The provider's own {@code isStandby} is a faster form of the core's default: on a fleet with
 * servers in every state, each node gets the same answer from both.
 */
class IsStandbyTest {

    private static final String GROUPS =
            """
            [nodegroup "ng1"]
            name-prefix=ng1
            min-size=0
            max-size=10
            poweroff-on-scale-down=true
            [nodegroup "ng2"]
            name-prefix=ng2
            min-size=0
            max-size=10
            """;

    private ProviderHarness h;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void answersAsTheCoreDefaultForServersInEveryState() {
        h = ProviderHarness.start(GROUPS);
        h.addServer("ng1-offaaaaaaa", "off", tagsOf("ng1"));
        h.addServer("ng1-onaaaaaaaa", "on", tagsOf("ng1"));
        h.addServer("ng1-goingaaaaa", "on", tagsOf("ng1"));
        h.addServer("ng2-offaaaaaaa", "off", tagsOf("ng2"));
        h.addServer("ng2-onaaaaaaaa", "on", tagsOf("ng2"));
        h.addServer("nogroup-off", "off", "k8sca-" + ProviderHarness.CLUSTER, "k8scang-other");
        h.addServer("foreign-off", "off", "k8sca-another-cluster");
        h.refresh();
        h.group("ng2").increaseSize(1);
        h.group("ng1").deleteNodes(List.of(node("ng1-goingaaaaa")));

        List<Node> nodes = new ArrayList<>();
        for (String name :
                List.of(
                        "ng1-offaaaaaaa",
                        "ng1-onaaaaaaaa",
                        "ng1-goingaaaaa",
                        "ng2-offaaaaaaa",
                        "ng2-onaaaaaaaa",
                        "nogroup-off",
                        "foreign-off",
                        "unknown")) {
            nodes.add(node(name));
            nodes.add(nodeWithoutProviderId(name));
            nodes.add(withProviderId(name, name));
            nodes.add(withProviderId(name, "other://" + name));
        }
        for (NodeGroup g : h.provider.nodeGroups()) {
            g.nodes().forEach(i -> nodes.add(withProviderId("created", i.id())));
        }

        CloudProvider viaDefault = coreDefault(h.provider);
        for (Node n : nodes) {
            assertThat(h.provider.isStandby(n))
                    .as("isStandby of node %s with provider ID '%s'", n.name(), n.providerId())
                    .isEqualTo(viaDefault.isStandby(n));
        }
        assertThat(h.provider.isStandby(node("ng1-offaaaaaaa"))).isTrue();
        assertThat(h.provider.isStandby(node("ng2-offaaaaaaa"))).isTrue();
        assertThat(h.provider.isStandby(node("ng1-onaaaaaaaa"))).isFalse();
        assertThat(h.provider.isStandby(node("nogroup-off"))).isFalse();
        assertThat(h.provider.isStandby(node("foreign-off"))).isFalse();
    }

    private static Node withProviderId(String name, String providerId) {
        return Node.builder(name).providerId(providerId).allocatable(Resources.ZERO).build();
    }

    /** The same groups, answering {@code isStandby} with the SPI's default method. */
    private static CloudProvider coreDefault(KamateraCloudProvider provider) {
        return new CloudProvider() {
            @Override
            public String name() {
                return "core-default";
            }

            @Override
            public List<? extends NodeGroup> nodeGroups() {
                return provider.nodeGroups();
            }

            @Override
            public Optional<? extends NodeGroup> nodeGroupFor(Node node) {
                return provider.nodeGroupFor(node);
            }

            @Override
            public void refresh() {}
        };
    }
}
