/**
 * Labels and selectors: interned immutable label sets ({@link org.k8sca.core.labels.Labels}), label
 * selectors of pods, PDBs and affinity terms ({@link org.k8sca.core.labels.LabelSelector}), and
 * node selectors of node affinity ({@link org.k8sca.core.labels.NodeSelector}), all with in-process
 * matchers that do not allocate.
 */
package org.k8sca.core.labels;
