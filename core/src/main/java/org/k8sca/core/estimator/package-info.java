/**
 * The binpacking estimator: how many new nodes of one node group the pending pods need, found by
 * placing the pods one by one on simulated copies of the group's template, first fit, within a node
 * limit and a time budget.
 */
package org.k8sca.core.estimator;
