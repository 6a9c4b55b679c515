package org.k8sca.kamatera.provider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Records the provider's Kubernetes writes; can be told to fail. */
final class FakeNodeMetadata implements NodeMetadata {
    final List<String> providerIdWrites = new ArrayList<>();
    final List<String> returnedToService = new ArrayList<>();
    final Set<String> failingNodes = new HashSet<>();

    @Override
    public synchronized void setProviderId(String nodeName, String providerId) {
        providerIdWrites.add(nodeName + "=" + providerId);
        if (failingNodes.contains(nodeName)) {
            throw new IllegalStateException(
                    "spec.providerID: Forbidden: node updates may not change providerID");
        }
    }

    @Override
    public synchronized void returnToService(String nodeName) {
        returnedToService.add(nodeName);
        if (failingNodes.contains(nodeName)) {
            throw new IllegalStateException("nodes \"" + nodeName + "\" is forbidden");
        }
    }
}
