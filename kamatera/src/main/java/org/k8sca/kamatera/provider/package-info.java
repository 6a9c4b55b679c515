/**
 * The Kamatera cloud provider: the core's {@link org.k8sca.core.cloud.CloudProvider} and {@link
 * org.k8sca.core.cloud.NodeGroup} on top of {@link org.k8sca.kamatera.api.KamateraApi} and the
 * cloud config.
 *
 * <p>{@code Fleet} holds every server of the cluster in one {@code Registry} and runs the
 * operations (increase, delete, decrease); node groups are views on it. At each refresh the {@code
 * Reconciler} moves every server through its life cycle once, for all node groups together; {@code
 * ServerActions} starts power-offs and terminates and retries them; {@code PoolPolicy} decides
 * whether a powered-off server joins the warm pool or is terminated. {@code InFlightCreates} saves
 * the creates in flight to an {@link org.k8sca.kamatera.provider.InFlightCreateStore} before they
 * are sent and resumes them at the first refresh, so a restarted autoscaler makes no second server.
 * Kubernetes writes go through {@link org.k8sca.kamatera.provider.NodeMetadata}, which the
 * Kubernetes module implements.
 */
package org.k8sca.kamatera.provider;
