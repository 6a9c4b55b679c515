package org.k8sca.app.flags;

import org.k8sca.app.logging.LogFormat;
import org.k8sca.core.duration.GoDuration;

import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The upstream Cluster Autoscaler flags that this autoscaler implements, with upstream's names,
 * value syntax and defaults (a picocli mixin of the {@code run} command). {@link #toOptions} checks
 * what single values cannot (e.g. mutually exclusive flags) and builds the immutable {@link
 * RunOptions}.
 *
 * <p>The {@code paramLabel} of every option is the type name Go's pflag prints in its help ({@code
 * duration}, {@code bool}, {@code stringArray}...); docs/flags.md shows it as the type.
 */
public final class RunFlags {
    /** The only cloud provider this autoscaler drives. */
    public static final String KAMATERA = "kamatera";

    /**
     * Upstream's expanders, in upstream's spelling. grpc needs an external server we do not
     * support.
     */
    static final Set<String> EXPANDERS =
            Set.of("least-waste", "most-pods", "least-nodes", "price", "priority", "random");

    // Cloud provider

    @Option(
            names = "--cloud-provider",
            paramLabel = "string",
            defaultValue = KAMATERA,
            description = "Cloud provider type; must be kamatera.")
    String cloudProvider;

    @Option(
            names = "--cloud-config",
            paramLabel = "string",
            defaultValue = "",
            description =
                    "The Kamatera cloud config file (INI): API credentials, cluster name and node"
                            + " groups.")
    String cloudConfig;

    // Kubernetes API

    @Option(
            names = "--kubeconfig",
            paramLabel = "string",
            defaultValue = "",
            description = "Path to a kubeconfig file; empty means the in-cluster service account.")
    String kubeconfig;

    @Option(
            names = "--kubernetes",
            paramLabel = "string",
            defaultValue = "",
            description =
                    "Kubernetes API server URL, overriding the one in the kubeconfig; empty for the"
                            + " default.")
    String kubernetesMaster;

    @Option(
            names = "--namespace",
            paramLabel = "string",
            defaultValue = "kube-system",
            description =
                    "Namespace of the status ConfigMap, the priority-expander ConfigMap and the"
                            + " leader-election Lease.")
    String namespace;

    @Option(
            names = "--kube-client-qps",
            paramLabel = "float",
            defaultValue = "5",
            converter = GoFloatConverter.class,
            description = "Queries per second allowed to the Kubernetes API.")
    double kubeClientQps;

    @Option(
            names = "--kube-client-burst",
            paramLabel = "int",
            defaultValue = "10",
            description = "Burst of queries allowed to the Kubernetes API above --kube-client-qps.")
    int kubeClientBurst;

    @Option(
            names = "--user-agent",
            paramLabel = "string",
            defaultValue = "cluster-autoscaler",
            description = "User-Agent of the HTTP calls to the Kubernetes API.")
    String userAgent;

    @Option(
            names = "--address",
            paramLabel = "string",
            defaultValue = ":8085",
            description = "Address of the HTTP server for /metrics and /health-check.")
    String address;

    // Leader election

    @Option(
            names = "--leader-elect",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description =
                    "Run only while holding the leader-election Lease, so that several replicas can"
                            + " be deployed.")
    boolean leaderElect;

    @Option(
            names = "--leader-elect-lease-duration",
            paramLabel = "duration",
            defaultValue = "15s",
            converter = GoDurationConverter.class,
            description =
                    "How long a non-leader waits after the last renewal before taking the Lease"
                            + " over.")
    Duration leaderElectLeaseDuration;

    @Option(
            names = "--leader-elect-renew-deadline",
            paramLabel = "duration",
            defaultValue = "10s",
            converter = GoDurationConverter.class,
            description =
                    "How long the leader keeps trying to renew the Lease before it stops (and"
                            + " exits).")
    Duration leaderElectRenewDeadline;

    @Option(
            names = "--leader-elect-retry-period",
            paramLabel = "duration",
            defaultValue = "2s",
            converter = GoDurationConverter.class,
            description = "How long to wait between attempts to acquire or renew the Lease.")
    Duration leaderElectRetryPeriod;

