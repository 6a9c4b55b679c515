package org.k8sca.core.labels;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One requirement of a selector, such as {@code tier In (a, b)} or {@code gpu Exists}. Valid by
 * construction: In/NotIn need values, Exists/DoesNotExist take none, Gt/Lt take exactly one
 * integer.
 */
public final class Requirement {

    private final String key;
    private final Operator operator;

    /** Sorted and distinct. */
    private final String[] values;

    private final long number;

    private Requirement(String key, Operator operator, String[] values, long number) {
        this.key = key;
        this.operator = operator;
        this.values = values;
        this.number = number;
    }

    /**
     * @throws IllegalArgumentException if the values do not suit the operator, naming the key
     */
    public static Requirement of(String key, Operator operator, List<String> values) {
        Objects.requireNonNull(operator, "operator");
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("selector requirement has an empty key");
        }
        List<String> vals = values == null ? List.of() : values;
        long number = 0;
        switch (operator) {
            case IN, NOT_IN -> {
                if (vals.isEmpty()) {
                    throw new IllegalArgumentException(
                            "selector requirement on \""
                                    + key
                                    + "\": operator "
                                    + operator.kubernetesName()
                                    + " needs at least one value");
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!vals.isEmpty()) {
                    throw new IllegalArgumentException(
                            "selector requirement on \""
                                    + key
                                    + "\": operator "
                                    + operator.kubernetesName()
                                    + " takes no values");
                }
            }
            case GT, LT -> {
                if (vals.size() != 1) {
                    throw new IllegalArgumentException(
                            "selector requirement on \""
                                    + key
                                    + "\": operator "
                                    + operator.kubernetesName()
                                    + " needs exactly one value");
                }
                try {
                    number = Long.parseLong(vals.get(0));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "selector requirement on \""
                                    + key
                                    + "\": operator "
                                    + operator.kubernetesName()
                                    + " needs an integer value, got \""
                                    + vals.get(0)
                                    + "\"");
                }
            }
            default -> throw new IllegalStateException("unhandled operator " + operator);
        }
        TreeSet<String> sorted = new TreeSet<>(vals);
        String[] arr = new String[sorted.size()];
        int i = 0;
        for (String v : sorted) {
            arr[i++] = v.intern();
        }
        return new Requirement(key.intern(), operator, arr, number);
    }

    public static Requirement in(String key, String... values) {
        return of(key, Operator.IN, List.of(values));
    }

    public static Requirement notIn(String key, String... values) {
        return of(key, Operator.NOT_IN, List.of(values));
    }

    public static Requirement exists(String key) {
        return of(key, Operator.EXISTS, List.of());
    }

    public static Requirement doesNotExist(String key) {
        return of(key, Operator.DOES_NOT_EXIST, List.of());
    }

    public String key() {
        return key;
    }

    public Operator operator() {
        return operator;
    }

    public List<String> values() {
        return List.of(values);
    }

    /** Whether the value (null when the key is absent) satisfies this requirement. */
    public boolean matchesValue(String value) {
        switch (operator) {
            case IN:
                return value != null && Arrays.binarySearch(values, value) >= 0;
            case NOT_IN:
                return value == null || Arrays.binarySearch(values, value) < 0;
            case EXISTS:
                return value != null;
            case DOES_NOT_EXIST:
                return value == null;
            case GT:
            case LT:
                return value != null && compareNumber(value);
            default:
                return false;
        }
    }

    private boolean compareNumber(String value) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            // Kubernetes treats a label that is not an integer as not matching Gt/Lt.
            return false;
        }
        return operator == Operator.GT ? parsed > number : parsed < number;
    }

    public boolean matches(Labels labels) {
        return matchesValue(labels.get(key));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Requirement r
                && key.equals(r.key)
                && operator == r.operator
                && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return (key.hashCode() * 31 + operator.hashCode()) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return key
                + " "
                + operator.kubernetesName()
                + (values.length == 0 ? "" : " " + Arrays.toString(values));
    }
}
