package org.k8sca.kube.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every object of the manifests under deploy/kubernetes, parsed with fabric8's serialization. */
final class DeployManifests {

    static final String FOLDER = "deploy/kubernetes";

    private final List<HasMetadata> objects;

    private DeployManifests(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    static DeployManifests load() {
        List<Path> files = RepoFiles.filesUnder(FOLDER, ".yaml", ".yml");
        if (files.isEmpty()) {
            throw new IllegalStateException("no manifests under " + FOLDER);
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (Path file : files) {
            objects.addAll(parse(file));
        }
        return new DeployManifests(objects);
    }

    /** The objects of one file, which may hold several YAML documents. */
    static List<HasMetadata> parse(Path file) {
        Object parsed;
        try {
            parsed = new KubernetesSerialization().unmarshal(RepoFiles.read(file));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    file + ": not a valid Kubernetes manifest: " + e.getMessage(), e);
        }
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof KubernetesList list) {
            objects.addAll(list.getItems());
        } else if (parsed instanceof List<?> list) {
            for (Object item : list) {
                objects.add(asObject(file, item));
            }
        } else {
            objects.add(asObject(file, parsed));
        }
        return objects;
    }

    private static HasMetadata asObject(Path file, Object parsed) {
        if (parsed instanceof HasMetadata object) {
            return object;
        }
        throw new IllegalStateException(
                file + ": a document is not a Kubernetes object: " + parsed);
    }

    List<HasMetadata> all() {
        return objects;
    }

    <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The single object of a type; fails when there is none or more than one. */
    <T extends HasMetadata> T single(Class<T> type) {
        List<T> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError(
                    "expected exactly one "
                            + type.getSimpleName()
                            + " under "
                            + FOLDER
                            + ", found "
                            + found.size());
        }
        return found.get(0);
    }
}
