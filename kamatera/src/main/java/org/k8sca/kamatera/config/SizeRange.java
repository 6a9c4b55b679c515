package org.k8sca.kamatera.config;

import org.k8sca.kamatera.config.golang.GoParseException;
import org.k8sca.kamatera.config.golang.GoStrconv;

/**
 * Upstream's min/max size pair check, shared by {@code [global]} and node groups: optional min and
 * max strings (empty = use the fallback) parsed with {@code strconv.Atoi}, then {@code 0 <= min <=
 * max}. Upstream stops at the first failure; this reports each independent failure, and checks
 * {@code min <= max} only when both sides are known.
 */
final class SizeRange {
    private SizeRange() {}

    /**
     * @param min the resolved min; meaningful only when {@code valid}
     * @param valid false when a problem was reported or a fallback was itself invalid
     */
    record Result(long min, long max, boolean valid) {}

    /**
     * @param messagePrefix upstream's wrapper, e.g. {@code cannot get size values for node group
     *     ng1: }
     * @param fallbackValid false when the fallbacks come from an invalid {@code [global]}, so that
     *     no second, derived problem is reported
     */
    static Result check(
            RawSection section,
            String minKey,
            String maxKey,
            long fallbackMin,
            long fallbackMax,
            boolean fallbackValid,
            String messagePrefix,
            Findings findings) {
        String minText = section.stringValue(minKey);
        String maxText = section.stringValue(maxKey);
        boolean valid = true;
        boolean minKnown = fallbackValid || !minText.isEmpty();
        boolean maxKnown = fallbackValid || !maxText.isEmpty();
        long min = fallbackMin;
        long max = fallbackMax;
        if (!minText.isEmpty()) {
            try {
                min = GoStrconv.atoi(minText);
                if (min < 0) {
                    findings.error(
                            section.displayName,
                            minKey,
                            section.lineOfValue(minKey),
                            messagePrefix + "min size for node group cannot be < 0");
                    valid = false;
                }
            } catch (GoParseException e) {
                findings.error(
                        section.displayName,
                        minKey,
                        section.lineOfValue(minKey),
                        messagePrefix
                                + "could not parse min size for node group: "
                                + e.getMessage());
                valid = false;
                minKnown = false;
            }
        }
        if (!maxText.isEmpty()) {
            try {
                max = GoStrconv.atoi(maxText);
            } catch (GoParseException e) {
                findings.error(
                        section.displayName,
                        maxKey,
                        section.lineOfValue(maxKey),
                        messagePrefix
                                + "could not parse max size for node group: "
                                + e.getMessage());
                valid = false;
                maxKnown = false;
            }
        }
        if (valid && minKnown && maxKnown && min > max) {
            String blamed = !minText.isEmpty() ? minKey : !maxText.isEmpty() ? maxKey : null;
            int line = blamed == null ? section.headerLine : section.lineOfValue(blamed);
            findings.error(
                    section.displayName,
                    blamed,
                    line,
                    messagePrefix
                            + "min size for a node group must be less than its max size (got min: "
                            + min
                            + ", max: "
                            + max
                            + ")");
            valid = false;
        }
        return new Result(min, max, valid && minKnown && maxKnown);
    }
}
