package org.k8sca.core.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SPI's defaults and value types, through a minimal in-memory provider. */
class CloudProviderSpiTest {

    /** The smallest possible node group: a counter. */
    private static class CountingGroup implements NodeGroup {
        int target = 1;

        @Override
        public String id() {
            return "g1";
        }

        @Override
        public int minSize() {
            return 0;
        }

        @Override
        public int maxSize() {
            return 3;
        }

        @Override
        public int targetSize() {
            return target;
        }

        @Override
        public void increaseSize(int delta) {
            if (delta <= 0 || target + delta > maxSize()) {
                throw new CloudProviderException(
                        CloudProviderException.Kind.INVALID_REQUEST,
                        "increase of "
                                + delta
                                + " would take "
                                + id()
                                + " from "
                                + target
                                + " past max "
                                + maxSize());
            }
            target += delta;
        }

        @Override
        public void deleteNodes(List<Node> nodes) {
            target -= nodes.size();
        }

        @Override
        public void decreaseTargetSize(int negativeDelta) {
            target += negativeDelta;
        }

        @Override
        public List<Instance> nodes() {
            List<Instance> out = new ArrayList<>();
            for (int i = 0; i < target; i++) {
                out.add(Instance.running("fake://" + i));
            }
            return out;
        }

        @Override
        public NodeTemplate templateNode() {
            throw CloudProviderException.notImplemented("template of " + id());
        }
    }

    @Test
    void optionalMethodsSayNotImplemented() {
        CountingGroup g = new CountingGroup();
        assertThatThrownBy(() -> g.atomicIncreaseSize(1))
                .isInstanceOfSatisfying(
                        CloudProviderException.class,
                        e -> assertThat(e.isNotImplemented()).isTrue())
                .hasMessageContaining("g1");
        assertThat(g.atomic()).isFalse();
        assertThat(g.options(NodeGroupOptions.UPSTREAM_DEFAULTS))
                .isSameAs(NodeGroupOptions.UPSTREAM_DEFAULTS);
        assertThat(g.debug()).isEqualTo("g1 (min 0, max 3)");
    }

    @Test
    void invalidRequestsCarryTheirKind() {
        CountingGroup g = new CountingGroup();
        g.increaseSize(2);
        assertThat(g.nodes()).hasSize(3);
        assertThatThrownBy(() -> g.increaseSize(1))
                .isInstanceOfSatisfying(
                        CloudProviderException.class,
                        e ->
                                assertThat(e.kind())
                                        .isEqualTo(CloudProviderException.Kind.INVALID_REQUEST));
    }

    @Test
    void providerDefaults() {
        CountingGroup g = new CountingGroup();
        CloudProvider p =
                new CloudProvider() {
                    @Override
                    public String name() {
                        return "fake";
                    }

                    @Override
                    public List<CountingGroup> nodeGroups() {
                        return List.of(g);
                    }

                    @Override
                    public Optional<CountingGroup> nodeGroupFor(Node node) {
                        return node.providerId().startsWith("fake://")
                                ? Optional.of(g)
                                : Optional.empty();
                    }

                    @Override
                    public void refresh() {}
                };
        Node ours = Node.builder("n1").providerId("fake://0").build();
        Node foreign = Node.builder("cp").providerId("other://x").build();
        assertThat(p.hasInstance(ours)).isTrue();
        assertThat(p.hasInstance(foreign))
                .as("unknown to the provider is not gone: only a provider that knows says false")
                .isTrue();
        assertThat(p.pricing()).isEmpty();
        assertThat(p.resourceLimits().max("cpu")).isEqualTo(Long.MAX_VALUE);
        assertThat(p.gpuLabel()).isEmpty();
        assertThat(p.isStandby(ours)).isFalse();
    }

    @Test
    void standbyIsAStoppedInstanceOfAnyGroupMatchedByProviderId() {
        CountingGroup running = new CountingGroup();
        NodeGroup pool =
                new CountingGroup() {
                    @Override
                    public String id() {
                        return "g2";
                    }

                    @Override
                    public int targetSize() {
                        return 0;
                    }

                    @Override
                    public List<Instance> nodes() {
                        return List.of(
                                Instance.stopped("fake://off"),
                                new Instance("fake://going", InstanceState.DELETING, null));
                    }
                };
        CloudProvider p =
                new CloudProvider() {
                    @Override
                    public String name() {
                        return "fake";
                    }

                    @Override
                    public List<NodeGroup> nodeGroups() {
                        return List.of(running, pool);
                    }

                    @Override
                    public Optional<NodeGroup> nodeGroupFor(Node node) {
                        return Optional.empty();
                    }

                    @Override
                    public void refresh() {}
                };
        assertThat(p.isStandby(Node.builder("off").providerId("fake://off").build())).isTrue();
        assertThat(p.isStandby(Node.builder("going").providerId("fake://going").build())).isFalse();
        assertThat(p.isStandby(Node.builder("n0").providerId("fake://0").build())).isFalse();
        assertThat(p.isStandby(Node.builder("x").providerId("fake://unknown").build())).isFalse();
        assertThat(p.isStandby(Node.builder("off").build())).as("no provider ID").isFalse();
    }

    @Test
    void valueTypesValidateTheirInput() {
        assertThatThrownBy(
                        () ->
                                new NodeGroupOptions(
                                        1.5,
                                        0.5,
                                        Duration.ZERO,
                                        Duration.ZERO,
                                        Duration.ZERO,
                                        Duration.ZERO,
                                        false,
                                        false,
                                        false))
                .hasMessageContaining("utilization threshold")
                .hasMessageContaining("1.5");
        assertThat(
                        NodeGroupOptions.UPSTREAM_DEFAULTS
                                .withMaxNodeProvisionTime(Duration.ofMinutes(5))
                                .maxNodeProvisionTime())
                .isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> new Instance("", InstanceState.RUNNING, null))
                .hasMessageContaining("id");
        Instance failed =
                new Instance(
                        "fake://9",
                        InstanceState.CREATING,
                        new InstanceError(
                                InstanceError.ErrorClass.OUT_OF_RESOURCES, "QUOTA", "no capacity"));
        assertThat(failed.hasError()).isTrue();
        Node template =
                Node.builder("template-g1").allocatable(Resources.of(1000, 1, 0, 110, 0)).build();
        Pod elsewhere = Pod.builder("kube-system", "proxy").nodeName("n1").build();
        assertThatThrownBy(() -> new NodeTemplate(template, List.of(elsewhere)))
                .hasMessageContaining("kube-system/proxy")
                .hasMessageContaining("template-g1");
    }
}
