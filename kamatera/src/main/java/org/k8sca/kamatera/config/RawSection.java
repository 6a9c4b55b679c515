package org.k8sca.kamatera.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one section as gcfg would store them, before defaults and inheritance, each with
 * its line. A section written twice in the file merges into one.
 */
final class RawSection {
    /** How problems name this section, e.g. {@code global} or {@code nodegroup "ng1"}. */
    final String displayName;

    /** Line of the first header; 0 for a section the file does not have at all. */
    final int headerLine;

    private final Map<String, Located<String>> strings = new HashMap<>();
    private final Map<String, Located<Boolean>> bools = new HashMap<>();
    private final Map<String, List<Located<String>>> lists = new HashMap<>();

    RawSection(String displayName, int headerLine) {
        this.displayName = displayName;
        this.headerLine = headerLine;
    }

    void setString(String key, String value, int line) {
        strings.put(key, new Located<>(value, line));
    }

    void setBool(String key, boolean value, int line) {
        bools.put(key, new Located<>(value, line));
    }

    void append(String key, String value, int line) {
        lists.computeIfAbsent(key, k -> new ArrayList<>()).add(new Located<>(value, line));
    }

    /** gcfg's blank entry on a multi-valued variable: back to "absent". */
    void resetList(String key) {
        lists.remove(key);
    }

    /** The last value given, or null when the key is absent. */
    Located<String> string(String key) {
        return strings.get(key);
    }

    /** The value, or "" when absent: upstream cannot tell an absent key from an empty value. */
    String stringValue(String key) {
        Located<String> v = strings.get(key);
        return v == null ? "" : v.value();
    }

    /** The line of a non-empty value, or 0. */
    int lineOfValue(String key) {
        Located<String> v = strings.get(key);
        return v == null || v.value().isEmpty() ? 0 : v.line();
    }

    Located<Boolean> bool(String key) {
        return bools.get(key);
    }

    boolean boolValue(String key) {
        Located<Boolean> v = bools.get(key);
        return v != null && v.value();
    }

    /** The list, or null when the key is absent (never given, or reset by a blank entry). */
    List<Located<String>> list(String key) {
        return lists.get(key);
    }
}
