/**
 * Everything that knows about Kamatera: the cloud config file ({@code config}), the REST client
 * ({@code api}) and, later, the cloud provider that implements the core SPI.
 */
package org.k8sca.kamatera;
