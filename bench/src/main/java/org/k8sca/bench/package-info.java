/**
 * Benchmarks. {@link org.k8sca.bench.Macro} times whole planning passes of the core planners on
 * generated clusters and measures packing quality; it also runs the full autoscaler loop with the
 * Kamatera provider ({@code loop}), the real-time decision latency ({@code latency}) and the
 * Kamatera API economy ({@code economy}). The JMH classes in {@code org.k8sca.bench.micro} time the
 * hot paths. CI runs only the module's quick correctness tests, never a benchmark.
 */
package org.k8sca.bench;
