/**
 * The simulator's settings: command timings ({@link org.k8sca.kamatera.sim.knobs.Timings}) and
 * fault-injection knobs ({@link org.k8sca.kamatera.sim.knobs.Faults}). Both are mutable and
 * thread-safe, so tests can set them before start and change them while requests are in flight.
 */
package org.k8sca.kamatera.sim.knobs;
