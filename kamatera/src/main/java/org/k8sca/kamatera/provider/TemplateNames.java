package org.k8sca.kamatera.provider;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names of template nodes: one stable name per node group ({@code template-<group>}), so that the
 * price of a template node can be found from its name.
 */
final class TemplateNames {
    private static final String PREFIX = "template-";
    private final Map<String, String> groupByName = new ConcurrentHashMap<>();

    String nameFor(String group) {
        String name = PREFIX + group;
        groupByName.put(name, group);
        return name;
    }

    Optional<String> groupOf(String nodeName) {
        return Optional.ofNullable(groupByName.get(nodeName));
    }
}
