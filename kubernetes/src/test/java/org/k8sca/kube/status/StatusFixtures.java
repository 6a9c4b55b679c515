package org.k8sca.kube.status;

import org.k8sca.core.cloud.InstanceError.ErrorClass;
import org.k8sca.core.clusterstate.Backoff;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.core.clusterstate.NodeCounts;
import org.k8sca.core.clusterstate.NodeGroupStatus;
import org.k8sca.core.clusterstate.ScaleUpActivity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A cluster with two groups, one of them backed off, built from the core's records. */
final class StatusFixtures {

    static final Instant PROBE = Instant.parse("2020-11-25T08:19:44.088071148Z");
    static final Instant HEALTH_SINCE = Instant.parse("2020-11-25T07:46:04.409158551Z");
    static final Instant SCALE_UP_SINCE = Instant.parse("2020-11-25T08:18:33Z");
    static final Instant WRITTEN = Instant.parse("2020-11-25T08:19:44.090873082Z");

    private StatusFixtures() {}

    static ClusterStatus cluster() {
        NodeCounts web = new NodeCounts(3, 1, 1, 0, 0, 2, 1, 0, 1);
        NodeCounts gpu = new NodeCounts(1, 0, 0, 1, 2, 0, 0, 1, 0);
        Backoff backoff =
                new Backoff(
                        ErrorClass.OUT_OF_RESOURCES,
                        "QUOTA_EXCEEDED",
                        "quota: \"cpu\" exceeded",
                        SCALE_UP_SINCE,
                        SCALE_UP_SINCE.plus(Duration.ofMinutes(5)),
                        Duration.ofMinutes(5));
        return new ClusterStatus(
                Health.HEALTHY,
                HEALTH_SINCE,
                web.plus(gpu),
                ScaleUpActivity.IN_PROGRESS,
                SCALE_UP_SINCE,
                PROBE,
                List.of(
                        new NodeGroupStatus(
                                "web",
                                1,
                                10,
                                7,
                                web,
                                Health.HEALTHY,
                                HEALTH_SINCE,
                                ScaleUpActivity.IN_PROGRESS,
                                SCALE_UP_SINCE,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                PROBE),
                        new NodeGroupStatus(
                                "gpu",
                                0,
                                3,
                                4,
                                gpu,
                                Health.UNHEALTHY,
                                PROBE,
                                ScaleUpActivity.BACKOFF,
                                SCALE_UP_SINCE,
                                Optional.empty(),
                                Optional.of(backoff),
                                Optional.empty(),
                                PROBE)));
    }

    static StatusReport report() {
        ScaleDownTracker tracker = new ScaleDownTracker();
        return StatusReport.running(
                WRITTEN,
                cluster(),
                tracker.cluster(2, PROBE),
                Map.of("web", tracker.group("web", 2, PROBE)));
    }
}
