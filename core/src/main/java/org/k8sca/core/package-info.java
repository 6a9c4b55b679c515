/**
 * The autoscaler's brain, in pure Java with no I/O: the cluster model, scheduling simulation,
 * scale-up and scale-down planning, and the cloud-provider SPI that every cloud implements.
 */
package org.k8sca.core;
