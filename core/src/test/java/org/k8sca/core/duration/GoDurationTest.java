package org.k8sca.core.duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

/**
 * {@link GoDuration} against the vectors of Go's {@code time} package tests (parseDurationTests,
 * parseDurationErrorTests, durationTests), with the expected values worked out by hand.
 */
class GoDurationTest {
    private static final long NS = 1;
    private static final long US = 1000 * NS;
    private static final long MS = 1000 * US;
    private static final long S = 1000 * MS;
    private static final long M = 60 * S;
    private static final long H = 60 * M;

    private static void parses(String text, long expectedNanos) {
        assertThat(GoDuration.parseNanos(text))
                .as("ParseDuration(%s)", text)
                .isEqualTo(expectedNanos);
    }

    @Test
    void parsesSimpleSignedAndDecimalValues() {
        parses("0", 0);
        parses("5s", 5 * S);
        parses("30s", 30 * S);
        parses("1478s", 1478 * S);
        parses("-5s", -5 * S);
        parses("+5s", 5 * S);
        parses("-0", 0);
        parses("+0", 0);
        parses("5.0s", 5 * S);
        parses("5.6s", 5 * S + 600 * MS);
        parses("5.s", 5 * S);
        parses(".5s", 500 * MS);
        parses("1.0s", S);
        parses("1.00s", S);
        parses("1.004s", S + 4 * MS);
        parses("1.0040s", S + 4 * MS);
        parses("100.00100s", 100 * S + MS);
    }

    @Test
    void parsesEveryUnitIncludingBothMicroSigns() {
        parses("10ns", 10 * NS);
        parses("11us", 11 * US);
        parses("12\u00b5s", 12 * US);
        parses("12\u03bcs", 12 * US);
        parses("13ms", 13 * MS);
        parses("14s", 14 * S);
        parses("15m", 15 * M);
        parses("16h", 16 * H);
    }

    @Test
    void parsesCompositeDurationsInAnyUnitOrder() {
        parses("3h30m", 3 * H + 30 * M);
        parses("10.5s4m", 4 * M + 10 * S + 500 * MS);
        parses("-2m3.4s", -(2 * M + 3 * S + 400 * MS));
        parses("1h2m3s4ms5us6ns", H + 2 * M + 3 * S + 4 * MS + 5 * US + 6 * NS);
        parses("39h9m14.425s", 39 * H + 9 * M + 14 * S + 425 * MS);
        parses("2h45m30.5s", 2 * H + 45 * M + 30 * S + 500 * MS);
    }

    @Test
    void parsesLargeValuesAndLongFractionsExactly() {
        parses("52763797000ns", 52763797000L);
        // More than 9 fraction digits; a third of an hour.
        parses("0.3333333333333333333h", 20 * M);
        // 2^53 + 1 has no exact double: integer arithmetic keeps it.
        parses("9007199254740993ns", (1L << 53) + 1);
        parses("9223372036854775807ns", Long.MAX_VALUE);
        parses("9223372036854775.807us", Long.MAX_VALUE);
        parses("9223372036s854ms775us807ns", Long.MAX_VALUE);
        parses("-9223372036854775808ns", Long.MIN_VALUE);
        parses("-9223372036854775.808us", Long.MIN_VALUE);
        parses("-9223372036s854ms775us808ns", Long.MIN_VALUE);
        parses("-2562047h47m16.854775808s", Long.MIN_VALUE);
        parses("0.100000000000000000000h", 6 * M);
        // 19 digits fill 63 bits; the 20th and later are ignored: 0.8301034832854775807 h.
        parses("0.830103483285477580700h", 49 * M + 48 * S + 372539827 * NS);
    }

    @Test
    void rejectsMalformedInputWithGoMessages() {
        rejects("", "time: invalid duration \"\"");
        rejects("3", "time: missing unit in duration \"3\"");
        rejects("10", "time: missing unit in duration \"10\"");
        rejects("-", "time: invalid duration \"-\"");
        rejects("s", "time: invalid duration \"s\"");
        rejects(".", "time: invalid duration \".\"");
        rejects("-.", "time: invalid duration \"-.\"");
        rejects(".s", "time: invalid duration \".s\"");
        rejects("+.s", "time: invalid duration \"+.s\"");
        rejects("1d", "time: unknown unit \"d\" in duration \"1d\"");
        rejects("1.5sx", "time: unknown unit \"sx\" in duration \"1.5sx\"");
        rejects(" 1s", "time: invalid duration \" 1s\"");
        rejects("1s ", "time: unknown unit \"s \" in duration \"1s \"");
        rejects("\uFFFD", "time: invalid duration \"\\xef\\xbf\\xbd\"");
        rejects(
                "\uFFFD hello \uFFFD world",
                "time: invalid duration \"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world\"");
        rejects("1\u00e9", "time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\"");
        rejects("\"1\\s", "time: invalid duration \"\\\"1\\\\s\"");
    }

    @Test
    void rejectsOverflowWithGoMessages() {
        for (String text :
                new String[] {
                    "9223372036854775810ns", // the integer itself exceeds 2^63
                    "9223372036854775808ns", // 2^63 is only allowed negated
                    "-9223372036854775809ns",
                    "9223372036854776us", // the unit multiplication overflows
                    "3000000h",
                    "9223372036854775.808us", // the fraction pushes it to 2^63
                    "9223372036854ms775us808ns", // the sum reaches 2^63
                }) {
            rejects(text, "time: invalid duration \"" + text + "\"");
        }
    }

    private static void rejects(String text, String message) {
        assertThatThrownBy(() -> GoDuration.parseNanos(text))
                .as("ParseDuration(%s)", text)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void formatsLikeGoDurationString() {
        formats(0, "0s");
        formats(NS, "1ns");
        formats(1100 * NS, "1.1\u00b5s");
        formats(2200 * US, "2.2ms");
        formats(3300 * MS, "3.3s");
        formats(4 * M + 5 * S, "4m5s");
        formats(4 * M + 5001 * MS, "4m5.001s");
        formats(5 * H + 6 * M + 7001 * MS, "5h6m7.001s");
        formats(8 * M + NS, "8m0.000000001s");
        formats(Long.MAX_VALUE, "2562047h47m16.854775807s");
        formats(Long.MIN_VALUE, "-2562047h47m16.854775808s");
        formats(10 * M, "10m0s");
        formats(H + 30 * M, "1h30m0s");
        formats(1500 * MS, "1.5s");
        formats(300 * MS, "300ms");
        formats(10 * S, "10s");
        formats(3 * H, "3h0m0s");
        formats(-5 * S, "-5s");
        formats(-1, "-1ns");
        formats(999_999_999, "999.999999ms");
    }

    private static void formats(long nanos, String expected) {
        assertThat(GoDuration.format(nanos)).as("Duration(%d).String()", nanos).isEqualTo(expected);
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(expected);
    }

    @Test
    void formatThenParseGivesBackTheSameNanoseconds() {
        long seed = Long.getLong("test.seed", 20261124L);
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long nanos =
                    switch (i % 4) {
                        case 0 -> random.nextLong();
                        case 1 -> random.nextInt(1_000_000_000) * (random.nextBoolean() ? 1L : -1L);
                        case 2 -> random.nextInt(100_000) * S;
                        default -> random.nextInt(1000) * M + random.nextInt(1000) * MS;
                    };
            String text = GoDuration.format(nanos);
            assertThat(GoDuration.parseNanos(text))
                    .as("seed %d: parse(format(%d)) via %s", seed, nanos, text)
                    .isEqualTo(nanos);
        }
    }
}
