/**
 * Resource quantities: parsing Kubernetes quantity strings once at the edge ({@link
 * org.k8sca.core.resources.Quantity}), the fixed resource vector used in every hot loop ({@link
 * org.k8sca.core.resources.Resources}) and the scheduler's formula for a pod's effective requests
 * ({@link org.k8sca.core.resources.PodRequests}).
 */
package org.k8sca.core.resources;
