package org.k8sca.bench.heap;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import org.k8sca.bench.cluster.ClusterGenerator;
import org.k8sca.bench.cluster.GeneratedCluster;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.NodeSelectorTerm;
import org.k8sca.core.labels.Requirement;
import org.k8sca.core.model.BoundVolume;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.core.model.PodVolume;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.Toleration;
import org.k8sca.core.model.TopologySpreadConstraint;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.snapshot.NodeInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes a generated cluster out as the fabric8 objects an API server would list for it: Nodes,
 * Pods (bound and pending), PodDisruptionBudgets, DaemonSets, ReplicaSets, StatefulSets with their
 * PersistentVolumeClaims and PersistentVolumes, Namespaces and the StorageClass.
 *
 * <p>The objects are shaped like real ones, not the bare minimum the translators read: UIDs,
 * resource versions, the labels and annotations controllers and kubelets add, owner references,
 * container specs with requests, limits, ports, environment, probes and the service-account volume,
 * the default tolerations every pod gets, status conditions, container statuses, node addresses,
 * node info and image lists. Managed fields are left out (the informers drop them). Every object
 * goes through a JSON round trip, so it is built the way the informer's deserializer builds it
 * (empty collections where the JSON has none, no strings shared between objects).
 */
public final class Fabric8Cluster {

    private static final String ZONE = "topology.kubernetes.io/zone";
    private static final String STORAGE_CLASS = "standard";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final GeneratedCluster cluster;
    private final String providerIdPrefix;
    private final String created;
    private final Consumer<HasMetadata> sink;
    private int resourceVersion = 1000;
    private int ip;

    private Fabric8Cluster(
            GeneratedCluster cluster, String providerIdPrefix, Consumer<HasMetadata> sink) {
        this.cluster = cluster;
        this.providerIdPrefix = providerIdPrefix;
        this.created = ClusterGenerator.BASE_TIME.toString();
        this.sink = sink;
    }

    /**
     * Hands every object of {@code cluster} to {@code sink}, one at a time (so the whole set is
     * never held twice).
     *
     * @param providerIdPrefix what a node's {@code spec.providerID} starts with, as the Kamatera
     *     cloud config says
     */
    public static void write(
            GeneratedCluster cluster, String providerIdPrefix, Consumer<HasMetadata> sink) {
        new Fabric8Cluster(cluster, providerIdPrefix, sink).writeAll();
    }

