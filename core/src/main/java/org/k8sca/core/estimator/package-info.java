/**
 * The binpacking estimator: how many new nodes of one node group the pending pods need, found by
 * placing the pods one by one on simulated copies of the group's template, within a node limit and
 * a time budget. Upstream's first fit decides; when it leaves more nodes than resources require, a
 * second packing that fills node by node may replace it with fewer nodes. Every placement passes
 * the scheduler predicates.
 */
package org.k8sca.core.estimator;
