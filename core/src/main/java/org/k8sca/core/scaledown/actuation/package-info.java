/**
 * Carrying out scale-down decisions: taint the chosen nodes, wait, evict their pods with retries,
 * wait for the pods to go, delete the servers through the cloud SPI, then (optionally) the Node
 * objects. On any failure the node is untainted, a {@code ScaleDownFailed} event is recorded and
 * the server is never deleted.
 *
 * <p>Deletions are a state machine advanced by {@link
 * org.k8sca.core.scaledown.actuation.ScaleDownActuator#tick(java.time.Instant)}, so the main loop
 * never waits for a drain and tests need no threads. Cluster operations sit behind {@link
 * org.k8sca.core.scaledown.actuation.ClusterOperations}, which the kubernetes module implements.
 */
package org.k8sca.core.scaledown.actuation;
