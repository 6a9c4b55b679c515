package org.k8sca.kamatera.api.http;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a decoded JSON value the way Go's {@code %v} prints it, so our error messages read like
 * upstream's ({@code map[message:x]}, {@code [1 2]}, {@code <nil>}, {@code 1.2345678e+07}): objects
 * as {@code map[k:v ...]} with sorted keys, arrays space-separated, strings unquoted, numbers as Go
 * prints a float64.
 */
final class GoFormat {

    /** Dumps longer than this are cut, so a huge server list does not flood a message. */
    static final int MAX_DUMP_LENGTH = 2000;

    private GoFormat() {}

    /** The Go {@code %v} text of a value, cut at {@link #MAX_DUMP_LENGTH} characters. */
    static String dump(JsonNode node) {
        String text = value(node);
        return text.length() <= MAX_DUMP_LENGTH
                ? text
                : text.substring(0, MAX_DUMP_LENGTH) + "...(truncated)";
    }

    static String value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "<nil>";
        }
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                sorted.put(entry.getKey(), entry.getValue());
            }
            List<String> parts = new ArrayList<>();
            sorted.forEach((key, child) -> parts.add(key + ":" + value(child)));
            return "map[" + String.join(" ", parts) + "]";
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode child : node) {
                parts.add(value(child));
            }
            return "[" + String.join(" ", parts) + "]";
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return Boolean.toString(node.booleanValue());
        }
        if (node.isNumber()) {
            return goFloat(node.doubleValue());
        }
        return node.toString();
    }

    /**
     * A float64 as Go's {@code %v} ({@code strconv 'g'}, shortest digits): scientific notation when
     * the decimal exponent is below -4 or at least 6, with a sign and at least two exponent digits.
     */
    static String goFloat(double number) {
        if (Double.isNaN(number)) {
            return "NaN";
        }
        if (Double.isInfinite(number)) {
            return number > 0 ? "+Inf" : "-Inf";
        }
        if (number == 0) {
            return (1 / number) < 0 ? "-0" : "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(number)).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = number < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa =
                    digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exponentText = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentText;
        }
        return sign + decimal.abs().toPlainString();
    }
}
