/**
 * Decision latency in real time: from a pending pod's creation to the Kamatera create request, with
 * the real assembly driven by the real loop scheduler against testkit's mock API server and the
 * Kamatera simulator, both holding a cluster of hundreds or thousands of busy nodes.
 */
package org.k8sca.bench.latency;
