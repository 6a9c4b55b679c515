/**
 * The Kamatera cloud config file: a gcfg (INI) parser with go-gcfg's exact semantics, the resolved
 * global and node-group settings with upstream's inheritance rules, and validation that reports
 * every problem at once with section, key and line.
 */
package org.k8sca.kamatera.config;
