package org.k8sca.kamatera.config;

import org.k8sca.core.model.Taint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Our additions for template nodes and pricing (keys upstream does not have), resolved for one node
 * group: what the kubelet reserves, taints the init script applies, and the hourly price.
 *
 * @param kubeReserved kubelet {@code --kube-reserved}: resource name ({@code cpu}, {@code memory},
 *     {@code ephemeral-storage}) to quantity text, e.g. {@code memory -> 256Mi}
 * @param systemReserved kubelet {@code --system-reserved}, same form
 * @param evictionHard kubelet {@code --eviction-hard}: signal to threshold, e.g. {@code
 *     memory.available -> 100Mi}, {@code nodefs.available -> 10%}
 * @param taints taints every node of the group gets when it registers
 * @param pricePerHour the group's price per server-hour, when configured
 */
public record NodeTemplateConfig(
        Map<String, String> kubeReserved,
        Map<String, String> systemReserved,
        Map<String, String> evictionHard,
        List<Taint> taints,
        OptionalDouble pricePerHour) {

    /**
     * The kubelet's own default, used when neither the node group nor [global] sets eviction-hard.
     */
    public static final String DEFAULT_EVICTION_HARD =
            "memory.available<100Mi,nodefs.available<10%";

    /** No reservations, no taints, no price: the template equals the machine. */
    public static final NodeTemplateConfig NONE =
            new NodeTemplateConfig(Map.of(), Map.of(), Map.of(), List.of(), OptionalDouble.empty());

    public NodeTemplateConfig {
        kubeReserved = Collections.unmodifiableMap(new LinkedHashMap<>(kubeReserved));
        systemReserved = Collections.unmodifiableMap(new LinkedHashMap<>(systemReserved));
        evictionHard = Collections.unmodifiableMap(new LinkedHashMap<>(evictionHard));
        taints = List.copyOf(taints);
    }
}