    /** A stable UUID for one of the generator's ids, so references stay consistent. */
    static String uuid(String id) {
        return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void writeAll() {
        emit(
                new StorageClassBuilder()
                        .withNewMetadata()
                        .withName(STORAGE_CLASS)
                        .withUid(uuid("sc"))
                        .withResourceVersion(nextVersion())
                        .withCreationTimestamp(created)
                        .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true")
                        .endMetadata()
                        .withProvisioner("csi.kamatera.example")
                        .withReclaimPolicy("Delete")
                        .withVolumeBindingMode("WaitForFirstConsumer")
                        .withAllowVolumeExpansion(true)
                        .build());
        TreeSet<String> namespaces = new TreeSet<>();
        Map<String, List<Pod>> byOwner = new LinkedHashMap<>();
        int nodeIndex = 0;
        for (NodeInfo info : cluster.snapshot().nodeInfos()) {
            emit(node(info.node(), nodeIndex++));
            for (Pod p : info.pods()) {
                namespaces.add(p.namespace());
                ownedBy(byOwner, p);
                emitPod(p, info.node());
            }
        }
        for (Pod p : cluster.pending()) {
            namespaces.add(p.namespace());
            ownedBy(byOwner, p);
            emitPod(p, null);
        }
        for (String ns : namespaces) {
            emit(
                    new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(ns)
                            .withUid(uuid("ns/" + ns))
                            .withResourceVersion(nextVersion())
                            .withCreationTimestamp(created)
                            .addToLabels("kubernetes.io/metadata.name", ns)
                            .endMetadata()
                            .withNewSpec()
                            .addToFinalizers("kubernetes")
                            .endSpec()
                            .withNewStatus()
                            .withPhase("Active")
                            .endStatus()
                            .build());
        }
        for (DaemonSet ds : cluster.daemonSets()) {
            emit(daemonSet(ds));
        }
        for (PodDisruptionBudget b : cluster.pdbs()) {
            emit(budget(b));
        }
        for (List<Pod> owned : byOwner.values()) {
            emit(controller(owned));
        }
    }

    private static void ownedBy(Map<String, List<Pod>> byOwner, Pod p) {
        OwnerReference o = p.owner();
        if (o != null && !o.kind().equals("DaemonSet")) {
            byOwner.computeIfAbsent(o.uid(), k -> new ArrayList<>()).add(p);
        }
    }

    private void emit(HasMetadata object) {
        // As the informer's list call would: parse the object from JSON.
        sink.accept(JSON.unmarshal(JSON.asJson(object), object.getClass()));
    }

    private void emitPod(Pod p, Node node) {
        emit(pod(p, node));
        for (BoundVolume v : p.boundVolumes()) {
            String zone = v.topologyLabels().get(ZONE);
            String claimUid = uuid("pvc/" + p.namespace() + "/" + v.claimName());
            String volumeName = "pvc-" + claimUid;
            emit(
                    new PersistentVolumeClaimBuilder()
                            .withNewMetadata()
                            .withName(v.claimName())
                            .withNamespace(p.namespace())
                            .withUid(claimUid)
                            .withResourceVersion(nextVersion())
                            .withCreationTimestamp(created)
                            .addToLabels("app", p.labels().get("app"))
                            .addToAnnotations("pv.kubernetes.io/bind-completed", "yes")
                            .addToAnnotations("pv.kubernetes.io/bound-by-controller", "yes")
                            .addToAnnotations(
                                    "volume.kubernetes.io/selected-node",
                                    node == null ? "" : node.name())
                            .addToAnnotations(
                                    "volume.kubernetes.io/storage-provisioner",
                                    "csi.kamatera.example")
                            .addToFinalizers("kubernetes.io/pvc-protection")
                            .endMetadata()
                            .withNewSpec()
                            .withAccessModes("ReadWriteOnce")
                            .withNewResources()
                            .addToRequests("storage", new Quantity("10Gi"))
                            .endResources()
                            .withStorageClassName(STORAGE_CLASS)
                            .withVolumeMode("Filesystem")
                            .withVolumeName(volumeName)
                            .endSpec()
                            .withNewStatus()
                            .withPhase("Bound")
                            .withAccessModes("ReadWriteOnce")
                            .addToCapacity("storage", new Quantity("10Gi"))
                            .endStatus()
                            .build());
            emit(
                    new PersistentVolumeBuilder()
                            .withNewMetadata()
                            .withName(volumeName)
                            .withUid(uuid("pv/" + volumeName))
                            .withResourceVersion(nextVersion())
                            .withCreationTimestamp(created)
                            .addToAnnotations(
                                    "pv.kubernetes.io/provisioned-by", "csi.kamatera.example")
                            .addToFinalizers("kubernetes.io/pv-protection")
                            .endMetadata()
                            .withNewSpec()
                            .withAccessModes("ReadWriteOnce")
                            .addToCapacity("storage", new Quantity("10Gi"))
                            .withNewClaimRef()
                            .withApiVersion("v1")
                            .withKind("PersistentVolumeClaim")
                            .withName(v.claimName())
                            .withNamespace(p.namespace())
                            .withUid(claimUid)
                            .endClaimRef()
                            .withNewCsi()
                            .withDriver("csi.kamatera.example")
                            .withVolumeHandle(volumeName)
                            .withFsType("ext4")
                            .endCsi()
                            .withNewNodeAffinity()
                            .withNewRequired()
                            .addNewNodeSelectorTerm()
                            .addNewMatchExpression()
                            .withKey(ZONE)
                            .withOperator("In")
                            .withValues(zone)
                            .endMatchExpression()
                            .endNodeSelectorTerm()
                            .endRequired()
                            .endNodeAffinity()
                            .withPersistentVolumeReclaimPolicy("Delete")
                            .withStorageClassName(STORAGE_CLASS)
                            .withVolumeMode("Filesystem")
                            .endSpec()
                            .withNewStatus()
                            .withPhase("Bound")
                            .endStatus()
                            .build());
        }
    }

    // ------------------------------------------------------------------ nodes

    private io.fabric8.kubernetes.api.model.Node node(Node n, int index) {
        Map<String, String> labels = new TreeMap<>(n.labels().asMap());
        labels.put("beta.kubernetes.io/arch", "amd64");
        labels.put("beta.kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.put(
                "beta.kubernetes.io/instance-type", labels.get("node.kubernetes.io/instance-type"));
        labels.put("failure-domain.beta.kubernetes.io/zone", labels.get(ZONE));
        NodeBuilder b =
                new NodeBuilder()
                        .withNewMetadata()
                        .withName(n.name())
                        .withUid(uuid("node/" + n.name()))
                        .withResourceVersion(nextVersion())
                        .withCreationTimestamp(created)
                        .withLabels(labels)
                        .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
                        .addToAnnotations(
                                "volumes.kubernetes.io/controller-managed-attach-detach", "true")
                        .addToAnnotations(
                                "csi.volume.kubernetes.io/nodeid",
                                "{\"csi.kamatera.example\":\"" + n.name() + "\"}")
                        .endMetadata()
                        .withNewSpec()
                        .withProviderID(providerIdPrefix + n.name())
                        .withPodCIDR("10.244." + (index % 250) + ".0/24")
                        .withPodCIDRs("10.244." + (index % 250) + ".0/24")
                        .withUnschedulable(n.unschedulable() ? true : null)
                        .endSpec();
        for (Taint t : n.taints()) {
            b.editSpec()
                    .addToTaints(
                            new TaintBuilder()
                                    .withKey(t.key())
                                    .withValue(t.value().isEmpty() ? null : t.value())
                                    .withEffect(t.effect().kubernetesName())
                                    .build())
                    .endSpec();
        }
        String address = "10.0." + (index / 250) + "." + (index % 250);
        var status =
                b.withNewStatus()
                        .withCapacity(quantities(n.capacity(), true))
                        .withAllocatable(quantities(n.allocatable(), true))
                        .addNewAddress()
                        .withType("InternalIP")
                        .withAddress(address)
                        .endAddress()
                        .addNewAddress()
                        .withType("Hostname")
                        .withAddress(n.name())
                        .endAddress()
                        .withNewDaemonEndpoints()
                        .withNewKubeletEndpoint()
                        .withPort(10250)
                        .endKubeletEndpoint()
                        .endDaemonEndpoints()
                        .withNewNodeInfo()
                        .withMachineID(uuid("machine/" + n.name()).replace("-", ""))
                        .withSystemUUID(uuid("system/" + n.name()))
                        .withBootID(uuid("boot/" + n.name()))
                        .withKernelVersion("6.8.0-49-generic")
                        .withOsImage("Ubuntu 24.04.1 LTS")
                        .withContainerRuntimeVersion("containerd://1.7.22")
                        .withKubeletVersion("v1.31.2")
                        .withKubeProxyVersion("v1.31.2")
                        .withOperatingSystem("linux")
                        .withArchitecture("amd64")
                        .endNodeInfo();
        for (String type : List.of("MemoryPressure", "DiskPressure", "PIDPressure")) {
            status.addToConditions(
                    new NodeConditionBuilder()
                            .withType(type)
                            .withStatus("False")
                            .withReason("KubeletHasSufficient" + type.replace("Pressure", ""))
                            .withMessage("kubelet has sufficient " + type.toLowerCase())
                            .withLastHeartbeatTime(created)
                            .withLastTransitionTime(created)
                            .build());
        }
        status.addToConditions(
                new NodeConditionBuilder()
                        .withType("Ready")
                        .withStatus(n.ready() ? "True" : "Unknown")
                        .withReason(n.ready() ? "KubeletReady" : "NodeStatusUnknown")
                        .withMessage(
                                n.ready()
                                        ? "kubelet is posting ready status"
                                        : "Kubelet stopped posting node status.")
                        .withLastHeartbeatTime(created)
                        .withLastTransitionTime(created)
                        .build());
        // The kubelet reports up to 50 images; a node running a few dozen workloads has about 20.
        for (int i = 0; i < 20; i++) {
            String repo = "registry.example.com/team-" + (i % 10) + "/app-" + i;
            status.addNewImage()
                    .withNames(repo + "@sha256:" + sha(repo + index % 7), repo + ":1." + (i % 5))
                    .withSizeBytes(20_000_000L + 1_000_000L * i)
                    .endImage();
        }
        return status.endStatus().build();
    }

    // ------------------------------------------------------------------ pods

    private io.fabric8.kubernetes.api.model.Pod pod(Pod p, Node node) {
        String app = p.labels().get("app") != null ? p.labels().get("app") : p.name();
        String tokenVolume = "kube-api-access-" + sha(p.namespace() + p.name()).substring(0, 5);
        ObjectMetaBuilder meta =
                new ObjectMetaBuilder()
                        .withName(p.name())
                        .withNamespace(p.namespace())
                        .withUid(uuid("pod/" + p.uid()))
                        .withResourceVersion(nextVersion())
                        .withCreationTimestamp(created)
                        .withLabels(p.labels().asMap())
                        .addToAnnotations(p.annotations())
                        .addToAnnotations("kubectl.kubernetes.io/restartedAt", created)
                        .addToAnnotations("prometheus.io/scrape", "true")
                        .addToAnnotations("prometheus.io/port", "9090");
        OwnerReference o = p.owner();
        if (o != null) {
            meta.withOwnerReferences(
                    new OwnerReferenceBuilder()
                            .withApiVersion("apps/v1")
                            .withKind(o.kind())
                            .withName(o.name())
                            .withUid(uuid(o.uid()))
                            .withController(o.controller())
                            .withBlockOwnerDeletion(true)
                            .build());
            if (o.kind().equals("ReplicaSet")) {
                meta.withGenerateName(o.name() + "-");
            } else if (o.kind().equals("StatefulSet")) {
                meta.addToLabels("apps.kubernetes.io/pod-index", "0")
                        .addToLabels("statefulset.kubernetes.io/pod-name", p.name())
                        .addToLabels("controller-revision-hash", o.name() + "-7d9c8b6f5");
            } else if (o.kind().equals("DaemonSet")) {
                meta.addToLabels("controller-revision-hash", "5c6d7f8b9")
                        .addToLabels("pod-template-generation", "1");
            }
        }
        PodSpecBuilder spec =
                new PodSpecBuilder()
                        .withContainers(container(app, p.requests(), tokenVolume, p.volumes()))
                        .withNodeName(node == null ? null : node.name())
                        .withServiceAccountName("default")
                        .withServiceAccount("default")
                        .withSchedulerName("default-scheduler")
                        .withRestartPolicy("Always")
                        .withDnsPolicy("ClusterFirst")
                        .withTerminationGracePeriodSeconds(30L)
                        .withEnableServiceLinks(true)
                        .withPreemptionPolicy("PreemptLowerPriority")
                        .withPriority(p.priority())
                        .withNewSecurityContext()
                        .endSecurityContext()
                        .withNodeSelector(
                                p.nodeSelector().isEmpty() ? null : p.nodeSelector().asMap());
        if (p.priority() >= 2_000_000_000) {
            spec.withPriorityClassName(
                    p.priority() > 2_000_000_000
                            ? "system-node-critical"
                            : "system-cluster-critical");
        }
        for (Toleration t : p.tolerations()) {
            spec.addToTolerations(
                    new TolerationBuilder()
                            .withKey(t.key().isEmpty() ? null : t.key())
                            .withOperator(t.exists() ? "Exists" : "Equal")
                            .withValue(t.exists() ? null : t.value())
                            .withEffect(t.effect() == null ? null : t.effect().kubernetesName())
                            .build());
        }
        // The API server's admission adds these two to every pod that has no such tolerations.
        for (String key :
                List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable")) {
            spec.addToTolerations(
                    new TolerationBuilder()
                            .withKey(key)
                            .withOperator("Exists")
                            .withEffect("NoExecute")
                            .withTolerationSeconds(300L)
                            .build());
        }
        if (!p.antiAffinityTerms().isEmpty()) {
            var anti = spec.withNewAffinity().withNewPodAntiAffinity();
            for (PodAffinityTerm t : p.antiAffinityTerms()) {
                anti.addToRequiredDuringSchedulingIgnoredDuringExecution(
                        new PodAffinityTermBuilder()
                                .withLabelSelector(selector(t.selector()))
                                .withTopologyKey(t.topologyKey())
                                .build());
            }
            anti.endPodAntiAffinity().endAffinity();
        }
        if (p.requiredNodeAffinity() != null) {
            var terms = new ArrayList<io.fabric8.kubernetes.api.model.NodeSelectorTerm>();
            for (NodeSelectorTerm t : p.requiredNodeAffinity().terms()) {
                terms.add(nodeSelectorTerm(t));
            }
            spec.editOrNewAffinity()
                    .withNewNodeAffinity()
                    .withNewRequiredDuringSchedulingIgnoredDuringExecution()
                    .withNodeSelectorTerms(terms)
                    .endRequiredDuringSchedulingIgnoredDuringExecution()
                    .endNodeAffinity()
                    .endAffinity();
        }
        for (TopologySpreadConstraint c : p.spreadConstraints()) {
            spec.addToTopologySpreadConstraints(
                    new TopologySpreadConstraintBuilder()
                            .withMaxSkew(c.maxSkew())
                            .withTopologyKey(c.topologyKey())
                            .withWhenUnsatisfiable(
                                    c.doNotSchedule() ? "DoNotSchedule" : "ScheduleAnyway")
                            .withLabelSelector(selector(c.selector()))
                            .build());
        }
        spec.withVolumes(volumes(p.volumes(), tokenVolume));
        PodBuilder b = new PodBuilder().withMetadata(meta.build()).withSpec(spec.build());
        String qos = "Burstable";
        if (node != null) {
            String podIp = "10.244." + (ip / 250 % 250) + "." + (ip % 250);
            ip++;
            var status =
                    b.withNewStatus()
                            .withPhase("Running")
                            .withHostIP("10.0.0.1")
                            .addNewHostIP("10.0.0.1")
                            .withPodIP(podIp)
                            .addNewPodIP(podIp)
                            .withStartTime(created)
                            .withQosClass(qos);
            for (String type :
                    List.of(
                            "PodReadyToStartContainers",
                            "Initialized",
                            "Ready",
                            "ContainersReady",
                            "PodScheduled")) {
                status.addToConditions(
                        new PodConditionBuilder()
                                .withType(type)
                                .withStatus("True")
                                .withLastTransitionTime(created)
                                .build());
            }
            status.addToContainerStatuses(
                    new ContainerStatusBuilder()
                            .withName("main")
                            .withReady(true)
                            .withStarted(true)
                            .withRestartCount(0)
                            .withImage(image(app))
                            .withImageID(image(app) + "@sha256:" + sha(app))
                            .withContainerID("containerd://" + sha(p.namespace() + p.name()))
                            .withNewState()
                            .withNewRunning(created)
                            .endState()
                            .withNewLastState()
                            .endLastState()
                            .build());
            status.endStatus();
        } else {
            b.withNewStatus()
                    .withPhase("Pending")
                    .withQosClass(qos)
                    .addToConditions(
                            new PodConditionBuilder()
                                    .withType("PodScheduled")
                                    .withStatus("False")
                                    .withReason("Unschedulable")
                                    .withMessage(
                                            "0/"
                                                    + cluster.snapshot().nodeInfos().size()
                                                    + " nodes are available: Insufficient cpu."
                                                    + " preemption: 0/"
                                                    + cluster.snapshot().nodeInfos().size()
                                                    + " nodes are available: No preemption"
                                                    + " victims found for incoming pod.")
                                    .withLastTransitionTime(created)
                                    .build())
                    .endStatus();
        }
        return b.build();
    }

    private static Container container(
            String app, Resources requests, String tokenVolume, List<PodVolume> volumes) {
        ContainerBuilder c =
                new ContainerBuilder()
                        .withName("main")
                        .withImage(image(app))
                        .withImagePullPolicy("IfNotPresent")
                        .addNewPort()
                        .withName("http")
                        .withContainerPort(8080)
                        .withProtocol("TCP")
                        .endPort()
                        .addNewPort()
                        .withName("metrics")
                        .withContainerPort(9090)
                        .withProtocol("TCP")
                        .endPort()
                        .addNewEnv()
                        .withName("APP_NAME")
                        .withValue(app)
                        .endEnv()
                        .addNewEnv()
                        .withName("POD_NAME")
                        .withNewValueFrom()
                        .withNewFieldRef()
                        .withApiVersion("v1")
                        .withFieldPath("metadata.name")
                        .endFieldRef()
                        .endValueFrom()
                        .endEnv()
                        .withNewResources()
                        .withRequests(quantities(requests, false))
                        .addToLimits("memory", quantity(requests.memoryBytes(), false))
                        .endResources()
                        .withNewReadinessProbe()
                        .withNewHttpGet()
                        .withPath("/healthz")
                        .withPort(new IntOrString(8080))
                        .withScheme("HTTP")
                        .endHttpGet()
                        .withPeriodSeconds(10)
                        .withTimeoutSeconds(1)
                        .withSuccessThreshold(1)
                        .withFailureThreshold(3)
                        .endReadinessProbe()
                        .withTerminationMessagePath("/dev/termination-log")
                        .withTerminationMessagePolicy("File")
                        .addNewVolumeMount()
                        .withName(tokenVolume)
                        .withMountPath("/var/run/secrets/kubernetes.io/serviceaccount")
                        .withReadOnly(true)
                        .endVolumeMount();
        for (PodVolume v : volumes) {
            c.addNewVolumeMount().withName(v.name()).withMountPath("/data").endVolumeMount();
        }
        return c.build();
    }

    private static List<Volume> volumes(List<PodVolume> volumes, String tokenVolume) {
        List<Volume> out = new ArrayList<>();
        for (PodVolume v : volumes) {
            VolumeBuilder b = new VolumeBuilder().withName(v.name());
            switch (v.kind()) {
                case EMPTY_DIR -> b.withNewEmptyDir().endEmptyDir();
                case MEMORY_EMPTY_DIR -> b.withNewEmptyDir().withMedium("Memory").endEmptyDir();
                case HOST_PATH ->
                        b.withNewHostPath().withPath("/var/lib/" + v.name()).endHostPath();
                default ->
                        b.withNewPersistentVolumeClaim()
                                .withClaimName(v.name())
                                .endPersistentVolumeClaim();
            }
            out.add(b.build());
        }
        out.add(
                new VolumeBuilder()
                        .withName(tokenVolume)
                        .withNewProjected()
                        .withDefaultMode(420)
                        .addNewSource()
                        .withNewServiceAccountToken()
                        .withExpirationSeconds(3607L)
                        .withPath("token")
                        .endServiceAccountToken()
                        .endSource()
                        .addNewSource()
                        .withNewConfigMap()
                        .withName("kube-root-ca.crt")
                        .addNewItem()
                        .withKey("ca.crt")
                        .withPath("ca.crt")
                        .endItem()
                        .endConfigMap()
                        .endSource()
                        .addNewSource()
                        .withNewDownwardAPI()
                        .addNewItem()
                        .withPath("namespace")
                        .withNewFieldRef()
                        .withApiVersion("v1")
                        .withFieldPath("metadata.namespace")
                        .endFieldRef()
                        .endItem()
                        .endDownwardAPI()
                        .endSource()
                        .endProjected()
                        .build());
        return out;
    }

    // ------------------------------------------------------------------ controllers and budgets

    private HasMetadata daemonSet(DaemonSet ds) {
        Pod t = ds.template();
        int nodes = cluster.snapshot().nodeInfos().size();
        PodSpec spec = pod(t, null).getSpec();
        spec.setNodeName(null);
        return new DaemonSetBuilder()
                .withNewMetadata()
                .withName(ds.name())
                .withNamespace(ds.namespace())
                .withUid(uuid(ds.uid()))
                .withResourceVersion(nextVersion())
                .withGeneration(1L)
                .withCreationTimestamp(created)
                .addToLabels("app", ds.name())
                .addToAnnotations("deprecated.daemonset.template.generation", "1")
                .endMetadata()
                .withNewSpec()
                .withSelector(selector(LabelSelector.matchLabels(t.labels().asMap())))
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(t.labels().asMap())
                .endMetadata()
                .withSpec(spec)
                .endTemplate()
                .withNewUpdateStrategy()
                .withType("RollingUpdate")
                .withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(1))
                .withMaxSurge(new IntOrString(0))
                .endRollingUpdate()
                .endUpdateStrategy()
                .withRevisionHistoryLimit(10)
                .endSpec()
                .withNewStatus()
                .withCurrentNumberScheduled(nodes)
                .withDesiredNumberScheduled(nodes)
                .withNumberAvailable(nodes)
                .withNumberReady(nodes)
                .withUpdatedNumberScheduled(nodes)
                .withNumberMisscheduled(0)
                .withObservedGeneration(1L)
                .endStatus()
                .build();
    }

