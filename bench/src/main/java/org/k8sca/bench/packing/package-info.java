/**
 * Packing quality: how many nodes a planned scale-up asks for, beside valid lower bounds (the
 * per-dimension volume bound, and tighter ones that also see pod shapes and anti-affinity), and
 * beside what upstream's first fit alone would ask for.
 */
package org.k8sca.bench.packing;
