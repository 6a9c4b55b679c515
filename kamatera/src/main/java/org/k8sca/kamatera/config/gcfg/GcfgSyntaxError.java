package org.k8sca.kamatera.config.gcfg;

/**
 * A line that gcfg cannot read.
 *
 * @param line 1-based line number
 * @param message go-gcfg's message text, e.g. {@code string not terminated}
 */
public record GcfgSyntaxError(int line, String message) {}
