package org.k8sca.kamatera.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the problems (fatal) and warnings (not fatal) found while loading one file. */
final class Findings {
    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();
    private final Set<String> silenced = new HashSet<>();

    void error(String section, String key, int line, String message) {
        if (!silenced.contains(section + '\0' + key)) {
            errors.add(new ConfigProblem(section, key, line, message));
        }
    }

    void warning(String section, String key, int line, String message) {
        warnings.add(new ConfigProblem(section, key, line, message));
    }

    /**
     * No further errors for this key: its line was already reported as unreadable, so a later "is
     * not set" about the same key would only repeat it.
     */
    void silence(String section, String key) {
        silenced.add(section + '\0' + key);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * In file order: by line, and in the order found for the same line. Problems tied to no line
     * (about a section the file lacks) come last.
     */
    List<ConfigProblem> errors() {
        return inFileOrder(errors);
    }

    List<ConfigProblem> warnings() {
        return inFileOrder(warnings);
    }

    private static List<ConfigProblem> inFileOrder(List<ConfigProblem> problems) {
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(p -> p.line() == 0 ? Integer.MAX_VALUE : p.line()));
        return List.copyOf(sorted);
    }
}
