package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;

import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.Requirement;
import org.k8sca.core.model.BoundVolume;
import org.k8sca.core.model.HostPort;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.model.PodVolume;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.model.Toleration;
import org.k8sca.core.model.TopologySpreadConstraint;
import org.k8sca.core.resources.ContainerRequests;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a pod spec (of a pod or of a pod template) into the scheduling fields of a core {@link
 * Pod.Builder}. Shared by pods and DaemonSet templates so both see the same rules.
 */
final class PodSpecTranslator {

    /** What the spec says beyond the builder's fields. */
    record Extras(List<String> claimNames) {}

    private PodSpecTranslator() {}

    /**
     * @param labels the pod's (or template's) labels, needed for {@code matchLabelKeys}
     * @param namespace the pod's namespace, where its claims live
     * @param podName the pod's name, which names its generic ephemeral volumes' claims
     */
    static Extras apply(
            Pod.Builder builder,
            PodSpec spec,
            Labels labels,
            String namespace,
            String podName,
            String object,
            VolumeLookup volumes)
            throws TranslationException {
        builder.containers(containers(spec.getContainers(), object, "spec.containers", false));
        builder.initContainers(
                containers(spec.getInitContainers(), object, "spec.initContainers", true));
        builder.overhead(Quantities.resources(spec.getOverhead(), object, "spec.overhead"));
        if (spec.getResources() != null) {
            Resources podLevel = requests(spec.getResources(), object, "spec.resources");
            builder.podLevelRequests(podLevel.isZero() ? null : podLevel);
        }
        builder.priority(spec.getPriority() == null ? 0 : spec.getPriority());
        builder.nodeName(spec.getNodeName());
        builder.nodeSelector(Meta.labels(spec.getNodeSelector(), object, "spec.nodeSelector"));
        builder.tolerations(tolerations(spec.getTolerations(), object));
        builder.hostPorts(hostPorts(spec, object));
        applyAffinity(builder, spec.getAffinity(), labels, object);
        builder.spreadConstraints(spreadConstraints(spec.getTopologySpreadConstraints(), object));
        List<String> gates = new ArrayList<>();
        for (PodSchedulingGate g : Meta.orEmpty(spec.getSchedulingGates())) {
            gates.add(Meta.orEmpty(g.getName()));
        }
        builder.schedulingGates(gates);
        return applyVolumes(builder, spec.getVolumes(), namespace, podName, object, volumes);
    }

    // ------------------------------------------------------------------ resources

