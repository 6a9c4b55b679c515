package org.k8sca.app.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.app.testing.FakeCloud;
import org.k8sca.app.testing.RecordingOperations;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.model.Node;
import org.k8sca.core.resources.Resources;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The rule that deletes Node objects whose server is gone. */
class NodesWithoutServerCleanupTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final FakeCloud cloud = new FakeCloud();
    private final RecordingOperations ops = new RecordingOperations();
    private final NodesWithoutServerCleanup cleanup =
            new NodesWithoutServerCleanup(cloud, ops, true);

    private static Node node(String name, boolean ready, Instant transition) {
        return Node.builder(name)
                .providerId("kamatera://" + name)
                .allocatable(Resources.of(2000, 1L << 30, 0, 110, 0))
                .ready(ready)
                .lastReadyTransition(transition)
                .build();
    }

    @Test
    void aNotReadyNodeWithoutServerIsDeletedOnceTheGraceHasPassed() {
        Node n = node("ng1-a", false, T0);
        cloud.serverGone("ng1-a");

        assertThat(cleanup.run(List.of(n), Set.of(), T0.plus(Duration.ofMinutes(4))))
                .as("within the grace")
                .isEmpty();
        assertThat(ops.calls).isEmpty();

        assertThat(cleanup.run(List.of(n), Set.of(), T0.plus(Duration.ofMinutes(5))))
                .containsExactly("ng1-a");
        // The event follows the deletion, so a failing one is not announced again at each retry.
        assertThat(ops.calls)
                .containsExactly(
                        "deleteNode ng1-a", "event ng1-a " + NodesWithoutServerCleanup.REASON);
    }

    @Test
    void theGraceRunsFromFirstSightingWhenTheTransitionTimeIsUnknown() {
        Node n = node("ng1-a", false, null);
        cloud.serverGone("ng1-a");
        cleanup.run(List.of(n), Set.of(), T0);
        cleanup.run(List.of(n), Set.of(), T0.plus(Duration.ofMinutes(4)));
        assertThat(ops.calls).isEmpty();
        cleanup.run(List.of(n), Set.of(), T0.plus(Duration.ofMinutes(5)));
        assertThat(ops.calls).contains("deleteNode ng1-a");
    }

    @Test
    void aReadyNodeWithoutServerIsKept() {
        Node n = node("ng1-a", true, T0.minus(Duration.ofDays(1)));
        cloud.serverGone("ng1-a");
        for (int i = 0; i < 5; i++) {
            cleanup.run(List.of(n), Set.of(), T0.plus(Duration.ofHours(i)));
        }
        assertThat(ops.calls).isEmpty();
    }

    @Test
    void aNodeWithItsServerIsKeptHoweverLongItIsNotReady() {
        Node controlPlane = node("cp-1", false, T0.minus(Duration.ofDays(3)));
        cleanup.run(List.of(controlPlane), Set.of(), T0);
        assertThat(ops.calls).isEmpty();
    }

    @Test
    void aNodeBeingScaledDownIsLeftToItsDeletion() {
        Node n = node("ng1-a", false, T0.minus(Duration.ofHours(1)));
        cloud.serverGone("ng1-a");
        cleanup.run(List.of(n), Set.of("ng1-a"), T0);
        assertThat(ops.calls).isEmpty();
    }

    @Test
    void withDeleteNodeObjectsOffNothingIsDeleted() {
        NodesWithoutServerCleanup off = new NodesWithoutServerCleanup(cloud, ops, false);
        Node n = node("ng1-a", false, T0.minus(Duration.ofHours(1)));
        cloud.serverGone("ng1-a");
        off.run(List.of(n), Set.of(), T0);
        assertThat(ops.calls).isEmpty();
    }

    /**
     * Under upstream's RBAC the delete is refused; the operations then return normally (they log
     * and record the refusal themselves): the Node stays and is not tried again every loop.
     */
    @Test
    void aDeleteThatReturnsIsNeverRepeatedForTheSameNode() {
        Node n = node("ng1-a", false, T0.minus(Duration.ofHours(1)));
        cloud.serverGone("ng1-a");
        for (int i = 0; i < 50; i++) {
            cleanup.run(List.of(n), Set.of(), T0.plus(Duration.ofMinutes(10L * i)));
        }
        assertThat(ops.calls.stream().filter(c -> c.startsWith("deleteNode"))).hasSize(1);
    }

    @Test
    void aFailedDeleteIsRetriedAfterTheGraceNotEveryLoop() {
        Node n = node("ng1-a", false, T0.minus(Duration.ofHours(1)));
        cloud.serverGone("ng1-a");
        ops.failNodeDeletes = true;
        for (int s = 0; s <= 290; s += 10) {
            cleanup.run(List.of(n), Set.of(), T0.plusSeconds(s));
        }
        assertThat(ops.calls.stream().filter(c -> c.startsWith("deleteNode"))).hasSize(1);
        assertThat(ops.calls.stream().filter(c -> c.startsWith("event"))).isEmpty();

        ops.failNodeDeletes = false;
        assertThat(cleanup.run(List.of(n), Set.of(), T0.plus(Duration.ofMinutes(5))))
                .containsExactly("ng1-a");
        assertThat(ops.calls.stream().filter(c -> c.startsWith("deleteNode"))).hasSize(2);
        assertThat(ops.calls.stream().filter(c -> c.startsWith("event"))).hasSize(1);
    }

    @Test
    void aNodeThatComesBackUnderTheSameNameIsJudgedAfresh() {
        Node n = node("ng1-a", false, T0.minus(Duration.ofHours(1)));
        cloud.serverGone("ng1-a");
        cleanup.run(List.of(n), Set.of(), T0);
        cleanup.run(List.of(), Set.of(), T0.plusSeconds(10));
        cleanup.run(List.of(n), Set.of(), T0.plusSeconds(20));
        assertThat(ops.calls.stream().filter(c -> c.startsWith("deleteNode"))).hasSize(2);
    }

    @Test
    void aProviderThatCannotAnswerDeletesNothing() {
        Node n = node("ng1-a", false, T0.minus(Duration.ofHours(1)));
        cloud.hasInstanceFailure =
                new CloudProviderException(CloudProviderException.Kind.CLOUD_API, "API down");
        assertThat(cleanup.run(List.of(n), Set.of(), T0)).isEmpty();
        assertThat(ops.calls).isEmpty();
    }
}