    private HasMetadata budget(PodDisruptionBudget b) {
        IntOrString max =
                b.maxUnavailable() == null
                        ? null
                        : b.maxUnavailable().percent()
                                ? new IntOrString(b.maxUnavailable().value() + "%")
                                : new IntOrString(b.maxUnavailable().value());
        IntOrString min =
                b.minAvailable() == null
                        ? null
                        : b.minAvailable().percent()
                                ? new IntOrString(b.minAvailable().value() + "%")
                                : new IntOrString(b.minAvailable().value());
        return new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName(b.name())
                .withNamespace(b.namespace())
                .withUid(uuid("pdb/" + b.namespace() + "/" + b.name()))
                .withResourceVersion(nextVersion())
                .withGeneration(1L)
                .withCreationTimestamp(created)
                .endMetadata()
                .withNewSpec()
                .withSelector(selector(b.selector()))
                .withMaxUnavailable(max)
                .withMinAvailable(min)
                .endSpec()
                .withNewStatus()
                .withDisruptionsAllowed(b.disruptionsAllowed())
                .withCurrentHealthy(100)
                .withDesiredHealthy(90)
                .withExpectedPods(100)
                .withObservedGeneration(1L)
                .addToConditions(
                        new ConditionBuilder()
                                .withType("DisruptionAllowed")
                                .withStatus(b.disruptionsAllowed() > 0 ? "True" : "False")
                                .withReason(
                                        b.disruptionsAllowed() > 0
                                                ? "SufficientPods"
                                                : "InsufficientPods")
                                .withMessage("")
                                .withObservedGeneration(1L)
                                .withLastTransitionTime(created)
                                .build())
                .endStatus()
                .build();
    }

