package org.k8sca.core.scaleup;

import java.math.BigDecimal;
import java.time.Duration;

/** Parses Go duration strings such as {@code 600s}, {@code 1h30m} or {@code 1.5h}, as annotations use them. */
final class GoDuration {

  private GoDuration() {}

  /**
   * @throws IllegalArgumentException when {@code text} is not a Go duration
   */
  static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    String s = text;
    boolean negative = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      negative = s.startsWith("-");
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    if (s.isEmpty()) {
      throw new IllegalArgumentException("invalid duration \"" + text + "\"");
    }
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String number = s.substring(start, unitStart);
      String unit = s.substring(unitStart, i);
      if (number.isEmpty() || number.equals(".") || unit.isEmpty()) {
        throw new IllegalArgumentException("invalid duration \"" + text + "\" (expected e.g. 600s, 10m, 1h30m)");
      }
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unitNanos(unit, text))));
    }
    long n = nanos.longValue();
    return Duration.ofNanos(negative ? -n : n);
  }

  private static long unitNanos(String unit, String text) {
    switch (unit) {
      case "ns":
        return 1L;
      case "us":
      case "µs":
        return 1_000L;
      case "ms":
        return 1_000_000L;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "h":
        return 3_600_000_000_000L;
      default:
        throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \"" + text + "\"");
    }
  }
}
