/**
 * The cluster model: small immutable records for nodes, pods and the other Kubernetes objects the
 * autoscaler reasons about, translated once at the edge. Nothing here knows about the Kubernetes
 * client or any cloud.
 */
package org.k8sca.core.model;
