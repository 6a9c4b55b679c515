/**
 * The removal simulation: for each candidate node in order, take its pods off, and try to place
 * each of them on the other nodes with the scheduler's predicates. Successful moves are committed
 * to the (forked) snapshot before the next candidate, so all nodes found removable can be removed
 * together. Runs within a time budget and remembers unremovable nodes until a recheck time.
 */
package org.k8sca.core.scaledown.simulation;
