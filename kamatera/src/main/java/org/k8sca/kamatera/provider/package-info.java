/**
 * The Kamatera cloud provider: the core's {@link org.k8sca.core.cloud.CloudProvider} and
 * {@link org.k8sca.core.cloud.NodeGroup} on top of {@link org.k8sca.kamatera.api.KamateraApi} and the
 * cloud config. {@link org.k8sca.kamatera.provider.Fleet} keeps every server of the cluster and runs
 * their life cycle (create, power on/off, terminate, warm pool) once per refresh for all node groups;
 * node groups are views on it. Kubernetes writes go through {@link org.k8sca.kamatera.provider.NodeMetadata},
 * which the Kubernetes module implements.
 */
package org.k8sca.kamatera.provider;
