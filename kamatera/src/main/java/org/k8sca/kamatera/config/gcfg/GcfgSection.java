package org.k8sca.kamatera.config.gcfg;

import java.util.List;

/**
 * One section header and the entries under it, up to the next header.
 *
 * @param name the section name as written (compared case-insensitively)
 * @param subsection the unquoted subsection name (case-sensitive), or {@code null} when the header
 *     has none, as in {@code [global]}
 * @param line 1-based line of the header
 * @param entries the entries in file order
 */
public record GcfgSection(String name, String subsection, int line, List<GcfgEntry> entries) {
    public GcfgSection {
        entries = List.copyOf(entries);
    }
}
