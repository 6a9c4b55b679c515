package org.k8sca.kamatera.config;

import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.resources.Quantity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for our new keys, in the kubelet's own syntax where there is one. Each throws {@link
 * IllegalArgumentException} with a message that says what is allowed.
 */
final class TemplateSyntax {
    static final Set<String> RESERVABLE = Set.of("cpu", "memory", "ephemeral-storage");
    static final Set<String> EVICTION_SIGNALS =
            Set.of(
                    "memory.available",
                    "nodefs.available",
                    "imagefs.available",
                    "nodefs.inodesFree",
                    "imagefs.inodesFree",
                    "pid.available");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");
    private static final Pattern TAINT_KEY =
            Pattern.compile(
                    "([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern TAINT_VALUE =
            Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    private TemplateSyntax() {}

    /**
     * {@code cpu=100m,memory=256Mi,ephemeral-storage=1Gi} (kubelet --kube-reserved); {@code none}
     * is empty.
     */
    static Map<String, String> reserved(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        if (text.equals("none")) {
            return result;
        }
        for (String item : text.split(",", -1)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "item \""
                                + item
                                + "\" is not resource=quantity (expected e.g."
                                + " cpu=100m,memory=256Mi,ephemeral-storage=1Gi, or none)");
            }
            String resource = item.substring(0, eq);
            if (!RESERVABLE.contains(resource)) {
                throw new IllegalArgumentException(
                        "resource \""
                                + resource
                                + "\" cannot be reserved (allowed: cpu, memory,"
                                + " ephemeral-storage)");
            }
            String quantity = item.substring(eq + 1);
            checkQuantity(quantity);
            result.put(resource, quantity);
        }
        return result;
    }

    /**
     * {@code memory.available<100Mi,nodefs.available<10%} (kubelet --eviction-hard); {@code none}
     * is empty.
     */
    static Map<String, String> evictionHard(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        if (text.equals("none")) {
            return result;
        }
        for (String item : text.split(",", -1)) {
            int lt = item.indexOf('<');
            if (lt <= 0) {
                throw new IllegalArgumentException(
                        "item \""
                                + item
                                + "\" is not signal<threshold (expected e.g."
                                + " memory.available<100Mi,nodefs.available<10%, or none)");
            }
            String signal = item.substring(0, lt);
            if (!EVICTION_SIGNALS.contains(signal)) {
                throw new IllegalArgumentException(
                        "unknown eviction signal \""
                                + signal
                                + "\" (allowed: "
                                + String.join(", ", EVICTION_SIGNALS.stream().sorted().toList())
                                + ")");
            }
            String threshold = item.substring(lt + 1);
            if (threshold.endsWith("%")) {
                BigDecimal percent;
                try {
                    percent = new BigDecimal(threshold.substring(0, threshold.length() - 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "threshold \""
                                    + threshold
                                    + "\" of "
                                    + signal
                                    + " is not a percentage such as 10%");
                }
                if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new IllegalArgumentException(
                            "threshold \""
                                    + threshold
                                    + "\" of "
                                    + signal
                                    + " must be between 0% and 100%");
                }
            } else {
                checkQuantity(threshold);
            }
            result.put(signal, threshold);
        }
        return result;
    }

    /** {@code key=value:Effect} or {@code key:Effect}, as kubectl taint writes them. */
    static Taint taint(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "\""
                            + text
                            + "\" has no effect: expected key=value:Effect or key:Effect"
                            + " with Effect NoSchedule, PreferNoSchedule or NoExecute");
        }
        TaintEffect effect = TaintEffect.parse(text.substring(colon + 1));
        String keyValue = text.substring(0, colon);
        int eq = keyValue.indexOf('=');
        String key = eq < 0 ? keyValue : keyValue.substring(0, eq);
        String value = eq < 0 ? "" : keyValue.substring(eq + 1);
        if (!TAINT_KEY.matcher(key).matches() || key.length() > 316) {
            throw new IllegalArgumentException(
                    "taint key \"" + key + "\" is not a valid Kubernetes key");
        }
        if (!TAINT_VALUE.matcher(value).matches() || value.length() > 63) {
            throw new IllegalArgumentException(
                    "taint value \"" + value + "\" is not a valid Kubernetes label value");
        }
        return new Taint(key, value, effect);
    }

    /** A price such as {@code 0.035}: a non-negative decimal number. */
    static double price(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0) {
                throw new IllegalArgumentException("price must not be negative");
            }
            return value.doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is not a decimal number such as 0.035");
        }
    }

    /** {@code 30s}, {@code 2m}, {@code 1h}, {@code 500ms}, or whole seconds ({@code 30}). */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is not a duration such as 30s, 2m or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static void checkQuantity(String text) {
        Quantity quantity = Quantity.parse(text);
        if (quantity.amount().signum() < 0) {
            throw new IllegalArgumentException("quantity \"" + text + "\" must not be negative");
        }
    }
}
