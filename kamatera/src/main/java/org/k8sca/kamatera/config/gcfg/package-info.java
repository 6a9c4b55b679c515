/**
 * The gcfg ("git-config-like" INI) syntax as go-gcfg reads it: sections, quoted subsections,
 * variables, comments, quoting, escapes and line continuation. This package knows nothing about
 * Kamatera keys; it turns text into sections and entries, each with its line number, and reports
 * syntax errors with go-gcfg's message texts.
 */
package org.k8sca.kamatera.config.gcfg;
