/**
 * The HTTP side of the simulator on the JDK {@code HttpServer}: routing of cloudcli paths, parsing
 * of JSON, form and query input, authentication headers, request-level fault injection (injected
 * answers, latency, hangs, gateway errors, random 500s), the request journal, and JSON output.
 */
package org.k8sca.kamatera.sim.http;
