package org.k8sca.core.resources;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable vector of resource amounts: milli-CPU, memory bytes, ephemeral-storage bytes, a pod
 * count, GPUs ({@value #GPU}) and a small sorted set of other extended resources (hugepages, device
 * plugins, ...).
 *
 * <p>Used for a pod's requests, a node's allocatable and capacity, and a node's sum of requests.
 * All arithmetic is on {@code long}s; nothing here parses a {@link Quantity} or allocates while
 * checking a fit.
 */
public final class Resources {

    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
    public static final String PODS = "pods";

    /** The GPU resource name that gets its own slot in the vector. */
    public static final String GPU = "nvidia.com/gpu";

    private static final String[] NO_NAMES = new String[0];
    private static final long[] NO_VALUES = new long[0];

    public static final Resources ZERO = new Resources(0, 0, 0, 0, 0, NO_NAMES, NO_VALUES);

    private final long milliCpu;
    private final long memoryBytes;
    private final long ephemeralStorageBytes;
    private final long pods;
    private final long gpus;

    /** Sorted, distinct, interned; never contains the five named resources. */
    private final String[] extendedNames;

    private final long[] extendedValues;

    private Resources(
            long milliCpu,
            long memoryBytes,
            long ephemeralStorageBytes,
            long pods,
            long gpus,
            String[] extendedNames,
            long[] extendedValues) {
        this.milliCpu = milliCpu;
        this.memoryBytes = memoryBytes;
        this.ephemeralStorageBytes = ephemeralStorageBytes;
        this.pods = pods;
        this.gpus = gpus;
        this.extendedNames = extendedNames;
        this.extendedValues = extendedValues;
    }

    /** Resources with only the five fixed slots set. */
    public static Resources of(
            long milliCpu, long memoryBytes, long ephemeralStorageBytes, long pods, long gpus) {
        return new Resources(
                milliCpu, memoryBytes, ephemeralStorageBytes, pods, gpus, NO_NAMES, NO_VALUES);
    }

    /**
     * Builds resources from a Kubernetes resource list such as {@code {cpu: "500m", memory:
     * "1Gi"}}. CPU is read in millicores, everything else as whole units, both rounded up.
     *
     * @param where names the object the list belongs to, for error messages
     * @throws IllegalArgumentException if a quantity does not parse, naming the resource and where
     */
    public static Resources parse(Map<String, String> quantities, String where) {
        Builder builder = builder();
        for (Map.Entry<String, String> entry : quantities.entrySet()) {
            Quantity quantity;
            try {
                quantity = Quantity.parse(entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        where + ": resource " + entry.getKey() + ": " + e.getMessage(), e);
            }
            String name = entry.getKey();
            builder.set(name, CPU.equals(name) ? quantity.milliValue() : quantity.value());
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public long milliCpu() {
        return milliCpu;
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    public long ephemeralStorageBytes() {
        return ephemeralStorageBytes;
    }

    public long pods() {
        return pods;
    }

    public long gpus() {
        return gpus;
    }

    /** The amount of any resource by its Kubernetes name; 0 when absent. CPU is in millicores. */
    public long get(String name) {
        switch (name) {
            case CPU:
                return milliCpu;
            case MEMORY:
                return memoryBytes;
            case EPHEMERAL_STORAGE:
                return ephemeralStorageBytes;
            case PODS:
                return pods;
            case GPU:
                return gpus;
            default:
                int i = Arrays.binarySearch(extendedNames, name);
                return i >= 0 ? extendedValues[i] : 0;
        }
    }

    /** Names of the extended resources present (excluding the five fixed slots), sorted. */
    public List<String> extendedResourceNames() {
        return List.of(extendedNames);
    }

    public Resources plus(Resources other) {
        return combine(other, 1);
    }

    public Resources minus(Resources other) {
        return combine(other, -1);
    }

    private Resources combine(Resources other, long sign) {
        String[] names = mergeNames(extendedNames, other.extendedNames);
        long[] values = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = extended(names[i]) + sign * other.extended(names[i]);
        }
        return new Resources(
                milliCpu + sign * other.milliCpu,
                memoryBytes + sign * other.memoryBytes,
                ephemeralStorageBytes + sign * other.ephemeralStorageBytes,
                pods + sign * other.pods,
                gpus + sign * other.gpus,
                names,
                values);
    }

    /** The larger amount of each resource. */
    public Resources max(Resources other) {
        String[] names = mergeNames(extendedNames, other.extendedNames);
        long[] values = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = Math.max(extended(names[i]), other.extended(names[i]));
        }
        return new Resources(
                Math.max(milliCpu, other.milliCpu),
                Math.max(memoryBytes, other.memoryBytes),
                Math.max(ephemeralStorageBytes, other.ephemeralStorageBytes),
                Math.max(pods, other.pods),
                Math.max(gpus, other.gpus),
                names,
                values);
    }

    private long extended(String name) {
        int i = Arrays.binarySearch(extendedNames, name);
        return i >= 0 ? extendedValues[i] : 0;
    }

    private static String[] mergeNames(String[] a, String[] b) {
        if (b.length == 0 || Arrays.equals(a, b)) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        TreeMap<String, Boolean> all = new TreeMap<>();
        for (String n : a) {
            all.put(n, Boolean.TRUE);
        }
        for (String n : b) {
            all.put(n, Boolean.TRUE);
        }
        return all.keySet().toArray(NO_NAMES);
    }

    /**
     * Whether {@code request} fits into {@code this} (free capacity = allocatable − used) in every
     * resource the request asks for, the way kube-scheduler decides: a resource with a zero request
     * is not checked, so a pod asking for no CPU fits on an overcommitted node. Does not allocate.
     */
    public boolean fits(Resources used, Resources request) {
        if (request.pods > 0 && used.pods + request.pods > pods) {
            return false;
        }
        if (request.milliCpu > 0 && used.milliCpu + request.milliCpu > milliCpu) {
            return false;
        }
        if (request.memoryBytes > 0 && used.memoryBytes + request.memoryBytes > memoryBytes) {
            return false;
        }
        if (request.ephemeralStorageBytes > 0
                && used.ephemeralStorageBytes + request.ephemeralStorageBytes
                        > ephemeralStorageBytes) {
            return false;
        }
        if (request.gpus > 0 && used.gpus + request.gpus > gpus) {
            return false;
        }
        for (int i = 0; i < request.extendedNames.length; i++) {
            long wanted = request.extendedValues[i];
            if (wanted > 0) {
                String name = request.extendedNames[i];
                if (used.extended(name) + wanted > extended(name)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Bits of {@link #insufficientMask}: one per fixed resource, one for "some other resource". */
    public static final int SHORT_PODS = 1;

    public static final int SHORT_CPU = 2;
    public static final int SHORT_MEMORY = 4;
    public static final int SHORT_EPHEMERAL_STORAGE = 8;
    public static final int SHORT_GPU = 16;
    public static final int SHORT_OTHER = 32;

    /**
     * Like {@link #insufficient} but as a bit set of {@code SHORT_*} flags, without allocating; 0
     * when the request fits.
     */
    public int insufficientMask(Resources used, Resources request) {
        int mask = 0;
        if (request.pods > 0 && used.pods + request.pods > pods) {
            mask |= SHORT_PODS;
        }
        if (request.milliCpu > 0 && used.milliCpu + request.milliCpu > milliCpu) {
            mask |= SHORT_CPU;
        }
        if (request.memoryBytes > 0 && used.memoryBytes + request.memoryBytes > memoryBytes) {
            mask |= SHORT_MEMORY;
        }
        if (request.ephemeralStorageBytes > 0
                && used.ephemeralStorageBytes + request.ephemeralStorageBytes
                        > ephemeralStorageBytes) {
            mask |= SHORT_EPHEMERAL_STORAGE;
        }
        if (request.gpus > 0 && used.gpus + request.gpus > gpus) {
            mask |= SHORT_GPU;
        }
        for (int i = 0; i < request.extendedNames.length; i++) {
            long wanted = request.extendedValues[i];
            if (wanted > 0
                    && used.extended(request.extendedNames[i]) + wanted
                            > extended(request.extendedNames[i])) {
                mask |= SHORT_OTHER;
                break;
            }
        }
        return mask;
    }

    /**
     * The names of the resources for which {@code request} does not fit, in kube-scheduler's order:
     * pods, cpu, memory, ephemeral-storage, then the other resources by name. Empty when it fits.
     */
    public List<String> insufficient(Resources used, Resources request) {
        List<String> out = new ArrayList<>(2);
        if (request.pods > 0 && used.pods + request.pods > pods) {
            out.add(PODS);
        }
        if (request.milliCpu > 0 && used.milliCpu + request.milliCpu > milliCpu) {
            out.add(CPU);
        }
        if (request.memoryBytes > 0 && used.memoryBytes + request.memoryBytes > memoryBytes) {
            out.add(MEMORY);
        }
        if (request.ephemeralStorageBytes > 0
                && used.ephemeralStorageBytes + request.ephemeralStorageBytes
                        > ephemeralStorageBytes) {
            out.add(EPHEMERAL_STORAGE);
        }
        // GPU sorts among the extended resources by name, as the scheduler keeps it with them.
        TreeMap<String, Boolean> scalar = new TreeMap<>();
        if (request.gpus > 0 && used.gpus + request.gpus > gpus) {
            scalar.put(GPU, Boolean.TRUE);
        }
        for (int i = 0; i < request.extendedNames.length; i++) {
            long wanted = request.extendedValues[i];
            String name = request.extendedNames[i];
            if (wanted > 0 && used.extended(name) + wanted > extended(name)) {
                scalar.put(name, Boolean.TRUE);
            }
        }
        out.addAll(scalar.keySet());
        return out;
    }

    /** Whether every amount is zero. */
    public boolean isZero() {
        if (milliCpu != 0
                || memoryBytes != 0
                || ephemeralStorageBytes != 0
                || pods != 0
                || gpus != 0) {
            return false;
        }
        for (long v : extendedValues) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Resources r)) {
            return false;
        }
        if (milliCpu != r.milliCpu
                || memoryBytes != r.memoryBytes
                || ephemeralStorageBytes != r.ephemeralStorageBytes
                || pods != r.pods
                || gpus != r.gpus) {
            return false;
        }
        // Extended resources with amount 0 are the same as absent ones.
        for (String name : mergeNames(extendedNames, r.extendedNames)) {
            if (extended(name) != r.extended(name)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        long h = milliCpu * 31 + memoryBytes;
        h = h * 31 + ephemeralStorageBytes;
        h = h * 31 + pods;
        h = h * 31 + gpus;
        for (int i = 0; i < extendedNames.length; i++) {
            if (extendedValues[i] != 0) {
                h += extendedNames[i].hashCode() ^ Long.hashCode(extendedValues[i]);
            }
        }
        return Long.hashCode(h);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{cpu=").append(milliCpu).append("m");
        sb.append(", memory=").append(memoryBytes);
        sb.append(", ephemeral-storage=").append(ephemeralStorageBytes);
        sb.append(", pods=").append(pods);
        if (gpus != 0) {
            sb.append(", ").append(GPU).append('=').append(gpus);
        }
        for (int i = 0; i < extendedNames.length; i++) {
            sb.append(", ").append(extendedNames[i]).append('=').append(extendedValues[i]);
        }
        return sb.append('}').toString();
    }

    /** Collects amounts by resource name; later values for the same name replace earlier ones. */
    public static final class Builder {
        private long milliCpu;
        private long memoryBytes;
        private long ephemeralStorageBytes;
        private long pods;
        private long gpus;
        private final TreeMap<String, Long> extended = new TreeMap<>();

        private Builder() {}

        public Builder milliCpu(long v) {
            milliCpu = v;
            return this;
        }

        public Builder memoryBytes(long v) {
            memoryBytes = v;
            return this;
        }

        public Builder ephemeralStorageBytes(long v) {
            ephemeralStorageBytes = v;
            return this;
        }

        public Builder pods(long v) {
            pods = v;
            return this;
        }

        public Builder gpus(long v) {
            gpus = v;
            return this;
        }

        /** Sets a resource by its Kubernetes name (CPU in millicores). */
        public Builder set(String name, long amount) {
            switch (name) {
                case CPU -> milliCpu = amount;
                case MEMORY -> memoryBytes = amount;
                case EPHEMERAL_STORAGE -> ephemeralStorageBytes = amount;
                case PODS -> pods = amount;
                case GPU -> gpus = amount;
                default -> {
                    if (name.isEmpty()) {
                        throw new IllegalArgumentException("resource name is empty");
                    }
                    extended.put(name.intern(), amount);
                }
            }
            return this;
        }

        public Resources build() {
            if (extended.isEmpty()) {
                return new Resources(
                        milliCpu,
                        memoryBytes,
                        ephemeralStorageBytes,
                        pods,
                        gpus,
                        NO_NAMES,
                        NO_VALUES);
            }
            String[] names = extended.keySet().toArray(NO_NAMES);
            long[] values = new long[names.length];
            for (int i = 0; i < names.length; i++) {
                values[i] = extended.get(names[i]);
            }
            return new Resources(
                    milliCpu, memoryBytes, ephemeralStorageBytes, pods, gpus, names, values);
        }
    }
}
