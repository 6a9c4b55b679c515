/**
 * Heap of a whole autoscaler deployment without an API server: a generated cluster as fabric8
 * objects shaped like an API server's, held the way the informers' caches hold them, translated as
 * the cluster view translates them, and one full loop on top ({@code Macro heap}).
 */
package org.k8sca.bench.heap;
