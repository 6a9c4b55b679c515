/**
 * Template nodes (what a new server of a node group looks like, for scale-up from zero) and price
 * estimates for the {@code price} expander, both computed from a node group's cloud config.
 */
package org.k8sca.kamatera.provider.template;
