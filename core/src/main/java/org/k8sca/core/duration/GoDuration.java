package org.k8sca.core.duration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Go's duration syntax, as the upstream autoscaler's flags use it: {@link #parse} behaves like Go's
 * {@code time.ParseDuration} (same accepted inputs, same results to the nanosecond, same error
 * texts) and {@link #format} like Go's {@code Duration.String()} ({@code 10m0s}, {@code 1.5s}).
 *
 * <p>Durations are signed 64-bit nanosecond counts, as in Go. Go accumulates them in an unsigned
 * 64-bit integer and allows exactly 2<sup>63</sup> before negation; Java's {@code long} holds the
 * same bits, so the unsigned comparisons below mirror Go's checks one for one.
 */
public final class GoDuration {
    /** 2<sup>63</sup> read as an unsigned number: Go's {@code 1<<63}. */
    private static final long TWO_TO_63 = Long.MIN_VALUE;

    private static final long NANOSECOND = 1L;
    private static final long MICROSECOND = 1000 * NANOSECOND;
    private static final long MILLISECOND = 1000 * MICROSECOND;
    private static final long SECOND = 1000 * MILLISECOND;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    /** Go accepts both the micro sign (U+00B5) and the Greek mu (U+03BC) for microseconds. */
    private static final Map<String, Long> UNITS =
            Map.of(
                    "ns", NANOSECOND,
                    "us", MICROSECOND,
                    "\u00b5s", MICROSECOND,
                    "\u03bcs", MICROSECOND,
                    "ms", MILLISECOND,
                    "s", SECOND,
                    "m", MINUTE,
                    "h", HOUR);

    private GoDuration() {}

    /**
     * Parses a Go duration such as {@code 300ms}, {@code -1.5h} or {@code 2h45m}: a sequence of
     * decimal numbers, each with an optional fraction and a unit suffix, with an optional leading
     * sign. {@code 0} alone needs no unit.
     *
     * @throws IllegalArgumentException with Go's message, e.g. {@code time: missing unit in
     *     duration "10"}
     */
    public static Duration parse(String text) {
        return Duration.ofNanos(parseNanos(text));
    }

    /** As {@link #parse}, returning Go's {@code time.Duration} value: nanoseconds. */
    public static long parseNanos(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        long total = 0; // unsigned
        while (!s.isEmpty()) {
            char first = s.charAt(0);
            if (!(first == '.' || isDigit(first))) {
                throw invalid(text);
            }

            // The integer part: [0-9]*
            int digitsEnd = digitsEnd(s, 0);
            long value = leadingInt(s.substring(0, digitsEnd), text);
            boolean hasIntegerPart = digitsEnd > 0;
            s = s.substring(digitsEnd);

            // The fraction: (\.[0-9]*)?
            long fraction = 0;
            double scale = 1;
            boolean hasFraction = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                s = s.substring(1);
                int fractionEnd = digitsEnd(s, 0);
                Fraction parsed = leadingFraction(s.substring(0, fractionEnd));
                fraction = parsed.digits();
                scale = parsed.scale();
                hasFraction = fractionEnd > 0;
                s = s.substring(fractionEnd);
            }
            if (!hasIntegerPart && !hasFraction) {
                throw invalid(text);
            }

            // The unit: everything up to the next digit or '.'.
            int unitEnd = 0;
            while (unitEnd < s.length()
                    && !(s.charAt(unitEnd) == '.' || isDigit(s.charAt(unitEnd)))) {
                unitEnd++;
            }
            if (unitEnd == 0) {
                throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
            }
            String unitName = s.substring(0, unitEnd);
            s = s.substring(unitEnd);
            Long unitValue = UNITS.get(unitName);
            if (unitValue == null) {
                throw new IllegalArgumentException(
                        "time: unknown unit " + quote(unitName) + " in duration " + quote(text));
            }
            long unit = unitValue;
            if (Long.compareUnsigned(value, Long.divideUnsigned(TWO_TO_63, unit)) > 0) {
                throw invalid(text); // overflow
            }
            value *= unit;
            if (fraction > 0) {
                // Go computes the fraction in float64 (exact enough for fractions of hours, whose
                // product is below 3.6e12); the same IEEE arithmetic gives the same nanoseconds
                // here.
                value += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
                if (Long.compareUnsigned(value, TWO_TO_63) > 0) {
                    throw invalid(text); // overflow
                }
            }
            total += value;
            if (Long.compareUnsigned(total, TWO_TO_63) > 0) {
                throw invalid(text); // overflow
            }
        }
        if (negative) {
            return -total; // -(2^63) wraps to Long.MIN_VALUE, as in Go
        }
        if (Long.compareUnsigned(total, Long.MAX_VALUE) > 0) {
            throw invalid(text);
        }
        return total;
    }

    /**
     * Formats like Go's {@code Duration.String()}: {@code 1h30m0s}, {@code 1.5s}, {@code 300ms},
     * {@code 0s}.
     */
    public static String format(Duration duration) {
        return format(duration.toNanos());
    }

    /** Formats a Go {@code time.Duration} (nanoseconds) like Go's {@code Duration.String()}. */
    public static String format(long nanos) {
        boolean negative = nanos < 0;
        long u = negative ? -nanos : nanos; // unsigned: -Long.MIN_VALUE is 2^63 read unsigned
        StringBuilder reversed =
                new StringBuilder(32); // built from the end, as Go fills its buffer
        if (Long.compareUnsigned(u, SECOND) < 0) {
            // Below one second Go switches to smaller units: 1.2ms, 3µs, 7ns.
            reversed.append('s');
            int precision;
            if (u == 0) {
                return "0s";
            } else if (u < MICROSECOND) {
                precision = 0;
                reversed.append('n');
            } else if (u < MILLISECOND) {
                precision = 3;
                reversed.append('\u00b5');
            } else {
                precision = 6;
                reversed.append('m');
            }
            u = appendFraction(reversed, u, precision);
            appendInteger(reversed, u);
        } else {
            reversed.append('s');
            u = appendFraction(reversed, u, 9);
            // u is now whole seconds
            appendInteger(reversed, Long.remainderUnsigned(u, 60));
            u = Long.divideUnsigned(u, 60);
            if (u > 0) {
                reversed.append('m');
                appendInteger(reversed, u % 60);
                u /= 60;
                // Go stops at hours: days have different lengths.
                if (u > 0) {
                    reversed.append('h');
                    appendInteger(reversed, u);
                }
            }
        }
        if (negative) {
            reversed.append('-');
        }
        return reversed.reverse().toString();
    }

    /**
     * Appends (reversed) the fraction of {@code value / 10^precision} without trailing zeros, and
     * the decimal point when there is a fraction; returns {@code value / 10^precision}.
     */
    private static long appendFraction(StringBuilder reversed, long value, int precision) {
        boolean printing = false;
        for (int i = 0; i < precision; i++) {
            long digit = Long.remainderUnsigned(value, 10);
            printing = printing || digit != 0;
            if (printing) {
                reversed.append((char) ('0' + digit));
            }
            value = Long.divideUnsigned(value, 10);
        }
        if (printing) {
            reversed.append('.');
        }
        return value;
    }

    private static void appendInteger(StringBuilder reversed, long value) {
        if (value == 0) {
            reversed.append('0');
            return;
        }
        while (value != 0) {
            reversed.append((char) ('0' + Long.remainderUnsigned(value, 10)));
            value = Long.divideUnsigned(value, 10);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The integer of a run of digits; more than 2^63 is an invalid duration. */
    private static long leadingInt(String digits, String text) {
        long x = 0;
        for (int i = 0; i < digits.length(); i++) {
            if (Long.compareUnsigned(x, Long.divideUnsigned(TWO_TO_63, 10)) > 0) {
                throw invalid(text);
            }
            x = x * 10 + (digits.charAt(i) - '0');
            if (Long.compareUnsigned(x, TWO_TO_63) > 0) {
                throw invalid(text);
            }
        }
        return x;
    }

    /**
     * The digits of a fraction and their scale (10^count of digits used). Digits beyond what 63
     * bits hold are ignored, as in Go: they cannot change the nanoseconds.
     */
    private static Fraction leadingFraction(String digits) {
        long x = 0;
        double scale = 1;
        for (int i = 0; i < digits.length(); i++) {
            if (Long.compareUnsigned(x, Long.MAX_VALUE / 10) > 0) {
                break;
            }
            long y = x * 10 + (digits.charAt(i) - '0');
            if (Long.compareUnsigned(y, TWO_TO_63) > 0) {
                break;
            }
            x = y;
            scale *= 10;
        }
        return new Fraction(x, scale);
    }

    /**
     * The digits after the decimal point as an integer (unsigned), and the power of ten they are
     * scaled by.
     */
    private record Fraction(long digits, double scale) {}

    /** Converts an unsigned 64-bit value to the nearest double, as Go's float64(uint64) does. */
    private static double unsignedToDouble(long value) {
        if (value >= 0) {
            return value;
        }
        // Halve (keeping the lowest bit, so rounding stays correct), convert, double.
        return ((double) ((value >>> 1) | (value & 1))) * 2.0;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration " + quote(text));
    }

    /**
     * Go's {@code time.quote}: double quotes, backslash before {@code "} and {@code \}, and every
     * non-ASCII or control character as the {@code \xNN} escapes of its UTF-8 bytes.
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints()
                .forEach(
                        c -> {
                            if (c >= 0x80 || c < ' ') {
                                for (byte b :
                                        new String(Character.toChars(c))
                                                .getBytes(StandardCharsets.UTF_8)) {
                                    out.append("\\x")
                                            .append(Character.forDigit((b >> 4) & 0xf, 16))
                                            .append(Character.forDigit(b & 0xf, 16));
                                }
                            } else {
                                if (c == '"' || c == '\\') {
                                    out.append('\\');
                                }
                                out.appendCodePoint(c);
                            }
                        });
        return out.append('"').toString();
    }
}
