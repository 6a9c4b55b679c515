/**
 * Benchmarks of the core planners. {@link org.k8sca.bench.Macro} times whole planning passes on
 * generated clusters and measures packing quality; the JMH classes in {@code org.k8sca.bench.micro}
 * time the hot paths. Nothing here runs in CI except the generator's quick correctness tests.
 */
package org.k8sca.bench;
