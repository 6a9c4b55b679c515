package org.k8sca.core.resources;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A Kubernetes resource quantity such as {@code 100m}, {@code 1.5Gi} or {@code 1e3}, held as an
 * exact decimal.
 *
 * <p>Parse quantities once, when an object enters the model, and keep the resulting {@code long}s:
 * {@link #milliValue()} for CPU (millicores) and {@link #value()} for bytes and counts. Both round
 * up like Kubernetes ({@code MilliValue()} and {@code Value()}), and saturate at the {@code long}
 * range instead of overflowing.
 */
public final class Quantity {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    /** Kubernetes caps decimal exponents well below this; it keeps BigDecimal from exploding. */
    private static final int MAX_EXPONENT = 1000;

    private final BigDecimal amount;

    private Quantity(BigDecimal amount) {
        this.amount = amount;
    }

    /** The exact amount, e.g. 0.1 for {@code 100m} and 1073741824 for {@code 1Gi}. */
    public BigDecimal amount() {
        return amount;
    }

    /**
     * Parses a quantity in Kubernetes syntax: an optionally signed decimal number followed by a
     * binary suffix (Ki Mi Gi Ti Pi Ei), a decimal suffix (n u m k M G T P E) or a decimal exponent
     * ({@code e3}, {@code E-2}). No whitespace is allowed anywhere.
     *
     * @param text the quantity text
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Quantity parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("quantity is empty");
        }
        int pos = 0;
        int length = text.length();
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            pos++;
        }
        int numberStart = pos;
        int digits = 0;
        boolean dot = false;
        while (pos < length) {
            char c = text.charAt(pos);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            pos++;
        }
        if (digits == 0) {
            throw invalid(text, "expected a number before the suffix");
        }
        String number = text.substring(numberStart, pos);
        BigDecimal value = new BigDecimal(number.endsWith(".") ? number + "0" : number);
        if (text.charAt(0) == '-') {
            value = value.negate();
        }
        String suffix = text.substring(pos);
        return new Quantity(applySuffix(text, value, suffix));
    }

    private static BigDecimal applySuffix(String text, BigDecimal value, String suffix) {
        switch (suffix) {
            case "":
                return value;
            case "n":
                return value.scaleByPowerOfTen(-9);
            case "u":
                return value.scaleByPowerOfTen(-6);
            case "m":
                return value.scaleByPowerOfTen(-3);
            case "k":
                return value.scaleByPowerOfTen(3);
            case "M":
                return value.scaleByPowerOfTen(6);
            case "G":
                return value.scaleByPowerOfTen(9);
            case "T":
                return value.scaleByPowerOfTen(12);
            case "P":
                return value.scaleByPowerOfTen(15);
            case "E":
                return value.scaleByPowerOfTen(18);
            case "Ki":
                return value.multiply(BigDecimal.valueOf(1L << 10));
            case "Mi":
                return value.multiply(BigDecimal.valueOf(1L << 20));
            case "Gi":
                return value.multiply(BigDecimal.valueOf(1L << 30));
            case "Ti":
                return value.multiply(BigDecimal.valueOf(1L << 40));
            case "Pi":
                return value.multiply(BigDecimal.valueOf(1L << 50));
            case "Ei":
                return value.multiply(BigDecimal.valueOf(1L << 60));
            default:
                return applyExponent(text, value, suffix);
        }
    }

    private static BigDecimal applyExponent(String text, BigDecimal value, String suffix) {
        char first = suffix.charAt(0);
        if (first != 'e' && first != 'E') {
            throw invalid(
                    text,
                    "unknown suffix '"
                            + suffix
                            + "' (allowed: n u m k M G T P E Ki Mi Gi Ti Pi Ei or an exponent)");
        }
        String exponent = suffix.substring(1);
        int start = exponent.startsWith("+") || exponent.startsWith("-") ? 1 : 0;
        if (exponent.length() == start || exponent.length() - start > 4) {
            throw invalid(text, "exponent must be 1 to 4 digits");
        }
        for (int i = start; i < exponent.length(); i++) {
            char c = exponent.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(text, "exponent must be 1 to 4 digits");
            }
        }
        int power = Integer.parseInt(exponent);
        if (Math.abs(power) > MAX_EXPONENT) {
            throw invalid(text, "exponent out of range");
        }
        return value.scaleByPowerOfTen(power);
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid quantity \"" + text + "\": " + why);
    }

    /** The amount in thousandths, rounded up (Kubernetes {@code MilliValue()}); for CPU. */
    public long milliValue() {
        return saturate(amount.movePointRight(3).setScale(0, RoundingMode.CEILING).toBigInteger());
    }

    /**
     * The amount rounded up to a whole number (Kubernetes {@code Value()}); for bytes and counts.
     */
    public long value() {
        return saturate(amount.setScale(0, RoundingMode.CEILING).toBigInteger());
    }

    private static long saturate(BigInteger v) {
        if (v.compareTo(LONG_MAX) > 0) {
            return Long.MAX_VALUE;
        }
        if (v.compareTo(LONG_MIN) < 0) {
            return Long.MIN_VALUE;
        }
        return v.longValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && amount.compareTo(q.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString();
    }
}
