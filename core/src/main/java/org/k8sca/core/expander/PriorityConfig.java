package org.k8sca.core.expander;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code priorities} value of the upstream ConfigMap {@code
 * cluster-autoscaler-priority-expander}: a YAML map from an integer priority to a list of regular
 * expressions over node-group ids, for example
 *
 * <pre>
 * 10:
 *   - .*-small
 * 50:
 *   - "gpu-.*"
 * 20: [web-a, web-b]
 * </pre>
 *
 * Only this shape of YAML is accepted (block or flow lists, optional quotes, {@code #} comments);
 * anything else is an error that names the line.
 */
public final class PriorityConfig {

    /** Patterns by priority, highest priority first. */
    private final TreeMap<Integer, List<Pattern>> byPriority;

    private PriorityConfig(TreeMap<Integer, List<Pattern>> byPriority) {
        this.byPriority = byPriority;
    }

    /** Priorities, highest first, with their patterns. */
    public Map<Integer, List<Pattern>> priorities() {
        return Collections.unmodifiableMap(byPriority);
    }

    /**
     * The highest priority with a pattern that matches somewhere in {@code nodeGroupId} (as Go's
     * {@code regexp.MatchString}: unanchored), or {@code null} when none matches.
     */
    public Integer priorityOf(String nodeGroupId) {
        for (Map.Entry<Integer, List<Pattern>> e : byPriority.entrySet()) {
            for (Pattern p : e.getValue()) {
                if (p.matcher(nodeGroupId).find()) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /**
     * Parses the {@code priorities} text.
     *
     * @throws IllegalArgumentException naming the line, for any text that is not this format
     */
    public static PriorityConfig parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("priority expander config is empty");
        }
        TreeMap<Integer, List<Pattern>> out = new TreeMap<>(Collections.reverseOrder());
        List<Pattern> current = null;
        Integer currentPriority = null;
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String where = "priority expander config line " + (n + 1);
            String line = stripComment(lines[n]);
            if (line.isBlank()) {
                continue;
            }
            String trimmed = line.trim();
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (trimmed.startsWith("-")) {
                if (current == null) {
                    throw new IllegalArgumentException(
                            where
                                    + ": list item \""
                                    + trimmed
                                    + "\" before any \"<priority>:\" line");
                }
                current.add(compile(unquote(trimmed.substring(1).trim(), where), where));
                continue;
            }
            if (indented) {
                throw new IllegalArgumentException(
                        where + ": expected \"- <regex>\" but got \"" + trimmed + "\"");
            }
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(
                        where + ": expected \"<priority>:\" but got \"" + trimmed + "\"");
            }
            String key = unquote(trimmed.substring(0, colon).trim(), where);
            try {
                currentPriority = Integer.valueOf(key);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        where + ": priority \"" + key + "\" is not an integer");
            }
            if (out.containsKey(currentPriority)) {
                throw new IllegalArgumentException(
                        where + ": priority " + currentPriority + " is listed twice");
            }
            current = new ArrayList<>();
            out.put(currentPriority, current);
            String rest = trimmed.substring(colon + 1).trim();
            if (!rest.isEmpty()) {
                if (!rest.startsWith("[") || !rest.endsWith("]")) {
                    throw new IllegalArgumentException(
                            where
                                    + ": expected a list after \""
                                    + currentPriority
                                    + ":\" but got \""
                                    + rest
                                    + "\"");
                }
                for (String item : rest.substring(1, rest.length() - 1).split(",")) {
                    if (!item.isBlank()) {
                        current.add(compile(unquote(item.trim(), where), where));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("priority expander config has no priorities");
        }
        for (Map.Entry<Integer, List<Pattern>> e : out.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException(
                        "priority expander config: priority "
                                + e.getKey()
                                + " has no regular expressions");
            }
            e.setValue(List.copyOf(e.getValue()));
        }
        return new PriorityConfig(out);
    }

    private static String stripComment(String line) {
        // A '#' starts a comment only at the line start or after a space, as in YAML; regexes may
        // hold '#'.
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#'
                    && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String s, String where) {
        if (s.length() >= 2
                && ((s.startsWith("\"") && s.endsWith("\""))
                        || (s.startsWith("'") && s.endsWith("'")))) {
            return s.substring(1, s.length() - 1);
        }
        if (s.startsWith("\"") || s.startsWith("'")) {
            throw new IllegalArgumentException(where + ": unterminated quote in " + s);
        }
        return s;
    }

    private static Pattern compile(String regex, String where) {
        if (regex.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty regular expression");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    where
                            + ": invalid regular expression \""
                            + regex
                            + "\": "
                            + e.getDescription());
        }
    }
}
