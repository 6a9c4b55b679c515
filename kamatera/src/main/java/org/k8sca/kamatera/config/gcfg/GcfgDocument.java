package org.k8sca.kamatera.config.gcfg;

import java.util.List;

/**
 * The result of reading gcfg text: the sections in file order and every syntax error found. Reading
 * goes on after a syntax error (from the next line), so all errors of a file are reported at once;
 * when {@link #syntaxErrors()} is not empty the sections may be incomplete.
 */
public record GcfgDocument(List<GcfgSection> sections, List<GcfgSyntaxError> syntaxErrors) {
    public GcfgDocument {
        sections = List.copyOf(sections);
        syntaxErrors = List.copyOf(syntaxErrors);
    }
}
