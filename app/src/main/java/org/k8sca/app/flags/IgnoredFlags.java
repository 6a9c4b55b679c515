package org.k8sca.app.flags;

import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream Cluster Autoscaler flags that this autoscaler accepts, so that an upstream Deployment's
 * arguments work unchanged, but does not use: provider-specific flags of other clouds, klog's
 * output flags, and features Kamatera or this implementation do not have. Values are still checked
 * against their type (a bad duration is an error, as upstream). {@code run} warns about each one
 * given, naming it. A picocli mixin of the {@code run} command.
 */
public final class IgnoredFlags {
    // Node groups: the Kamatera provider reads them from the cloud config

    @Option(
            names = "--nodes",
            paramLabel = "stringArray",
            converter = NodeGroupSpecConverter.class,
            description =
                    "Ignored: Kamatera node groups are defined in the cloud config. Checked as"
                            + " <min>:<max>:<name>. Repeatable.")
    List<NodeGroupSpec> nodes = new ArrayList<>();

    @Option(
            names = "--node-group-auto-discovery",
            paramLabel = "stringArray",
            description =
                    "Ignored: Kamatera node groups are defined in the cloud config. Repeatable.")
    List<String> nodeGroupAutoDiscovery = new ArrayList<>();

    @Option(
            names = "--cluster-name",
            paramLabel = "string",
            defaultValue = "",
            description = "Ignored: the cluster name comes from cluster-name in the cloud config.")
    String clusterName;

    // Features of other cloud providers or of the Kubernetes scheduler that Kamatera does not have

    @Option(
            names = "--scale-down-gpu-utilization-threshold",
            paramLabel = "float",
            defaultValue = "0.5",
            converter = GoFloatConverter.class,
            description = "Ignored: Kamatera servers have no GPUs.")
    double scaleDownGpuUtilizationThreshold;

    @Option(
            names = "--gpu-total",
            paramLabel = "stringArray",
            description = "Ignored: Kamatera servers have no GPUs. Repeatable.")
    List<String> gpuTotal = new ArrayList<>();

    @Option(
            names = "--scheduler-config-file",
            paramLabel = "string",
            defaultValue = "",
            description =
                    "Ignored: the scheduling simulation is built in and has no plugin"
                            + " configuration.")
    String schedulerConfigFile;

    @Option(
            names = "--kube-api-content-type",
            paramLabel = "string",
            defaultValue = "application/vnd.kubernetes.protobuf",
            description = "Ignored: the Kubernetes client always speaks JSON.")
    String kubeApiContentType;

