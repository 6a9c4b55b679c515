/**
 * Packing quality: how many nodes a planned scale-up asks for, beside the per-dimension resource
 * lower bound (no packing can use fewer nodes than the busiest dimension needs).
 */
package org.k8sca.bench.packing;
