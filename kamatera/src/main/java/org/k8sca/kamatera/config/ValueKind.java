package org.k8sca.kamatera.config;

/** How gcfg stores a variable, which decides what a blank entry and a repeated entry mean. */
enum ValueKind {
    /** Last occurrence wins; a blank entry (name without {@code =}) is an error. */
    STRING,
    /** gcfg's own boolean grammar; a blank entry means true. */
    GCFG_BOOL,
    /** Each occurrence appends; a blank entry resets the list to absent. */
    LIST
}
