package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.clusterstate.Views.creating;
import static org.k8sca.core.clusterstate.Views.running;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

class PlanExecutorTest {

    /** A group that records calls and can be told to fail. */
    private static final class RecordingGroup implements NodeGroup {
        final String id;
        final List<String> calls = new ArrayList<>();
        boolean fail;

        RecordingGroup(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int minSize() {
            return 0;
        }

        @Override
        public int maxSize() {
            return 10;
        }

        @Override
        public int targetSize() {
            return 0;
        }

        @Override
        public void increaseSize(int delta) {
            calls.add("increase " + delta);
        }

        @Override
        public void deleteNodes(List<Node> nodes) {
            if (fail) {
                throw new CloudProviderException(CloudProviderException.Kind.CLOUD_API, "API down");
            }
            for (Node n : nodes) {
                calls.add(
                        "delete "
                                + n.providerId()
                                + " "
                                + n.annotations().get(PlanExecutor.FAKE_NODE_REASON_ANNOTATION));
            }
        }

        @Override
        public void decreaseTargetSize(int negativeDelta) {
            if (fail) {
                throw CloudProviderException.notImplemented("decrease of target size of " + id);
            }
            calls.add("decrease " + negativeDelta);
        }

        @Override
        public List<Instance> nodes() {
            return List.of();
        }

        @Override
        public NodeTemplate templateNode() {
            throw CloudProviderException.notImplemented("template");
        }
    }

    private final RecordingGroup a = new RecordingGroup("a");
    private final RecordingGroup b = new RecordingGroup("b");
    private final PlanExecutor executor =
            PlanExecutor.forProvider(
                    new CloudProvider() {
                        @Override
                        public String name() {
                            return "test";
                        }

                        @Override
                        public List<? extends NodeGroup> nodeGroups() {
                            return List.of(a, b);
                        }

                        @Override
                        public Optional<? extends NodeGroup> nodeGroupFor(Node node) {
                            return Optional.empty();
                        }

                        @Override
                        public void refresh() {}
                    });

    @Test
    void deletesThroughStandInNodesOneCallPerGroup() {
        b.fail = true;
        List<ActionOutcome> out =
                executor.delete(
                        List.of(
                                new InstanceDeletion(
                                        "a",
                                        List.of(running("x"), running("y")),
                                        InstanceDeletion.Reason.UNREGISTERED),
                                new InstanceDeletion(
                                        "b",
                                        List.of(creating("z")),
                                        InstanceDeletion.Reason.CREATE_ERROR),
                                new InstanceDeletion(
                                        "gone",
                                        List.of(creating("w")),
                                        InstanceDeletion.Reason.CREATE_ERROR)));
        assertThat(a.calls)
                .containsExactly("delete fake://x unregistered", "delete fake://y unregistered");
        assertThat(out).extracting(ActionOutcome::succeeded).containsExactly(true, false, false);
        assertThat(out.get(1).error()).hasValue("API down");
        assertThat(out.get(2).error()).hasValue("node group gone no longer exists");
        assertThat(out.get(0).action()).isEqualTo("delete 2 unregistered instance(s)");
    }

    @Test
    void correctsTargetSizes() {
        b.fail = true;
        List<ActionOutcome> out =
                executor.correct(
                        List.of(
                                new TargetSizeCorrection(
                                        "a", -2, TargetSizeCorrection.Reason.WRONG_SIZE, "m"),
                                new TargetSizeCorrection(
                                        "b",
                                        -1,
                                        TargetSizeCorrection.Reason.SCALE_UP_TIMEOUT,
                                        "m")));
        assertThat(a.calls).containsExactly("decrease -2");
        assertThat(out.get(0).succeeded()).isTrue();
        assertThat(out.get(1).error())
                .hasValueSatisfying(e -> assertThat(e).contains("not implemented"));
    }

    @Test
    void fakeNodeCarriesTheInstanceId() {
        Node n = PlanExecutor.fakeNode(creating("q"), InstanceDeletion.Reason.CREATE_ERROR);
        assertThat(n.providerId()).isEqualTo("fake://q");
        assertThat(n.name()).isEqualTo("fake://q");
        assertThat(n.ready()).isFalse();
    }
}
