/**
 * klog-compatible logging on SLF4J and logback: the text and JSON layouts of the upstream
 * autoscaler's logs, {@code -v} verbosity with {@link org.k8sca.app.logging.Klog#v}, and {@link
 * org.k8sca.app.logging.LogSetup} to point it all at stderr.
 */
package org.k8sca.app.logging;