    @Option(
            names = "--regional",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: GCE only.")
    boolean regional;

    @Option(
            names = "--aws-use-static-instance-list",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: AWS only.")
    boolean awsUseStaticInstanceList;

    @Option(
            names = "--gce-concurrent-refreshes",
            paramLabel = "int",
            defaultValue = "1",
            description = "Ignored: GCE only.")
    int gceConcurrentRefreshes;

    @Option(
            names = "--gce-mig-instances-min-refresh-wait-time",
            paramLabel = "duration",
            defaultValue = "5s",
            converter = GoDurationConverter.class,
            description = "Ignored: GCE only.")
    Duration gceMigInstancesMinRefreshWaitTime;

    @Option(
            names = "--bulk-mig-instances-listing-enabled",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: GCE only.")
    boolean bulkMigInstancesListingEnabled;

    @Option(
            names = "--clusterapi-cloud-config-authoritative",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: Cluster API only.")
    boolean clusterapiCloudConfigAuthoritative;

    @Option(
            names = "--grpc-expander-url",
            paramLabel = "string",
            defaultValue = "",
            description = "Ignored: the grpc expander is not supported.")
    String grpcExpanderUrl;

    @Option(
            names = "--grpc-expander-cert",
            paramLabel = "string",
            defaultValue = "",
            description = "Ignored: the grpc expander is not supported.")
    String grpcExpanderCert;

    @Option(
            names = "--enable-dynamic-resource-allocation",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: dynamic resource allocation is not simulated.")
    boolean enableDynamicResourceAllocation;

    @Option(
            names = "--enable-csi-node-aware-scheduling",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: CSINode limits are not simulated.")
    boolean enableCsiNodeAwareScheduling;

    @Option(
            names = "--enable-provisioning-requests",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: ProvisioningRequests are not supported.")
    boolean enableProvisioningRequests;

    @Option(
            names = "--provisioning-request-initial-backoff-time",
            paramLabel = "duration",
            defaultValue = "1m",
            converter = GoDurationConverter.class,
            description = "Ignored: ProvisioningRequests are not supported.")
    Duration provisioningRequestInitialBackoffTime;

    @Option(
            names = "--provisioning-request-max-backoff-time",
            paramLabel = "duration",
            defaultValue = "10m",
            converter = GoDurationConverter.class,
            description = "Ignored: ProvisioningRequests are not supported.")
    Duration provisioningRequestMaxBackoffTime;

    @Option(
            names = "--provisioning-request-max-backoff-cache-size",
            paramLabel = "int",
            defaultValue = "1000",
            description = "Ignored: ProvisioningRequests are not supported.")
    int provisioningRequestMaxBackoffCacheSize;

    @Option(
            names = "--check-capacity-batch-processing",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: ProvisioningRequests are not supported.")
    boolean checkCapacityBatchProcessing;

    @Option(
            names = "--check-capacity-provisioning-request-max-batch-size",
            paramLabel = "int",
            defaultValue = "10",
            description = "Ignored: ProvisioningRequests are not supported.")
    int checkCapacityProvisioningRequestMaxBatchSize;

    @Option(
            names = "--check-capacity-provisioning-request-batch-timebox",
            paramLabel = "duration",
            defaultValue = "10s",
            converter = GoDurationConverter.class,
            description = "Ignored: ProvisioningRequests are not supported.")
    Duration checkCapacityProvisioningRequestBatchTimebox;

    @Option(
            names = "--check-capacity-processor-instance",
            paramLabel = "string",
            defaultValue = "",
            description = "Ignored: ProvisioningRequests are not supported.")
    String checkCapacityProcessorInstance;

    @Option(
            names = "--async-node-groups",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: Kamatera node groups are not created by the autoscaler.")
    boolean asyncNodeGroups;

    // Tuning knobs of upstream internals this implementation does not have

    @Option(
            names = "--parallel-scale-up",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: scale-ups of several node groups are issued one after another.")
    boolean parallelScaleUp;

    @Option(
            names = "--node-deletion-batcher-interval",
            paramLabel = "duration",
            defaultValue = "0s",
            converter = GoDurationConverter.class,
            description = "Ignored: each node is deleted on its own.")
    Duration nodeDeletionBatcherInterval;

    @Option(
            names = "--node-info-cache-expire-time",
            paramLabel = "duration",
            defaultValue = "87600h",
            converter = GoDurationConverter.class,
            description = "Ignored: templates are recomputed every loop.")
    Duration nodeInfoCacheExpireTime;

    @Option(
            names = "--cluster-snapshot-parallelism",
            paramLabel = "int",
            defaultValue = "16",
            description = "Ignored: deprecated upstream in favour of --predicate-parallelism.")
    int clusterSnapshotParallelism;

    @Option(
            names = "--scale-from-unschedulable",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description =
                    "Ignored: not implemented; node templates always honour spec.unschedulable.")
    boolean scaleFromUnschedulable;

    @Option(
            names = "--force-ds",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: not implemented.")
    boolean forceDs;

    @Option(
            names = "--dynamic-node-delete-delay-after-taint-enabled",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: --node-delete-delay-after-taint is used as given.")
    boolean dynamicNodeDeleteDelayAfterTaintEnabled;

    @Option(
            names = "--fastpath-binpacking-enabled",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: every pod group is simulated; the estimator is fast enough.")
    boolean fastpathBinpackingEnabled;

    @Option(
            names = "--node-removal-latency-tracking-enabled",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: node_removal_latency_seconds is not exposed.")
    boolean nodeRemovalLatencyTrackingEnabled;

    @Option(
            names = "--pending-pods-batching-timeout",
            paramLabel = "duration",
            defaultValue = "4m0s",
            converter = GoDurationConverter.class,
            description = "Ignored: goes with --enable-graceful-degradation, not implemented.")
    Duration pendingPodsBatchingTimeout;

    @Option(
            names = "--enable-proactive-scaleup",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: not implemented.")
    boolean enableProactiveScaleup;

    @Option(
            names = "--pod-injection-limit",
            paramLabel = "int",
            defaultValue = "5000",
            description = "Ignored: no fake pods are injected.")
    int podInjectionLimit;

    @Option(
            names = "--salvo-scale-up",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: at most one scale-up per loop.")
    boolean salvoScaleUp;

    @Option(
            names = "--salvo-scale-up-budget",
            paramLabel = "duration",
            defaultValue = "1m",
            converter = GoDurationConverter.class,
            description = "Ignored: at most one scale-up per loop.")
    Duration salvoScaleUpBudget;

    @Option(
            names = "--enable-graceful-degradation",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: not implemented.")
    boolean enableGracefulDegradation;

    @Option(
            names = "--profiling",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: there is no pprof endpoint in Java.")
    boolean profiling;

    @Option(
            names = "--feature-gates",
            paramLabel = "string",
            defaultValue = "",
            description = "Ignored: there are no feature gates.")
    String featureGates;

    // klog flags: logs always go to stderr, formatted by --logging-format

    @Option(
            names = "--logtostderr",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            converter = GoBoolConverter.class,
            description = "Ignored: logs always go to stderr.")
    boolean logtostderr;

    @Option(
            names = "--alsologtostderr",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: logs always go to stderr.")
    boolean alsologtostderr;

    @Option(
            names = "--stderrthreshold",
            paramLabel = "string",
            defaultValue = "2",
            description = "Ignored: every log line goes to stderr.")
    String stderrthreshold;

    @Option(
            names = "--log-dir",
            paramLabel = "string",
            defaultValue = "",
            description = "Ignored: logs always go to stderr.")
    String logDir;

    @Option(
            names = "--log-file",
            paramLabel = "string",
            defaultValue = "",
            description = "Ignored: logs always go to stderr.")
    String logFile;

    @Option(
            names = "--log-file-max-size",
            paramLabel = "uint",
            defaultValue = "1800",
            description = "Ignored: logs always go to stderr.")
    long logFileMaxSize;

    @Option(
            names = "--log-flush-frequency",
            paramLabel = "duration",
            defaultValue = "5s",
            converter = GoDurationConverter.class,
            description = "Ignored: log lines are written as they come.")
    Duration logFlushFrequency;

    @Option(
            names = "--skip-headers",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: the klog header is always written.")
    boolean skipHeaders;

    @Option(
            names = "--skip-log-headers",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: klog output tuning that does not apply without log files.")
    boolean skipLogHeaders;

    @Option(
            names = "--add-dir-header",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: klog output tuning; the caller is always printed as file:line.")
    boolean addDirHeader;

    @Option(
            names = "--one-output",
            paramLabel = "bool",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "false",
            converter = GoBoolConverter.class,
            description = "Ignored: klog output tuning that does not apply without log files.")
    boolean oneOutput;

    @Option(
            names = "--log-backtrace-at",
            paramLabel = "string",
            defaultValue = ":0",
            description = "Ignored: klog debugging aid; errors carry their Java stack trace.")
    String logBacktraceAt;

    @Option(
            names = "--vmodule",
            paramLabel = "string",
            defaultValue = "",
            description = "Ignored: verbosity is global (-v).")
    String vmodule;
}