    @Option(
            names = "--leader-elect-resource-lock",
            paramLabel = "string",
            defaultValue = "leases",
            description =
                    "The kind of lock object; only leases is supported, as in current upstream"
                            + " releases.")
    String leaderElectResourceLock;

    @Option(
            names = "--leader-elect-resource-name",
            paramLabel = "string",
            defaultValue = "cluster-autoscaler",
            description = "Name of the Lease.")
    String leaderElectResourceName;

    @Option(
            names = "--leader-elect-resource-namespace",
            paramLabel = "string",
            defaultValue = "",
            description = "Namespace of the Lease; empty means --namespace.")
    String leaderElectResourceNamespace;

    // Main loop, status and health

    @Option(
            names = "--scan-interval",
            paramLabel = "duration",
            defaultValue = "10s",
            converter = GoDurationConverter.class,
            description =
                    "How often the cluster is re-evaluated for scale-up and scale-down (an upper"
                            + " bound when --frequent-loops-enabled).")
    Duration scanInterval;

    @Option(
            names = "--frequent-loops-enabled",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description =
                    "Start the next loop at once after a productive one, and early when a new"
                            + " unschedulable pod appears.")
    boolean frequentLoopsEnabled;

    @Option(
            names = "--max-inactivity",
            paramLabel = "duration",
            defaultValue = "10m",
            converter = GoDurationConverter.class,
            description = "/health-check fails when no loop has started for this long.")
    Duration maxInactivity;

    @Option(
            names = "--max-failing-time",
            paramLabel = "duration",
            defaultValue = "15m",
            converter = GoDurationConverter.class,
            description = "/health-check fails when no loop has succeeded for this long.")
    Duration maxFailingTime;

    @Option(
            names = "--max-startup-time",
            paramLabel = "duration",
            defaultValue = "20m",
            converter = GoDurationConverter.class,
            description =
                    "/health-check fails when the first successful loop takes longer than this"
                            + " (raised to at least --max-inactivity and --max-failing-time).")
    Duration maxStartupTime;

    @Option(
            names = "--write-status-configmap",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description = "Write the status ConfigMap.")
    boolean writeStatusConfigmap;

    @Option(
            names = "--status-config-map-name",
            paramLabel = "string",
            defaultValue = "cluster-autoscaler-status",
            description = "Name of the status ConfigMap.")
    String statusConfigMapName;

