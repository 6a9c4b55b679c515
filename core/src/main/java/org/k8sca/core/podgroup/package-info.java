/**
 * Equivalence groups of pending pods: pods of one controller with the same scheduling-relevant
 * spec. The scale-up planner checks one pod of each group (its exemplar) per node group instead of
 * every pod, which is what keeps planning fast with thousands of identical replicas.
 */
package org.k8sca.core.podgroup;