    /** The ReplicaSet or StatefulSet that owns {@code pods}, wanting as many as there are. */
    private HasMetadata controller(List<Pod> pods) {
        Pod first = pods.get(0);
        OwnerReference o = first.owner();
        int n = pods.size();
        PodSpec spec = pod(first, null).getSpec();
        Map<String, String> labels = first.labels().asMap();
        var meta =
                new ObjectMetaBuilder()
                        .withName(o.name())
                        .withNamespace(first.namespace())
                        .withUid(uuid(o.uid()))
                        .withResourceVersion(nextVersion())
                        .withGeneration(1L)
                        .withCreationTimestamp(created)
                        .withLabels(labels)
                        .build();
        var selector = selector(LabelSelector.matchLabels(labels));
        if (o.kind().equals("StatefulSet")) {
            return new StatefulSetBuilder()
                    .withMetadata(meta)
                    .withNewSpec()
                    .withReplicas(n)
                    .withServiceName(o.name())
                    .withSelector(selector)
                    .withNewTemplate()
                    .withNewMetadata()
                    .withLabels(labels)
                    .endMetadata()
                    .withSpec(spec)
                    .endTemplate()
                    .addNewVolumeClaimTemplate()
                    .withNewMetadata()
                    .withName("data")
                    .endMetadata()
                    .withNewSpec()
                    .withAccessModes("ReadWriteOnce")
                    .withStorageClassName(STORAGE_CLASS)
                    .withNewResources()
                    .addToRequests("storage", new Quantity("10Gi"))
                    .endResources()
                    .endSpec()
                    .endVolumeClaimTemplate()
                    .withPodManagementPolicy("OrderedReady")
                    .withNewUpdateStrategy()
                    .withType("RollingUpdate")
                    .endUpdateStrategy()
                    .endSpec()
                    .withNewStatus()
                    .withReplicas(n)
                    .withReadyReplicas(n)
                    .withCurrentReplicas(n)
                    .withUpdatedReplicas(n)
                    .withAvailableReplicas(n)
                    .withCurrentRevision(o.name() + "-7d9c8b6f5")
                    .withUpdateRevision(o.name() + "-7d9c8b6f5")
                    .withObservedGeneration(1L)
                    .endStatus()
                    .build();
        }
        return new ReplicaSetBuilder()
                .withMetadata(meta)
                .editMetadata()
                .addToAnnotations("deployment.kubernetes.io/desired-replicas", "" + n)
                .addToAnnotations("deployment.kubernetes.io/max-replicas", "" + (n + n / 4))
                .addToAnnotations("deployment.kubernetes.io/revision", "1")
                .addNewOwnerReference()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(o.name().replaceAll("-[0-9a-z]+$", ""))
                .withUid(uuid("deploy/" + o.uid()))
                .withController(true)
                .withBlockOwnerDeletion(true)
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .withReplicas(n)
                .withSelector(selector)
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withSpec(spec)
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReplicas(n)
                .withFullyLabeledReplicas(n)
                .withReadyReplicas(n)
                .withAvailableReplicas(n)
                .withObservedGeneration(1L)
                .endStatus()
                .build();
    }

