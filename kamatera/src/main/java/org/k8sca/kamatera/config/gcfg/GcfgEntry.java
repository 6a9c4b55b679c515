package org.k8sca.kamatera.config.gcfg;

/**
 * One {@code name = value} line (or a bare {@code name}).
 *
 * @param name the variable name as written (gcfg compares names case-insensitively)
 * @param value the unquoted value; {@code null} for a "blank" entry (the name alone, no {@code =}),
 *     which gcfg treats differently from an empty value ({@code name =})
 * @param line 1-based line of the name
 * @param cutByComment true when an unquoted {@code ;} or {@code #} directly follows the value text
 *     (no whitespace before it), e.g. {@code password=Aa1#234}: gcfg ends the value there, which is
 *     usually not what the author meant
 */
public record GcfgEntry(String name, String value, int line, boolean cutByComment) {

    public boolean isBlank() {
        return value == null;
    }

    /** Values may be secrets, so they are never printed. */
    @Override
    public String toString() {
        return "GcfgEntry[name=" + name + ", line=" + line + (value == null ? ", blank" : "") + "]";
    }
}
