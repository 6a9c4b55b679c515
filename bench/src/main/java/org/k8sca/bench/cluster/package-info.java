/**
 * A seeded, deterministic synthetic cluster for benchmarks: node groups of several shapes, nodes
 * filled with Deployment, StatefulSet and DaemonSet pods, PDBs, a warm pool, and a burst of pending
 * pods, loaded into a {@link org.k8sca.core.snapshot.ClusterSnapshot} with a small in-memory {@link
 * org.k8sca.core.cloud.CloudProvider}. The same seed always gives the same cluster, so numbers from
 * two runs describe the same work.
 */
package org.k8sca.bench.cluster;