    // ------------------------------------------------------------------ small pieces

    private static io.fabric8.kubernetes.api.model.LabelSelector selector(LabelSelector s) {
        LabelSelectorBuilder b = new LabelSelectorBuilder();
        for (Requirement r : s.requirements()) {
            if (r.operator().kubernetesName().equals("In") && r.values().size() == 1) {
                b.addToMatchLabels(r.key(), r.values().get(0));
            } else {
                b.addToMatchExpressions(
                        new LabelSelectorRequirementBuilder()
                                .withKey(r.key())
                                .withOperator(r.operator().kubernetesName())
                                .withValues(r.values().isEmpty() ? null : r.values())
                                .build());
            }
        }
        return b.build();
    }

    private static io.fabric8.kubernetes.api.model.NodeSelectorTerm nodeSelectorTerm(
            NodeSelectorTerm t) {
        NodeSelectorTermBuilder b = new NodeSelectorTermBuilder();
        for (Requirement r : t.matchExpressions()) {
            b.addToMatchExpressions(
                    new NodeSelectorRequirementBuilder()
                            .withKey(r.key())
                            .withOperator(r.operator().kubernetesName())
                            .withValues(r.values())
                            .build());
        }
        for (Requirement r : t.matchFields()) {
            b.addToMatchFields(
                    new NodeSelectorRequirementBuilder()
                            .withKey(r.key())
                            .withOperator(r.operator().kubernetesName())
                            .withValues(r.values())
                            .build());
        }
        return b.build();
    }