    @Option(
            names = "--record-duplicated-events",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Record every event, instead of one per (reason, object) in 5 minutes.")
    boolean recordDuplicatedEvents;

    @Option(
            names = "--emit-per-nodegroup-metrics",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Export the per-node-group metrics (node_group_min_count and friends).")
    boolean emitPerNodegroupMetrics;

    @Option(
            names = "--debugging-snapshot-enabled",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Serve the debugging snapshot endpoint.")
    boolean debuggingSnapshotEnabled;

    // Cluster-wide limits

    @Option(
            names = "--max-nodes-total",
            paramLabel = "int",
            defaultValue = "0",
            description = "Maximum number of nodes in all node groups together; 0 means no limit.")
    int maxNodesTotal;

    @Option(
            names = "--cores-total",
            paramLabel = "string",
            defaultValue = "0:320000",
            description = "Minimum and maximum number of cores in the cluster, as <min>:<max>.")
    String coresTotal;

    @Option(
            names = "--memory-total",
            paramLabel = "string",
            defaultValue = "0:6400000",
            description = "Minimum and maximum memory of the cluster in GiB, as <min>:<max>.")
    String memoryTotal;

    // Scale-up

    @Option(
            names = "--expander",
            paramLabel = "string",
            defaultValue = "least-waste",
            description =
                    "Expanders choosing among the node groups that could take the pending pods,"
                            + " applied in order (comma-separated): least-waste, most-pods,"
                            + " least-nodes, price, priority, random.")
    String expander;

    @Option(
            names = "--estimator",
            paramLabel = "string",
            defaultValue = "binpacking",
            description = "How new nodes are estimated; only binpacking exists.")
    String estimator;

    @Option(
            names = "--balance-similar-node-groups",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Spread a scale-up over similar node groups.")
    boolean balanceSimilarNodeGroups;

    @Option(
            names = "--balancing-ignore-label",
            paramLabel = "stringArray",
            description =
                    "A label to ignore, in addition to the built-in ones, when comparing node"
                            + " groups for similarity. Repeatable.")
    List<String> balancingIgnoreLabel = new ArrayList<>();

    @Option(
            names = "--balancing-label",
            paramLabel = "stringArray",
            description =
                    "A label whose equality alone makes node groups similar (instead of the"
                            + " built-in comparison). Repeatable; not with --balancing-ignore-label.")
    List<String> balancingLabel = new ArrayList<>();

    @Option(
            names = "--max-allocatable-difference-ratio",
            paramLabel = "float",
            defaultValue = "0.05",
            converter = GoFloatConverter.class,
            description =
                    "Largest relative difference in allocatable resources between similar node"
                            + " groups.")
    double maxAllocatableDifferenceRatio;

    @Option(
            names = "--max-free-difference-ratio",
            paramLabel = "float",
            defaultValue = "0.05",
            converter = GoFloatConverter.class,
            description =
                    "Largest relative difference in free resources between similar node groups.")
    double maxFreeDifferenceRatio;

    @Option(
            names = "--memory-difference-ratio",
            paramLabel = "float",
            defaultValue = "0.015",
            converter = GoFloatConverter.class,
            description =
                    "Largest relative difference in memory capacity between similar node groups.")
    double memoryDifferenceRatio;

    @Option(
            names = "--max-node-provision-time",
            paramLabel = "duration",
            defaultValue = "15m",
            converter = GoDurationConverter.class,
            description =
                    "How long a requested server may take to register as a node before it counts as"
                            + " failed.")
    Duration maxNodeProvisionTime;

    @Option(
            names = "--max-node-startup-time",
            paramLabel = "duration",
            defaultValue = "15m",
            converter = GoDurationConverter.class,
            description = "How long a registered node may take to become Ready.")
    Duration maxNodeStartupTime;

    @Option(
            names = "--max-nodes-per-scaleup",
            paramLabel = "int",
            defaultValue = "1000",
            description =
                    "Largest number of nodes added by one scale-up (a bound on computation, not a"
                            + " rate limit).")
    int maxNodesPerScaleup;

    @Option(
            names = "--max-nodegroup-binpacking-duration",
            paramLabel = "duration",
            defaultValue = "10s",
            converter = GoDurationConverter.class,
            description = "Time budget of the binpacking estimate for one node group.")
    Duration maxNodegroupBinpackingDuration;

    @Option(
            names = "--max-binpacking-time",
            paramLabel = "duration",
            defaultValue = "5m",
            converter = GoDurationConverter.class,
            description =
                    "Time budget of binpacking for one scale-up; options computed so far are used"
                            + " when it runs out.")
    Duration maxBinpackingTime;

    @Option(
            names = "--new-pod-scale-up-delay",
            paramLabel = "duration",
            defaultValue = "0s",
            converter = GoDurationConverter.class,
            description =
                    "Pods younger than this do not trigger a scale-up (the pod annotation can"
                            + " lengthen it).")
    Duration newPodScaleUpDelay;

    @Option(
            names = "--expendable-pods-priority-cutoff",
            paramLabel = "int",
            defaultValue = "-10",
            description =
                    "Pods with a priority below this never trigger a scale-up and never block a"
                            + " scale-down.")
    int expendablePodsPriorityCutoff;

    @Option(
            names = "--scale-up-from-zero",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description = "Scale up even when the cluster has no Ready node.")
    boolean scaleUpFromZero;

    @Option(
            names = "--enforce-node-group-min-size",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Scale node groups below their minimum size up to it.")
    boolean enforceNodeGroupMinSize;

    @Option(
            names = "--initial-node-group-backoff-duration",
            paramLabel = "duration",
            defaultValue = "5m",
            converter = GoDurationConverter.class,
            description = "First backoff of a node group after a failed scale-up.")
    Duration initialNodeGroupBackoffDuration;

    @Option(
            names = "--max-node-group-backoff-duration",
            paramLabel = "duration",
            defaultValue = "30m",
            converter = GoDurationConverter.class,
            description = "Longest backoff of a node group (the backoff doubles on each failure).")
    Duration maxNodeGroupBackoffDuration;

    @Option(
            names = "--node-group-backoff-reset-timeout",
            paramLabel = "duration",
            defaultValue = "3h",
            converter = GoDurationConverter.class,
            description = "Time after the last failed scale-up at which the backoff starts over.")
    Duration nodeGroupBackoffResetTimeout;

    @Option(
            names = "--max-total-unready-percentage",
            paramLabel = "float",
            defaultValue = "45",
            converter = GoFloatConverter.class,
            description =
                    "Percentage of unready nodes above which the autoscaler stops acting (together"
                            + " with --ok-total-unready-count).")
    double maxTotalUnreadyPercentage;

    @Option(
            names = "--ok-total-unready-count",
            paramLabel = "int",
            defaultValue = "3",
            description = "Number of unready nodes always tolerated, whatever the percentage.")
    int okTotalUnreadyCount;

    @Option(
            names = "--startup-taint",
            paramLabel = "stringArray",
            description =
                    "A taint key ignored in node templates and treated as not-ready while present"
                            + " on a node. Repeatable.")
    List<String> startupTaint = new ArrayList<>();

    @Option(
            names = "--startup-taint-prefix",
            paramLabel = "stringArray",
            description = "A taint key prefix treated like --startup-taint. Repeatable.")
    List<String> startupTaintPrefix = new ArrayList<>();

    @Option(
            names = "--status-taint",
            paramLabel = "stringArray",
            description =
                    "A taint key ignored in node templates, without making the node count as"
                            + " unready. Repeatable.")
    List<String> statusTaint = new ArrayList<>();

    @Option(
            names = "--ignore-taint",
            paramLabel = "stringArray",
            description = "Deprecated name of --startup-taint. Repeatable.")
    List<String> ignoreTaint = new ArrayList<>();

    @Option(
            names = "--bypassed-scheduler-names",
            paramLabel = "strings",
            split = ",",
            description =
                    "Schedulers whose pods are considered without waiting for the scheduler to mark"
                            + " them unschedulable (comma-separated).")
    List<String> bypassedSchedulerNames = new ArrayList<>();

    @Option(
            names = "--allowed-scheduler-names",
            paramLabel = "strings",
            split = ",",
            description =
                    "When set, only pending pods of these schedulers are considered"
                            + " (comma-separated).")
    List<String> allowedSchedulerNames = new ArrayList<>();

    @Option(
            names = "--force-delete-unregistered-nodes",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description =
                    "Delete servers that never registered as nodes even below the node group"
                            + " minimum size.")
    boolean forceDeleteUnregisteredNodes;

    @Option(
            names = "--force-delete-failed-nodes",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description =
                    "Delete servers that failed to be created even below the node group minimum"
                            + " size.")
    boolean forceDeleteFailedNodes;

    @Option(
            names = "--predicate-parallelism",
            paramLabel = "int",
            defaultValue = "4",
            description = "Number of threads checking scheduling predicates.")
    int predicateParallelism;

    // Scale-down

    @Option(
            names = "--scale-down-enabled",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description = "Scale the cluster down (deprecated upstream, still honoured).")
    boolean scaleDownEnabled;

    @Option(
            names = "--scale-down-utilization-threshold",
            paramLabel = "float",
            defaultValue = "0.5",
            converter = GoFloatConverter.class,
            description =
                    "Nodes whose CPU and memory requests are both below this fraction of"
                            + " allocatable are scale-down candidates.")
    double scaleDownUtilizationThreshold;

    @Option(
            names = "--scale-down-unneeded-time",
            paramLabel = "duration",
            defaultValue = "10m",
            converter = GoDurationConverter.class,
            description = "How long a node must stay unneeded before it is removed.")
    Duration scaleDownUnneededTime;

    @Option(
            names = "--scale-down-unready-time",
            paramLabel = "duration",
            defaultValue = "20m",
            converter = GoDurationConverter.class,
            description = "How long an unready node must stay unneeded before it is removed.")
    Duration scaleDownUnreadyTime;

    @Option(
            names = "--scale-down-unready-enabled",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description = "Remove unready nodes.")
    boolean scaleDownUnreadyEnabled;

    @Option(
            names = "--scale-down-delay-after-add",
            paramLabel = "duration",
            defaultValue = "10m",
            converter = GoDurationConverter.class,
            description = "Pause of scale-down after a scale-up.")
    Duration scaleDownDelayAfterAdd;

    @Option(
            names = "--scale-down-delay-after-delete",
            paramLabel = "duration",
            defaultValue = "0s",
            converter = GoDurationConverter.class,
            description = "Pause of scale-down after a node deletion.")
    Duration scaleDownDelayAfterDelete;

    @Option(
            names = "--scale-down-delay-after-failure",
            paramLabel = "duration",
            defaultValue = "3m",
            converter = GoDurationConverter.class,
            description = "Pause of scale-down after a failed scale-down.")
    Duration scaleDownDelayAfterFailure;

    @Option(
            names = "--scale-down-delay-type-local",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description =
                    "Apply the --scale-down-delay-after-* pauses per node group instead of"
                            + " cluster-wide.")
    boolean scaleDownDelayTypeLocal;

    @Option(
            names = "--scale-down-non-empty-candidates-count",
            paramLabel = "int",
            defaultValue = "30",
            description =
                    "Largest number of non-empty nodes checked for removal in one loop; 0 or less"
                            + " means no limit.")
    int scaleDownNonEmptyCandidatesCount;

    @Option(
            names = "--scale-down-candidates-pool-ratio",
            paramLabel = "float",
            defaultValue = "0.1",
            converter = GoFloatConverter.class,
            description =
                    "Fraction of nodes checked as additional candidates when earlier candidates are"
                            + " no longer valid.")
    double scaleDownCandidatesPoolRatio;

    @Option(
            names = "--scale-down-candidates-pool-min-count",
            paramLabel = "int",
            defaultValue = "50",
            description = "Least number of nodes checked as additional candidates.")
    int scaleDownCandidatesPoolMinCount;

    @Option(
            names = "--scale-down-simulation-timeout",
            paramLabel = "duration",
            defaultValue = "30s",
            converter = GoDurationConverter.class,
            description = "Time budget of the removal simulation in one loop.")
    Duration scaleDownSimulationTimeout;

    @Option(
            names = "--unremovable-node-recheck-timeout",
            paramLabel = "duration",
            defaultValue = "5m",
            converter = GoDurationConverter.class,
            description = "How long before a node found unremovable is checked again.")
    Duration unremovableNodeRecheckTimeout;

    @Option(
            names = "--max-scale-down-parallelism",
            paramLabel = "int",
            defaultValue = "10",
            description = "Largest number of nodes (empty or not) deleted in parallel.")
    int maxScaleDownParallelism;

    @Option(
            names = "--max-drain-parallelism",
            paramLabel = "int",
            defaultValue = "1",
            description = "Largest number of non-empty nodes drained in parallel.")
    int maxDrainParallelism;

    @Option(
            names = "--max-graceful-termination-sec",
            paramLabel = "int",
            defaultValue = "600",
            description =
                    "Longest termination grace period given to evicted pods, in seconds. Not with"
                            + " --drain-priority-config.")
    int maxGracefulTerminationSec;

    @Option(
            names = "--drain-priority-config",
            paramLabel = "string",
            defaultValue = "",
            description =
                    "Evict pods in priority groups, as priority:gracePeriodSeconds pairs separated"
                            + " by commas (e.g. 10000:20,1000:100,0:60). Not with"
                            + " --max-graceful-termination-sec.")
    String drainPriorityConfig;

    @Option(
            names = "--max-pod-eviction-time",
            paramLabel = "duration",
            defaultValue = "2m",
            converter = GoDurationConverter.class,
            description = "How long to keep retrying the eviction of a pod before giving up.")
    Duration maxPodEvictionTime;

    @Option(
            names = "--node-delete-delay-after-taint",
            paramLabel = "duration",
            defaultValue = "5s",
            converter = GoDurationConverter.class,
            description = "How long to wait between tainting a node and deleting it.")
    Duration nodeDeleteDelayAfterTaint;

    @Option(
            names = "--node-deletion-delay-timeout",
            paramLabel = "duration",
            defaultValue = "2m",
            converter = GoDurationConverter.class,
            description =
                    "How long to wait for delay-deletion.cluster-autoscaler.kubernetes.io/"
                            + " annotations to be removed before deleting a node anyway.")
    Duration nodeDeletionDelayTimeout;

    @Option(
            names = "--cordon-node-before-terminating",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description = "Cordon a node before deleting its server.")
    boolean cordonNodeBeforeTerminating;

    @Option(
            names = "--ignore-daemonsets-utilization",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Leave DaemonSet pods out of a node's utilization.")
    boolean ignoreDaemonsetsUtilization;

    @Option(
            names = "--ignore-mirror-pods-utilization",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Leave mirror (static) pods out of a node's utilization.")
    boolean ignoreMirrorPodsUtilization;

    @Option(
            names = "--skip-nodes-with-system-pods",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description =
                    "Keep nodes running kube-system pods (other than DaemonSet and mirror pods)"
                            + " until --blocking-system-pod-distruption-timeout.")
    boolean skipNodesWithSystemPods;

    @Option(
            names = "--skip-nodes-with-local-storage",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description = "Keep nodes running pods with local storage (emptyDir, hostPath).")
    boolean skipNodesWithLocalStorage;

    @Option(
            names = "--skip-nodes-with-custom-controller-pods",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description =
                    "Keep nodes running pods owned by controllers other than the built-in ones.")
    boolean skipNodesWithCustomControllerPods;

    @Option(
            names = "--min-replica-count",
            paramLabel = "int",
            defaultValue = "0",
            description =
                    "Least number of replicas a ReplicaSet or ReplicationController must have for"
                            + " its pods to be moved.")
    int minReplicaCount;

    @Option(
            names = "--blocking-system-pod-distruption-timeout",
            paramLabel = "duration",
            defaultValue = "1h",
            converter = GoDurationConverter.class,
            description =
                    "After this, kube-system pods without a PodDisruptionBudget no longer block a"
                            + " node's removal. (The misspelling is upstream's.)")
    Duration blockingSystemPodDisruptionTimeout;

    @Option(
            names = "--daemonset-eviction-for-empty-nodes",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Evict DaemonSet pods gracefully from empty nodes before deleting them.")
    boolean daemonsetEvictionForEmptyNodes;

    @Option(
            names = "--daemonset-eviction-for-occupied-nodes",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description =
                    "Evict DaemonSet pods gracefully from non-empty nodes before deleting them.")
    boolean daemonsetEvictionForOccupiedNodes;

    @Option(
            names = "--max-bulk-soft-taint-count",
            paramLabel = "int",
            defaultValue = "10",
            description =
                    "Largest number of nodes given or freed of the PreferNoSchedule"
                            + " deletion-candidate taint at once; 0 turns the soft taint off.")
    int maxBulkSoftTaintCount;

    @Option(
            names = "--max-bulk-soft-taint-time",
            paramLabel = "duration",
            defaultValue = "3s",
            converter = GoDurationConverter.class,
            description = "Time budget of soft tainting in one loop.")
    Duration maxBulkSoftTaintTime;

    @Option(
            names = "--node-deletion-candidate-ttl",
            paramLabel = "duration",
            defaultValue = "0s",
            converter = GoDurationConverter.class,
            description =
                    "How long the DeletionCandidateOfClusterAutoscaler taint's time stays trusted"
                            + " after a restart: an unneeded node resumes its timer from it instead"
                            + " of starting again; 0 disables this.")
    Duration nodeDeletionCandidateTtl;

    @Option(
            names = "--delete-node-objects",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description =
                    "Ours: delete the Node object after its server is deleted (Kamatera clusters"
                            + " usually run no cloud controller manager that would do it).")
    boolean deleteNodeObjects;

    // Logging

    @Option(
            names = {"-v", "--v"},
            paramLabel = "int",
            defaultValue = "0",
            description =
                    "Log verbosity: 0-1 for normal operation, 2 adds Kamatera API calls and the"
                            + " effective configuration, 4 explains decisions.")
    int verbosity;

    @Option(
            names = "--logging-format",
            paramLabel = "string",
            defaultValue = "text",
            converter = LogFormat.Converter.class,
            description = "text (klog lines) or json (klog's JSON objects).")
    LogFormat loggingFormat;

    /**
     * Checks the flags together and builds the options.
     *
     * @param wasSet tells whether a flag (by its long name, e.g. {@code --drain-priority-config})
     *     was given on the command line, for checks that depend on explicit use rather than on
     *     value
     * @throws IllegalArgumentException naming the flag and what is wrong with it
     */
    public RunOptions toOptions(Predicate<String> wasSet) {
        if (!cloudProvider.equals(KAMATERA)) {
            throw new IllegalArgumentException(
                    "--cloud-provider: only '"
                            + KAMATERA
                            + "' is supported by this autoscaler, got '"
                            + cloudProvider
                            + "'");
        }
        check(verbosity >= 0, "-v", "verbosity must be 0 or more, got " + verbosity);
        check(
                predicateParallelism >= 1,
                "--predicate-parallelism",
                "must be at least 1, got " + predicateParallelism);
        check(
                estimator.equals("binpacking"),
                "--estimator",
                "only 'binpacking' exists, got '" + estimator + "'");
        check(
                leaderElectResourceLock.equals("leases"),
                "--leader-elect-resource-lock",
                "only 'leases' is supported, got '" + leaderElectResourceLock + "'");
        check(
                balancingLabel.isEmpty() || balancingIgnoreLabel.isEmpty(),
                "--balancing-label",
                "cannot be combined with --balancing-ignore-label");
        check(
                scanInterval.compareTo(Duration.ZERO) > 0,
                "--scan-interval",
                "must be positive, got " + GoDuration.format(scanInterval));
        check(
                maxGracefulTerminationSec >= 0,
                "--max-graceful-termination-sec",
                "must be 0 or more, got " + maxGracefulTerminationSec);
        checkRatio(scaleDownUtilizationThreshold, "--scale-down-utilization-threshold");
        checkRatio(scaleDownCandidatesPoolRatio, "--scale-down-candidates-pool-ratio");
        check(
                maxTotalUnreadyPercentage >= 0 && maxTotalUnreadyPercentage <= 100,
                "--max-total-unready-percentage",
                "must be between 0 and 100, got " + maxTotalUnreadyPercentage);
        checkExpanders();
        return new RunOptions(
                cloudProvider,
                cloudConfig,
                new RunOptions.Kubernetes(
                        kubeconfig,
                        kubernetesMaster,
                        namespace,
                        kubeClientQps,
                        kubeClientBurst,
                        userAgent,
                        address),
                new RunOptions.LeaderElection(
                        leaderElect,
                        leaderElectLeaseDuration,
                        leaderElectRenewDeadline,
                        leaderElectRetryPeriod,
                        leaderElectResourceLock,
                        leaderElectResourceName,
                        leaderElectResourceNamespace.isEmpty()
                                ? namespace
                                : leaderElectResourceNamespace),
                new RunOptions.Loop(
                        scanInterval,
                        frequentLoopsEnabled,
                        maxInactivity,
                        maxFailingTime,
                        max(maxStartupTime, max(maxInactivity, maxFailingTime)),
                        writeStatusConfigmap,
                        statusConfigMapName,
                        recordDuplicatedEvents,
                        emitPerNodegroupMetrics,
                        debuggingSnapshotEnabled),
                new RunOptions.Limits(
                        maxNodesTotal,
                        minMax("--cores-total", coresTotal),
                        minMax("--memory-total", memoryTotal)),
                new RunOptions.ScaleUp(
                        expanders(),
                        estimator,
                        balanceSimilarNodeGroups,
                        List.copyOf(balancingIgnoreLabel),
                        List.copyOf(balancingLabel),
                        maxAllocatableDifferenceRatio,
                        maxFreeDifferenceRatio,
                        memoryDifferenceRatio,
                        maxNodeProvisionTime,
                        maxNodeStartupTime,
                        maxNodesPerScaleup,
                        maxNodegroupBinpackingDuration,
                        maxBinpackingTime,
                        newPodScaleUpDelay,
                        expendablePodsPriorityCutoff,
                        scaleUpFromZero,
                        enforceNodeGroupMinSize,
                        initialNodeGroupBackoffDuration,
                        maxNodeGroupBackoffDuration,
                        nodeGroupBackoffResetTimeout,
                        maxTotalUnreadyPercentage,
                        okTotalUnreadyCount,
                        concat(ignoreTaint, startupTaint),
                        List.copyOf(startupTaintPrefix),
                        List.copyOf(statusTaint),
                        List.copyOf(bypassedSchedulerNames),
                        List.copyOf(allowedSchedulerNames),
                        forceDeleteUnregisteredNodes,
                        forceDeleteFailedNodes,
                        predicateParallelism),
                new RunOptions.ScaleDown(
                        scaleDownEnabled,
                        scaleDownUtilizationThreshold,
                        scaleDownUnneededTime,
                        scaleDownUnreadyTime,
                        scaleDownUnreadyEnabled,
                        scaleDownDelayAfterAdd,
                        scaleDownDelayAfterDelete,
                        scaleDownDelayAfterFailure,
                        scaleDownDelayTypeLocal,
                        scaleDownNonEmptyCandidatesCount,
                        scaleDownCandidatesPoolRatio,
                        scaleDownCandidatesPoolMinCount,
                        scaleDownSimulationTimeout,
                        unremovableNodeRecheckTimeout,
                        maxScaleDownParallelism,
                        maxDrainParallelism,
                        maxGracefulTerminationSec,
                        drainPriorities(wasSet),
                        maxPodEvictionTime,
                        nodeDeleteDelayAfterTaint,
                        nodeDeletionDelayTimeout,
                        cordonNodeBeforeTerminating,
                        ignoreDaemonsetsUtilization,
                        ignoreMirrorPodsUtilization,
                        skipNodesWithSystemPods,
                        skipNodesWithLocalStorage,
                        skipNodesWithCustomControllerPods,
                        minReplicaCount,
                        blockingSystemPodDisruptionTimeout,
                        daemonsetEvictionForEmptyNodes,
                        daemonsetEvictionForOccupiedNodes,
                        maxBulkSoftTaintCount,
                        maxBulkSoftTaintTime,
                        nodeDeletionCandidateTtl,
                        deleteNodeObjects),
                new RunOptions.Logging(verbosity, loggingFormat));
    }

    /** A string flag upstream (so a repeated flag overrides), split at commas. */
    private List<String> expanders() {
        return List.of(expander.split(",", -1));
    }

    private void checkExpanders() {
        for (String name : expanders()) {
            if (name.equals("grpc")) {
                throw new IllegalArgumentException(
                        "--expander: the grpc expander is not supported by this autoscaler");
            }
            check(
                    EXPANDERS.contains(name),
                    "--expander",
                    "unknown expander '"
                            + name
                            + "'; available: "
                            + String.join(", ", EXPANDERS.stream().sorted().toList()));
        }
    }

    /** Upstream refuses the two drain settings together, whatever their values. */
    private List<DrainPriority> drainPriorities(Predicate<String> wasSet) {
        if (wasSet.test("--drain-priority-config")
                && wasSet.test("--max-graceful-termination-sec")) {
            throw new IllegalArgumentException(
                    "--drain-priority-config: could not use --drain-priority-config together with"
                            + " --max-graceful-termination-sec");
        }
        if (drainPriorityConfig.isEmpty()) {
            return List.of();
        }
        try {
            return DrainPriority.parseList(drainPriorityConfig);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--drain-priority-config: " + e.getMessage(), e);
        }
    }

    private static MinMax minMax(String flag, String value) {
        try {
            return MinMax.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }

    private static void checkRatio(double value, String flag) {
        check(value >= 0 && value <= 1, flag, "must be between 0 and 1, got " + value);
    }

    private static void check(boolean ok, String flag, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(flag + ": " + problem);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
