package org.k8sca.core.scaledown.drain;

import java.util.Objects;

/** Identifies a workload controller object, e.g. {@code ReplicaSet default/web-5d8f}. */
public record ControllerKey(String kind, String namespace, String name) {

    public ControllerKey {
        Objects.requireNonNull(kind, "controller kind");
        Objects.requireNonNull(namespace, "controller namespace");
        Objects.requireNonNull(name, "controller name");
    }

    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name;
    }
}
