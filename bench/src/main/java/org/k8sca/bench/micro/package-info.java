/**
 * JMH micro-benchmarks of the hot paths the planners spend their time in: predicate checks,
 * snapshot fork/revert/commit, and the binpacking estimator, on a generated 1000-node cluster. Run
 * through JMH's runner: {@code java -jar bench/target/benchmarks.jar}.
 */
package org.k8sca.bench.micro;
