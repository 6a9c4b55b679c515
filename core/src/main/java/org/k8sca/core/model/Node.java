package org.k8sca.core.model;

import org.k8sca.core.labels.Interner;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.resources.Resources;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes node as the autoscaler sees it.
 *
 * @param name the node name
 * @param providerId {@code spec.providerID} (e.g. {@code kamatera://srv-1}), empty when not set
 * @param labels node labels
 * @param taints node taints (shared between nodes with the same set)
 * @param allocatable what pods may request in total; predicates use this, never capacity
 * @param capacity the machine's total resources
 * @param unschedulable {@code spec.unschedulable} (cordoned)
 * @param ready whether the Ready condition is True
 * @param lastReadyTransition when the Ready condition last changed (null when unknown)
 * @param creationTime when the node object was created (null when unknown)
 * @param annotations node annotations
 */
public record Node(
        String name,
        String providerId,
        Labels labels,
        List<Taint> taints,
        Resources allocatable,
        Resources capacity,
        boolean unschedulable,
        boolean ready,
        Instant lastReadyTransition,
        Instant creationTime,
        Map<String, String> annotations) {

    private static final Interner<List<Taint>> TAINT_SETS = new Interner<>();

    public Node {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("node name is empty");
        }
        providerId = providerId == null ? "" : providerId;
        labels = labels == null ? Labels.EMPTY : labels;
        taints =
                taints == null || taints.isEmpty()
                        ? List.of()
                        : TAINT_SETS.intern(List.copyOf(taints));
        Objects.requireNonNull(allocatable, "allocatable of node " + name);
        capacity = capacity == null ? allocatable : capacity;
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder pre-filled with this node's fields, for changed copies. */
    public Builder toBuilder() {
        return new Builder(name)
                .providerId(providerId)
                .labels(labels)
                .taints(taints)
                .allocatable(allocatable)
                .capacity(capacity)
                .unschedulable(unschedulable)
                .ready(ready)
                .lastReadyTransition(lastReadyTransition)
                .creationTime(creationTime)
                .annotations(annotations);
    }

    /** Builds nodes; unset fields are empty, ready defaults to true. */
    public static final class Builder {
        private String name;
        private String providerId = "";
        private Labels labels = Labels.EMPTY;
        private List<Taint> taints = List.of();
        private Resources allocatable = Resources.ZERO;
        private Resources capacity;
        private boolean unschedulable;
        private boolean ready = true;
        private Instant lastReadyTransition;
        private Instant creationTime;
        private Map<String, String> annotations = Map.of();

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder providerId(String v) {
            providerId = v;
            return this;
        }

        public Builder labels(Labels v) {
            labels = v;
            return this;
        }

        public Builder taints(List<Taint> v) {
            taints = v;
            return this;
        }

        public Builder allocatable(Resources v) {
            allocatable = v;
            return this;
        }

        public Builder capacity(Resources v) {
            capacity = v;
            return this;
        }

        public Builder unschedulable(boolean v) {
            unschedulable = v;
            return this;
        }

        public Builder ready(boolean v) {
            ready = v;
            return this;
        }

        public Builder lastReadyTransition(Instant v) {
            lastReadyTransition = v;
            return this;
        }

        public Builder creationTime(Instant v) {
            creationTime = v;
            return this;
        }

        public Builder annotations(Map<String, String> v) {
            annotations = v;
            return this;
        }

        public Node build() {
            return new Node(
                    name,
                    providerId,
                    labels,
                    taints,
                    allocatable,
                    capacity,
                    unschedulable,
                    ready,
                    lastReadyTransition,
                    creationTime,
                    annotations);
        }
    }
}
