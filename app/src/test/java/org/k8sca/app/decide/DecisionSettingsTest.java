package org.k8sca.app.decide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.app.flags.RunFlags;
import org.k8sca.app.flags.RunOptions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParseResult;

import java.time.Duration;

class DecisionSettingsTest {

    @Command(name = "run")
    static final class Run {
        @Mixin RunFlags flags;
    }

    private static DecisionSettings from(String... args) {
        Run run = new Run();
        ParseResult result = new CommandLine(run).parseArgs(args);
        RunOptions options = run.flags.toOptions(result::hasMatchedOption);
        return DecisionSettings.from(options, 1);
    }

    @Test
    void defaultFlagsGiveTheCoreDefaults() {
        DecisionSettings s = from();
        assertThat(s.groupDefaults()).isEqualTo(DecisionSettings.DEFAULTS.groupDefaults());
        assertThat(s.scaleUp()).isEqualTo(DecisionSettings.DEFAULTS.scaleUp());
        assertThat(s.clusterState()).isEqualTo(DecisionSettings.DEFAULTS.clusterState());
        assertThat(s.expander()).isEqualTo("least-waste");
        assertThat(s.scaleDownEnabled()).isTrue();
    }

    @Test
    void candidateTtlAndNodeObjectDeletionReachScaleDown() {
        assertThat(from().scaleDown().nodeDeletionCandidateTtl()).isZero();
        assertThat(from().scaleDown().deleteNodeObjects()).isTrue();

        DecisionSettings s =
                from("--node-deletion-candidate-ttl=30m", "--delete-node-objects=false");
        assertThat(s.scaleDown().nodeDeletionCandidateTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.scaleDown().deleteNodeObjects()).isFalse();
    }

    @Test
    void flagsReachThePartsThatUseThem() {
        DecisionSettings s =
                from(
                        "--scale-down-unneeded-time=3m",
                        "--max-node-provision-time=7m",
                        "--max-nodes-total=7",
                        "--expander=priority,least-waste",
                        "--bypassed-scheduler-names=batch",
                        "--ok-total-unready-count=9",
                        "--scale-down-delay-after-add=1m",
                        "--max-graceful-termination-sec=60",
                        "--scale-down-enabled=false",
                        "--cores-total=2:64");

        assertThat(s.scaleDown().groupDefaults().scaleDownUnneededTime())
                .isEqualTo(Duration.ofMinutes(3));
        assertThat(s.clusterState().defaultOptions().maxNodeProvisionTime())
                .isEqualTo(Duration.ofMinutes(7));
        assertThat(s.scaleUp().maxNodesTotal()).isEqualTo(7);
        assertThat(s.scaleUp().coresTotalMax()).isEqualTo(64);
        assertThat(s.scaleDown().minCoresTotal()).isEqualTo(2);
        assertThat(s.expander()).isEqualTo("priority,least-waste");
        assertThat(s.bypassedSchedulerNames()).containsExactly("batch");
        assertThat(s.clusterState().okTotalUnreadyCount()).isEqualTo(9);
        assertThat(s.scaleDown().delayAfterAdd()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.scaleDown().maxGracefulTermination()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.scaleDownEnabled()).isFalse();
    }
}
