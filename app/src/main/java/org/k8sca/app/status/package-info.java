/**
 * The operator's status page, {@code /status}: a self-contained HTML page (no external assets)
 * built from what the loop observes — node groups, pending pods, nodes, recent scale events,
 * Kamatera API health and a chart of the cluster over time. Served by {@code run} on {@code
 * --address} and by {@code sandbox}.
 *
 * <p>{@link org.k8sca.app.status.StatusPage} is the loop observer and HTTP handler: it turns each
 * loop's core results into sections ({@code LoopSections}, pure functions) and publishes them as
 * one immutable {@link org.k8sca.app.status.StatusModel.LoopView} per loop; the Kamatera client's
 * calls are counted apart ({@code KamateraApiHealth}). {@link
 * org.k8sca.app.status.StatusPageRenderer} turns a {@link org.k8sca.app.status.StatusModel} into
 * the page, with the chart drawn by {@code HistoryChart}.
 */
package org.k8sca.app.status;
