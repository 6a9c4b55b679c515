/**
 * The operator's status page, {@code /status}: a self-contained HTML page (no external assets)
 * built from what the loop observes — node groups, pending pods, nodes, recent scale events,
 * Kamatera API health and a chart of the cluster over time. Served by {@code run} on {@code
 * --address} and by {@code sandbox}.
 */
package org.k8sca.app.status;