    private static Map<String, Quantity> quantities(Resources r, boolean node) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        out.put(
                "cpu",
                new Quantity(
                        r.milliCpu() % 1000 == 0 ? "" + r.milliCpu() / 1000 : r.milliCpu() + "m"));
        out.put("memory", quantity(r.memoryBytes(), node));
        if (node) {
            out.put("ephemeral-storage", new Quantity("101430960Ki"));
            out.put("hugepages-1Gi", new Quantity("0"));
            out.put("hugepages-2Mi", new Quantity("0"));
            out.put("pods", new Quantity("" + (r.pods() > 0 ? r.pods() : 110)));
        }
        return out;
    }

    private static Quantity quantity(long bytes, boolean kibibytes) {
        if (kibibytes && bytes % 1024 == 0) {
            return new Quantity(bytes / 1024 + "Ki");
        }
        if (bytes % (1024 * 1024) == 0) {
            return new Quantity(bytes / (1024 * 1024) + "Mi");
        }
        return new Quantity("" + bytes);
    }

    private static String image(String app) {
        return "registry.example.com/apps/" + app + ":1.4.2";
    }

    private static String sha(String seed) {
        String a = uuid(seed).replace("-", "");
        String b = uuid(seed + "#").replace("-", "");
        return a + b;
    }

    private String nextVersion() {
        return Integer.toString(resourceVersion++);
    }
}
