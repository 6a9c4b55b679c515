package org.k8sca.kamatera.config;

import org.k8sca.kamatera.config.gcfg.GcfgBool;
import org.k8sca.kamatera.config.gcfg.GcfgDocument;
import org.k8sca.kamatera.config.gcfg.GcfgEntry;
import org.k8sca.kamatera.config.gcfg.GcfgSection;
import org.k8sca.kamatera.config.golang.GoStrconv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores gcfg sections into the Kamatera schema the way go-gcfg's {@code set} does: section and
 * variable names matched case-insensitively, unknown ones rejected with gcfg's {@code can't store
 * data at section ...} text, booleans in gcfg's grammar, lists appended and reset by a blank entry,
 * single values last-wins.
 */
final class CloudConfigBinder {
    private final Findings findings;
    private RawSection global;
    private final Map<String, RawSection> nodeGroups = new LinkedHashMap<>();

    private CloudConfigBinder(Findings findings) {
        this.findings = findings;
    }

    static RawCloudConfig bind(GcfgDocument document, Findings findings) {
        CloudConfigBinder binder = new CloudConfigBinder(findings);
        for (GcfgSection section : document.sections()) {
            binder.bindSection(section);
        }
        return new RawCloudConfig(binder.global, binder.nodeGroups);
    }

    private void bindSection(GcfgSection section) {
        String name = section.name();
        String sub = section.subsection();
        if (name.equalsIgnoreCase(ConfigKeys.GLOBAL_SECTION)) {
            if (sub != null) {
                findings.error(
                        displayName(name, sub),
                        null,
                        section.line(),
                        "can't store data at section "
                                + GoStrconv.quote(name)
                                + ", subsection "
                                + GoStrconv.quote(sub));
                return;
            }
            if (global == null) {
                global = new RawSection(ConfigKeys.GLOBAL_SECTION, section.line());
            }
            bindEntries(section, global, ConfigKeys.GLOBAL);
        } else if (name.equalsIgnoreCase(ConfigKeys.NODEGROUP_SECTION)) {
            if (sub == null) {
                // gcfg would store this as a node group named "" (tag "k8scang-"), which is no
                // usable node group; we refuse it rather than guess (see docs/compatibility.md).
                findings.error(
                        ConfigKeys.NODEGROUP_SECTION,
                        null,
                        section.line(),
                        "node group name is empty: write [nodegroup \"NAME\"]");
                return;
            }
            RawSection group =
                    nodeGroups.computeIfAbsent(
                            sub,
                            s ->
                                    new RawSection(
                                            displayName(ConfigKeys.NODEGROUP_SECTION, s),
                                            section.line()));
            bindEntries(section, group, ConfigKeys.NODEGROUP);
        } else {
            // gcfg names only the section, even when it has a subsection.
            findings.error(
                    displayName(name, sub),
                    null,
                    section.line(),
                    "can't store data at section " + GoStrconv.quote(name));
        }
    }

    static String displayName(String section, String subsection) {
        return subsection == null ? section : section + " " + GoStrconv.quote(subsection);
    }

    private void bindEntries(GcfgSection section, RawSection target, Map<String, ValueKind> known) {
        for (GcfgEntry entry : section.entries()) {
            String key = ConfigKeys.canonical(known, entry.name());
            String where = location(section, entry.name());
            if (key == null) {
                findings.error(
                        target.displayName,
                        entry.name().toLowerCase(java.util.Locale.ROOT),
                        entry.line(),
                        "can't store data" + where);
                continue;
            }
            if (entry.cutByComment()) {
                findings.error(
                        target.displayName,
                        key,
                        entry.line(),
                        "the value of "
                                + key
                                + " ends at an unquoted ';' or '#', which starts a comment, so the"
                                + " rest of the line is dropped; quote the value (\"...\") if the"
                                + " character belongs to it, or put a space before the comment");
            }
            bindEntry(entry, key, known.get(key), target, where);
        }
    }

    private void bindEntry(
            GcfgEntry entry, String key, ValueKind kind, RawSection target, String where) {
        switch (kind) {
            case STRING -> {
                if (entry.isBlank()) {
                    findings.error(
                            target.displayName,
                            key,
                            entry.line(),
                            "blank value not supported for type" + where);
                    findings.silence(target.displayName, key);
                } else {
                    target.setString(key, entry.value(), entry.line());
                }
            }
            case GCFG_BOOL -> {
                Boolean value = entry.isBlank() ? Boolean.TRUE : GcfgBool.parse(entry.value());
                if (value == null) {
                    findings.error(
                            target.displayName,
                            key,
                            entry.line(),
                            "failed to parse bool " + GoStrconv.backquote(entry.value()) + where);
                    findings.silence(target.displayName, key);
                } else {
                    target.setBool(key, value, entry.line());
                }
            }
            case LIST -> {
                if (entry.isBlank()) {
                    target.resetList(key);
                } else {
                    target.append(key, entry.value(), entry.line());
                }
            }
        }
    }

    /** gcfg's location suffix, with the names as written in the file. */
    private static String location(GcfgSection section, String variable) {
        StringBuilder s = new StringBuilder(" at section ").append(GoStrconv.quote(section.name()));
        if (section.subsection() != null) {
            s.append(", subsection ").append(GoStrconv.quote(section.subsection()));
        }
        return s.append(", variable ").append(GoStrconv.quote(variable)).toString();
    }
}
