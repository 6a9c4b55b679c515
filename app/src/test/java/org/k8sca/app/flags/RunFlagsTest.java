package org.k8sca.app.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.app.logging.LogFormat;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.time.Duration;
import java.util.List;

/**
 * Parsing the {@code run} flags into {@link RunOptions}: upstream defaults, value syntax,
 * cross-checks.
 */
class RunFlagsTest {

    @Command(name = "run")
    static final class Run {
        @Mixin RunFlags flags;
        @Mixin IgnoredFlags ignored;
    }

    private static RunOptions parse(String... args) {
        Run run = new Run();
        CommandLine commandLine = new CommandLine(run);
        commandLine.setOverwrittenOptionsAllowed(true);
        ParseResult result = commandLine.parseArgs(args);
        return run.flags.toOptions(result::hasMatchedOption);
    }

    private static IgnoredFlags parseIgnored(String... args) {
        Run run = new Run();
        new CommandLine(run).parseArgs(args);
        return run.ignored;
    }

    @Test
    void defaultsAreUpstreamDefaults() {
        RunOptions options = parse();

        // Values from the upstream flag table (autoscaler-core.md §5.7 and §1.4).
        assertThat(options.cloudProvider()).isEqualTo("kamatera");
        assertThat(options.cloudConfig()).isEmpty();
        assertThat(options.kubernetes().namespace()).isEqualTo("kube-system");
        assertThat(options.kubernetes().kubeClientQps()).isEqualTo(5.0);
        assertThat(options.kubernetes().kubeClientBurst()).isEqualTo(10);
        assertThat(options.kubernetes().address()).isEqualTo(":8085");
        assertThat(options.leaderElection().enabled()).isTrue();
        assertThat(options.leaderElection().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.leaderElection().renewDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.leaderElection().retryPeriod()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.leaderElection().resourceName()).isEqualTo("cluster-autoscaler");
        assertThat(options.leaderElection().resourceNamespace()).isEqualTo("kube-system");
        assertThat(options.loop().scanInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.loop().frequentLoopsEnabled()).isTrue();
        assertThat(options.loop().maxInactivity()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.loop().maxFailingTime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(options.loop().maxStartupTime()).isEqualTo(Duration.ofMinutes(20));
        assertThat(options.loop().writeStatusConfigmap()).isTrue();
        assertThat(options.loop().statusConfigMapName()).isEqualTo("cluster-autoscaler-status");
        assertThat(options.loop().recordDuplicatedEvents()).isFalse();
        assertThat(options.limits().maxNodesTotal()).isZero();
        assertThat(options.limits().coresTotal()).isEqualTo(new MinMax(0, 320000));
        assertThat(options.limits().memoryTotalGib()).isEqualTo(new MinMax(0, 6400000));

        RunOptions.ScaleUp up = options.scaleUp();
        assertThat(up.expander()).containsExactly("least-waste");
        assertThat(up.balanceSimilarNodeGroups()).isFalse();
        assertThat(up.maxNodeProvisionTime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(up.maxNodeStartupTime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(up.maxNodesPerScaleup()).isEqualTo(1000);
        assertThat(up.maxNodegroupBinpackingDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(up.maxBinpackingTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(up.newPodScaleUpDelay()).isEqualTo(Duration.ZERO);
        assertThat(up.expendablePodsPriorityCutoff()).isEqualTo(-10);
        assertThat(up.scaleUpFromZero()).isTrue();
        assertThat(up.enforceNodeGroupMinSize()).isFalse();
        assertThat(up.initialNodeGroupBackoffDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(up.maxNodeGroupBackoffDuration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(up.nodeGroupBackoffResetTimeout()).isEqualTo(Duration.ofHours(3));
        assertThat(up.maxTotalUnreadyPercentage()).isEqualTo(45.0);
        assertThat(up.okTotalUnreadyCount()).isEqualTo(3);
        assertThat(up.startupTaint()).isEmpty();
        assertThat(up.predicateParallelism()).isEqualTo(4);

        RunOptions.ScaleDown down = options.scaleDown();
        assertThat(down.scaleDownEnabled()).isTrue();
        assertThat(down.scaleDownUtilizationThreshold()).isEqualTo(0.5);
        assertThat(down.scaleDownUnneededTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(down.scaleDownUnreadyTime()).isEqualTo(Duration.ofMinutes(20));
        assertThat(down.scaleDownUnreadyEnabled()).isTrue();
        assertThat(down.scaleDownDelayAfterAdd()).isEqualTo(Duration.ofMinutes(10));
        assertThat(down.scaleDownDelayAfterDelete()).isEqualTo(Duration.ZERO);
        assertThat(down.scaleDownDelayAfterFailure()).isEqualTo(Duration.ofMinutes(3));
        assertThat(down.scaleDownDelayTypeLocal()).isFalse();
        assertThat(down.unremovableNodeRecheckTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(down.scaleDownSimulationTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(down.maxScaleDownParallelism()).isEqualTo(10);
        assertThat(down.maxDrainParallelism()).isEqualTo(1);
        assertThat(down.maxGracefulTerminationSec()).isEqualTo(600);
        assertThat(down.drainPriorityConfig()).isEmpty();
        assertThat(down.maxPodEvictionTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(down.nodeDeleteDelayAfterTaint()).isEqualTo(Duration.ofSeconds(5));
        assertThat(down.cordonNodeBeforeTerminating()).isTrue();
        assertThat(down.ignoreDaemonsetsUtilization()).isFalse();
        assertThat(down.ignoreMirrorPodsUtilization()).isFalse();
        assertThat(down.skipNodesWithSystemPods()).isTrue();
        assertThat(down.skipNodesWithLocalStorage()).isTrue();
        assertThat(down.skipNodesWithCustomControllerPods()).isTrue();
        assertThat(down.minReplicaCount()).isZero();
        assertThat(down.blockingSystemPodDisruptionTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(down.daemonsetEvictionForEmptyNodes()).isFalse();
        assertThat(down.daemonsetEvictionForOccupiedNodes()).isTrue();
        assertThat(down.maxBulkSoftTaintCount()).isEqualTo(10);
        assertThat(down.maxBulkSoftTaintTime()).isEqualTo(Duration.ofSeconds(3));
        assertThat(down.nodeDeletionDelayTimeout()).isEqualTo(Duration.ofMinutes(2));

        assertThat(options.logging()).isEqualTo(new RunOptions.Logging(0, LogFormat.TEXT));
    }

    @Test
    void booleansTakeTheBareFlagOrGoSpellings() {
        assertThat(parse("--balance-similar-node-groups").scaleUp().balanceSimilarNodeGroups())
                .isTrue();
        assertThat(parse("--leader-elect=false").leaderElection().enabled()).isFalse();
        assertThat(parse("--leader-elect=0").leaderElection().enabled()).isFalse();
        assertThat(parse("--leader-elect=F").leaderElection().enabled()).isFalse();
        assertThat(parse("--scale-down-enabled=False").scaleDown().scaleDownEnabled()).isFalse();
        assertThat(
                        parse("--scale-down-enabled=false", "--scale-down-enabled=TRUE")
                                .scaleDown()
                                .scaleDownEnabled())
                .as("the last occurrence wins")
                .isTrue();
        assertThatThrownBy(() -> parse("--leader-elect=yes"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("invalid syntax");
    }

    @Test
    void verbosityTakesEveryKlogSpelling() {
        for (String[] args :
                new String[][] {{"-v4"}, {"-v=4"}, {"-v", "4"}, {"--v=4"}, {"--v", "4"}}) {
            assertThat(parse(args).logging().verbosity()).as(String.join(" ", args)).isEqualTo(4);
        }
        assertThatThrownBy(() -> parse("-v=-1"))
                .hasMessageContaining("-v: verbosity must be 0 or more");
    }

    @Test
    void durationsAreGoDurations() {
        RunOptions options =
                parse(
                        "--scan-interval=1m30s",
                        "--scale-down-unneeded-time",
                        "2.5m",
                        "--new-pod-scale-up-delay=0");

        assertThat(options.loop().scanInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.scaleDown().scaleDownUnneededTime()).isEqualTo(Duration.ofSeconds(150));
        assertThat(options.scaleUp().newPodScaleUpDelay()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> parse("--scan-interval=10"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--scan-interval")
                .hasMessageContaining("time: missing unit in duration \"10\"");
        assertThatThrownBy(() -> parse("--scan-interval=0s"))
                .hasMessageContaining("--scan-interval: must be positive");
    }

    @Test
    void listFlagsCollectRepeatsAndCommaLists() {
        RunOptions options =
                parse(
                        "--expander=priority,least-waste",
                        "--startup-taint=a",
                        "--startup-taint=b",
                        "--ignore-taint=old",
                        "--bypassed-scheduler-names=s1,s2",
                        "--bypassed-scheduler-names=s3");

        assertThat(options.scaleUp().expander()).containsExactly("priority", "least-waste");
        assertThat(options.scaleUp().startupTaint()).containsExactly("old", "a", "b");
        assertThat(options.scaleUp().bypassedSchedulerNames()).containsExactly("s1", "s2", "s3");
    }

    @Test
    void expandersAreCheckedByName() {
        assertThatThrownBy(() -> parse("--expander=least-waste,cheapest"))
                .hasMessageContaining("--expander: unknown expander 'cheapest'")
                .hasMessageContaining("most-pods");
        assertThatThrownBy(() -> parse("--expander=grpc"))
                .hasMessageContaining("grpc expander is not supported");
        assertThatThrownBy(() -> parse("--expander=")).hasMessageContaining("unknown expander ''");
    }

    @Test
    void expanderIsAStringFlagSoARepeatOverrides() {
        assertThat(parse("--expander=priority", "--expander=random,most-pods").scaleUp().expander())
                .containsExactly("random", "most-pods");
    }

    @Test
    void onlyKamateraIsACloudProvider() {
        assertThat(parse("--cloud-provider=kamatera").cloudProvider()).isEqualTo("kamatera");
        assertThatThrownBy(() -> parse("--cloud-provider=aws"))
                .hasMessage(
                        "--cloud-provider: only 'kamatera' is supported by this autoscaler, got"
                                + " 'aws'");
    }

    @Test
    void minMaxTotalsAreParsedWithUpstreamMessages() {
        assertThat(parse("--cores-total=4:64").limits().coresTotal()).isEqualTo(new MinMax(4, 64));
        assertThat(parse("--memory-total=0:512").limits().memoryTotalGib())
                .isEqualTo(new MinMax(0, 512));
        assertThatThrownBy(() -> parse("--cores-total=64"))
                .hasMessageContaining("--cores-total: wrong nodes configuration: 64");
        assertThatThrownBy(() -> parse("--cores-total=a:64"))
                .hasMessageContaining("--cores-total: failed to set min size: a, expected integer");
        assertThatThrownBy(() -> parse("--memory-total=10:5"))
                .hasMessageContaining(
                        "--memory-total: max size must be greater or equal to min size");
        assertThatThrownBy(() -> parse("--memory-total=-1:5"))
                .hasMessageContaining("--memory-total: min size must be greater or equal to 0");
    }

    @Test
    void drainPriorityConfigIsParsedAndExclusiveWithMaxGracefulTermination() {
        assertThat(
                        parse("--drain-priority-config=10000:20,1000:100,0:60")
                                .scaleDown()
                                .drainPriorityConfig())
                .containsExactly(
                        new DrainPriority(10000, 20),
                        new DrainPriority(1000, 100),
                        new DrainPriority(0, 60));
        assertThatThrownBy(() -> parse("--drain-priority-config=1000:x"))
                .hasMessageContaining("--drain-priority-config: '1000:x'");
        // Upstream refuses the pair even when the value equals the default.
        assertThatThrownBy(
                        () ->
                                parse(
                                        "--drain-priority-config=0:60",
                                        "--max-graceful-termination-sec=600"))
                .hasMessageContaining(
                        "could not use --drain-priority-config together with"
                                + " --max-graceful-termination-sec");
    }

    @Test
    void crossFlagChecks() {
        assertThatThrownBy(() -> parse("--predicate-parallelism=0"))
                .hasMessageContaining("--predicate-parallelism: must be at least 1, got 0");
        assertThatThrownBy(() -> parse("--balancing-label=a", "--balancing-ignore-label=b"))
                .hasMessageContaining("cannot be combined with --balancing-ignore-label");
        assertThatThrownBy(() -> parse("--estimator=oldbinpacking"))
                .hasMessageContaining("--estimator");
        assertThatThrownBy(() -> parse("--leader-elect-resource-lock=endpoints"))
                .hasMessageContaining("only 'leases' is supported");
        assertThatThrownBy(() -> parse("--scale-down-utilization-threshold=1.5"))
                .hasMessageContaining(
                        "--scale-down-utilization-threshold: must be between 0 and 1");
    }

    @Test
    void maxStartupTimeIsRaisedToTheOtherHealthWindows() {
        assertThat(parse("--max-failing-time=30m").loop().maxStartupTime())
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(parse("--max-inactivity=1h").loop().maxStartupTime())
                .isEqualTo(Duration.ofHours(1));
        assertThat(parse("--max-startup-time=2h").loop().maxStartupTime())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void leaseNamespaceDefaultsToTheNamespaceFlag() {
        assertThat(parse("--namespace=autoscaling").leaderElection().resourceNamespace())
                .isEqualTo("autoscaling");
        assertThat(
                        parse("--namespace=autoscaling", "--leader-elect-resource-namespace=locks")
                                .leaderElection()
                                .resourceNamespace())
                .isEqualTo("locks");
    }

    @Test
    void nodesArePairsOfSizesAndANameEvenThoughIgnored() {
        assertThat(parseIgnored("--nodes=1:10:ng1", "--nodes=0:5:ng:2").nodes)
                .containsExactly(new NodeGroupSpec(1, 10, "ng1"), new NodeGroupSpec(0, 5, "ng:2"));
        assertThatThrownBy(() -> parseIgnored("--nodes=1:10"))
                .hasMessageContaining("wrong nodes configuration: 1:10");
        assertThatThrownBy(() -> parseIgnored("--nodes=5:1:ng"))
                .hasMessageContaining("max size must be greater or equal to min size");
    }

    @Test
    void optionsAreImmutable() {
        RunOptions options = parse("--expander=priority", "--startup-taint=a");

        assertThatThrownBy(() -> options.scaleUp().expander().add("random"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.scaleUp().startupTaint().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(List.copyOf(options.scaleUp().expander())).containsExactly("priority");
    }
}
