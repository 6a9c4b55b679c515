/**
 * The cloud-provider SPI: what the core needs from a cloud ({@link
 * org.k8sca.core.cloud.CloudProvider}, {@link org.k8sca.core.cloud.NodeGroup}) and nothing more.
 * The core never knows which cloud it talks to; a second cloud fits without touching it.
 *
 * <p>Every SPI method may throw {@link org.k8sca.core.cloud.CloudProviderException}; optional
 * methods throw it with kind {@link
 * org.k8sca.core.cloud.CloudProviderException.Kind#NOT_IMPLEMENTED}.
 */
package org.k8sca.core.cloud;
