package org.k8sca.app.validate;

import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ResolvedConfigView} tree as an indented listing for people: {@code key: value}
 * with the values of one section aligned, nested sections indented by two spaces, list elements as
 * {@code - item} lines. Strings that would be invisible or ambiguous on screen (empty, surrounding
 * blanks, control characters) are shown quoted with Go-style escapes.
 */
public final class TextRenderer {
    private static final String INDENT = "  ";

    private TextRenderer() {}

    public static String render(Map<String, ?> tree) {
        StringBuilder text = new StringBuilder();
        appendSection(text, tree, "");
        return text.toString();
    }

    private static void appendSection(StringBuilder text, Map<String, ?> section, String indent) {
        int width = 0;
        for (String key : section.keySet()) {
            width = Math.max(width, displayKey(key).length());
        }
        for (Map.Entry<String, ?> entry : section.entrySet()) {
            String key = displayKey(entry.getKey()) + ":";
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                text.append(indent).append(key).append('\n');
                appendSection(text, stringKeys(map), indent + INDENT);
            } else if (value instanceof List<?> list && !list.isEmpty()) {
                text.append(indent).append(key).append('\n');
                for (Object element : list) {
                    text.append(indent)
                            .append(INDENT)
                            .append("- ")
                            .append(scalar(element))
                            .append('\n');
                }
            } else {
                String padding = " ".repeat(width + 3 - key.length());
                text.append(indent).append(key).append(padding).append(scalar(value)).append('\n');
            }
        }
    }

    private static String displayKey(String key) {
        return needsQuotes(key) ? quote(key) : key;
    }

    private static String scalar(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return "(none)"; // only empty ones get here
        }
        if (value instanceof String string) {
            return needsQuotes(string) ? quote(string) : string;
        }
        return String.valueOf(value);
    }

    static boolean needsQuotes(String s) {
        if (s.isEmpty()
                || s.startsWith("\"")
                || Character.isWhitespace(s.charAt(0))
                || Character.isWhitespace(s.charAt(s.length() - 1))) {
            return true;
        }
        return s.chars().anyMatch(Character::isISOControl);
    }

    /**
     * Double-quoted, with {@code \"}, {@code \\}, {@code \n}, {@code \t} and {@code \\uXXXX}
     * escapes.
     */
    static String quote(String s) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeys(Map<?, ?> map) {
        // The view only ever nests maps keyed by strings (see ResolvedConfigView).
        return (Map<String, ?>) map;
    }
}