    private static List<ContainerRequests> containers(
            List<Container> list, String object, String field, boolean init)
            throws TranslationException {
        List<Container> in = Meta.orEmpty(list);
        List<ContainerRequests> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Container c = in.get(i);
            Resources requests =
                    requests(c.getResources(), object, field + "[" + i + "].resources");
            String name = c.getName() == null ? field + "[" + i + "]" : c.getName();
            // A sidecar is an init container with restartPolicy Always: it keeps running beside the
            // app.
            boolean sidecar = init && "Always".equals(c.getRestartPolicy());
            out.add(new ContainerRequests(name, requests, sidecar));
        }
        return out;
    }

    /**
     * Requests, with limits standing in for requests that are not given, as the API server defaults
     * them when a pod is created (templates are not defaulted, but their pods will be).
     */
    private static Resources requests(ResourceRequirements r, String object, String field)
            throws TranslationException {
        if (r == null) {
            return Resources.ZERO;
        }
        Map<String, Quantity> limits = r.getLimits();
        Map<String, Quantity> requests = r.getRequests();
        if (limits == null || limits.isEmpty()) {
            return Quantities.resources(requests, object, field + ".requests");
        }
        Resources fromRequests = Quantities.resources(requests, object, field + ".requests");
        Map<String, Quantity> missing = new HashMap<>();
        for (Map.Entry<String, Quantity> e : limits.entrySet()) {
            if (requests == null || !requests.containsKey(e.getKey())) {
                missing.put(e.getKey(), e.getValue());
            }
        }
        return fromRequests.plus(Quantities.resources(missing, object, field + ".limits"));
    }

    // ------------------------------------------------------------------ tolerations, ports

    static List<Toleration> tolerations(
            List<io.fabric8.kubernetes.api.model.Toleration> list, String object)
            throws TranslationException {
        List<io.fabric8.kubernetes.api.model.Toleration> in = Meta.orEmpty(list);
        List<Toleration> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            io.fabric8.kubernetes.api.model.Toleration t = in.get(i);
            String field = "spec.tolerations[" + i + "]";
            String op =
                    t.getOperator() == null || t.getOperator().isEmpty()
                            ? "Equal"
                            : t.getOperator();
            if (!op.equals("Equal") && !op.equals("Exists")) {
                throw new TranslationException(
                        object,
                        field + ".operator",
                        "unknown toleration operator \"" + op + "\" (allowed: Equal, Exists)");
            }
            try {
                TaintEffect effect =
                        t.getEffect() == null || t.getEffect().isEmpty()
                                ? null
                                : TaintEffect.parse(t.getEffect());
                out.add(new Toleration(t.getKey(), op.equals("Exists"), t.getValue(), effect));
            } catch (IllegalArgumentException e) {
                throw new TranslationException(object, field, e.getMessage(), e);
            }
        }
        return out;
    }

    /** Host ports of the regular containers and of sidecars, which keep running beside them. */
    private static List<HostPort> hostPorts(PodSpec spec, String object)
            throws TranslationException {
        List<HostPort> out = new ArrayList<>();
        addHostPorts(out, spec.getContainers(), false, object, "spec.containers");
        addHostPorts(out, spec.getInitContainers(), true, object, "spec.initContainers");
        return out;
    }

    private static void addHostPorts(
            List<HostPort> out,
            List<Container> containers,
            boolean sidecarsOnly,
            String object,
            String field)
            throws TranslationException {
        List<Container> in = Meta.orEmpty(containers);
        for (int i = 0; i < in.size(); i++) {
            Container c = in.get(i);
            if (sidecarsOnly && !"Always".equals(c.getRestartPolicy())) {
                continue;
            }
            List<ContainerPort> ports = Meta.orEmpty(c.getPorts());
            for (int j = 0; j < ports.size(); j++) {
                ContainerPort p = ports.get(j);
                if (p.getHostPort() == null || p.getHostPort() == 0) {
                    continue;
                }
                try {
                    out.add(new HostPort(p.getProtocol(), p.getHostIP(), p.getHostPort()));
                } catch (IllegalArgumentException e) {
                    throw new TranslationException(
                            object,
                            field + "[" + i + "].ports[" + j + "].hostPort",
                            e.getMessage(),
                            e);
                }
            }
        }
    }

    // ------------------------------------------------------------------ affinity, spread

    private static void applyAffinity(
            Pod.Builder builder, Affinity affinity, Labels labels, String object)
            throws TranslationException {
        if (affinity == null) {
            return;
        }
        if (affinity.getNodeAffinity() != null) {
            builder.requiredNodeAffinity(
                    Selectors.nodeSelector(
                            affinity.getNodeAffinity()
                                    .getRequiredDuringSchedulingIgnoredDuringExecution(),
                            object,
                            "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"));
        }
        if (affinity.getPodAffinity() != null) {
            builder.affinityTerms(
                    affinityTerms(
                            affinity.getPodAffinity()
                                    .getRequiredDuringSchedulingIgnoredDuringExecution(),
                            labels,
                            object,
                            "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution"));
        }
        if (affinity.getPodAntiAffinity() != null) {
            builder.antiAffinityTerms(
                    affinityTerms(
                            affinity.getPodAntiAffinity()
                                    .getRequiredDuringSchedulingIgnoredDuringExecution(),
                            labels,
                            object,
                            "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution"));
        }
    }

    /**
     * Required affinity terms. {@code matchLabelKeys} and {@code mismatchLabelKeys} are merged into
     * the selector with the pod's own values ({@code In} and {@code NotIn}), as the API server
     * does.
     */
    private static List<PodAffinityTerm> affinityTerms(
            List<io.fabric8.kubernetes.api.model.PodAffinityTerm> list,
            Labels labels,
            String object,
            String field)
            throws TranslationException {
        List<io.fabric8.kubernetes.api.model.PodAffinityTerm> in = Meta.orEmpty(list);
        List<PodAffinityTerm> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            io.fabric8.kubernetes.api.model.PodAffinityTerm t = in.get(i);
            String f = field + "[" + i + "]";
            LabelSelector selector =
                    Selectors.labelSelector(
                            t.getLabelSelector(),
                            LabelSelector.NOTHING,
                            object,
                            f + ".labelSelector");
            for (String key : Meta.orEmpty(t.getMatchLabelKeys())) {
                String value = labels.get(key);
                if (value != null) {
                    selector = selector.and(Requirement.in(key, value));
                }
            }
            for (String key : Meta.orEmpty(t.getMismatchLabelKeys())) {
                String value = labels.get(key);
                if (value != null) {
                    selector = selector.and(Requirement.notIn(key, value));
                }
            }
            // An empty namespaceSelector {} means all namespaces; an absent one means "not used".
            LabelSelector namespaceSelector =
                    Selectors.labelSelector(
                            t.getNamespaceSelector(), null, object, f + ".namespaceSelector");
            try {
                out.add(
                        new PodAffinityTerm(
                                selector,
                                t.getTopologyKey(),
                                new java.util.HashSet<>(Meta.orEmpty(t.getNamespaces())),
                                namespaceSelector));
            } catch (IllegalArgumentException e) {
                throw new TranslationException(object, f, e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<TopologySpreadConstraint> spreadConstraints(
            List<io.fabric8.kubernetes.api.model.TopologySpreadConstraint> list, String object)
            throws TranslationException {
        List<io.fabric8.kubernetes.api.model.TopologySpreadConstraint> in = Meta.orEmpty(list);
        List<TopologySpreadConstraint> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            io.fabric8.kubernetes.api.model.TopologySpreadConstraint c = in.get(i);
            String f = "spec.topologySpreadConstraints[" + i + "]";
            boolean doNotSchedule =
                    switch (Meta.orEmpty(c.getWhenUnsatisfiable())) {
                        case "DoNotSchedule" -> true;
                        case "ScheduleAnyway" -> false;
                        default ->
                                throw new TranslationException(
                                        object,
                                        f + ".whenUnsatisfiable",
                                        "\""
                                                + c.getWhenUnsatisfiable()
                                                + "\" is not allowed (allowed: DoNotSchedule,"
                                                + " ScheduleAnyway)");
                    };
            boolean honorAffinity =
                    policy(c.getNodeAffinityPolicy(), true, object, f + ".nodeAffinityPolicy");
            boolean honorTaints =
                    policy(c.getNodeTaintsPolicy(), false, object, f + ".nodeTaintsPolicy");
            LabelSelector selector =
                    Selectors.labelSelector(
                            c.getLabelSelector(),
                            LabelSelector.NOTHING,
                            object,
                            f + ".labelSelector");
            try {
                out.add(
                        new TopologySpreadConstraint(
                                c.getMaxSkew() == null ? 0 : c.getMaxSkew(),
                                c.getTopologyKey(),
                                doNotSchedule,
                                selector,
                                c.getMinDomains() == null ? 1 : c.getMinDomains(),
                                honorAffinity,
                                honorTaints,
                                c.getMatchLabelKeys()));
            } catch (IllegalArgumentException e) {
                throw new TranslationException(object, f, e.getMessage(), e);
            }
        }
        return out;
    }

    private static boolean policy(String value, boolean whenUnset, String object, String field)
            throws TranslationException {
        if (value == null || value.isEmpty()) {
            return whenUnset;
        }
        return switch (value) {
            case "Honor" -> true;
            case "Ignore" -> false;
            default ->
                    throw new TranslationException(
                            object,
                            field,
                            "\"" + value + "\" is not allowed (allowed: Honor, Ignore)");
        };
    }

    // ------------------------------------------------------------------ volumes

    /**
     * The pod's volumes (their kind, for the local-storage drain rule) and its claims (resolved
     * through {@code lookup} for the volume-binding check). As upstream, every {@code emptyDir}
     * whose medium is not {@code Memory} counts as local storage.
     */
    private static Extras applyVolumes(
            Pod.Builder builder,
            List<Volume> list,
            String namespace,
            String podName,
            String object,
            VolumeLookup lookup)
            throws TranslationException {
        List<PodVolume> podVolumes = new ArrayList<>();
        List<String> claims = new ArrayList<>();
        List<BoundVolume> bound = new ArrayList<>();
        boolean unusable = false;
        List<Volume> in = Meta.orEmpty(list);
        for (int i = 0; i < in.size(); i++) {
            Volume v = in.get(i);
            try {
                podVolumes.add(new PodVolume(v.getName(), kindOf(v)));
            } catch (IllegalArgumentException e) {
                throw new TranslationException(
                        object, "spec.volumes[" + i + "].name", e.getMessage(), e);
            }
            String claim = null;
            if (v.getPersistentVolumeClaim() != null) {
                claim = v.getPersistentVolumeClaim().getClaimName();
            } else if (v.getEphemeral() != null) {
                // A generic ephemeral volume's claim is created by Kubernetes as <pod>-<volume>.
                claim = podName + "-" + v.getName();
            }
            if (claim == null || claim.isEmpty()) {
                continue;
            }
            claims.add(claim);
            ClaimBinding binding = lookup.claim(namespace, claim);
            if (binding instanceof ClaimBinding.Bound b) {
                bound.add(b.volume());
            } else if (binding instanceof ClaimBinding.Unusable) {
                unusable = true;
            }
        }
        builder.volumes(podVolumes);
        builder.boundVolumes(bound);
        builder.unboundImmediateClaims(unusable);
        return new Extras(claims);
    }

    private static PodVolume.Kind kindOf(Volume v) {
        if (v.getHostPath() != null) {
            return PodVolume.Kind.HOST_PATH;
        }
        if (v.getEmptyDir() != null) {
            return "Memory".equals(v.getEmptyDir().getMedium())
                    ? PodVolume.Kind.MEMORY_EMPTY_DIR
                    : PodVolume.Kind.EMPTY_DIR;
        }
        return PodVolume.Kind.OTHER;
    }
}
