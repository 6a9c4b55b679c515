/**
 * Macro benchmarks: whole scale-up and scale-down planning passes on generated clusters, timed with
 * the wall clock after warm-up, with heap after GC and bytes allocated per pass, and the packing
 * quality of the scale-ups they plan.
 */
package org.k8sca.bench.macro;
