package org.k8sca.app.run;

import org.k8sca.kamatera.provider.InFlightCreate;
import org.k8sca.kamatera.provider.InFlightCreateStore;
import org.k8sca.kube.creates.CreatesConfigMap;
import org.k8sca.kube.creates.SavedCreate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Kamatera provider's creates in flight kept in the creates ConfigMap (the kubernetes module
 * does not know the provider's types, so this translates between the two records).
 */
final class ConfigMapCreateStore implements InFlightCreateStore {
    private final CreatesConfigMap configMap;

    ConfigMapCreateStore(CreatesConfigMap configMap) {
        this.configMap = Objects.requireNonNull(configMap, "configMap");
    }

    @Override
    public List<InFlightCreate> load() {
        List<InFlightCreate> result = new ArrayList<>();
        for (SavedCreate saved : configMap.load()) {
            result.add(
                    new InFlightCreate(
                            saved.serverName(),
                            saved.group(),
                            saved.requestedAt(),
                            saved.commandId()));
        }
        return result;
    }

    @Override
    public void save(List<InFlightCreate> creates) {
        List<SavedCreate> saved = new ArrayList<>();
        for (InFlightCreate create : creates) {
            saved.add(
                    new SavedCreate(
                            create.serverName(),
                            create.group(),
                            create.requestedAt(),
                            create.commandId()));
        }
        configMap.save(saved);
    }
}
