/**
 * The simulated Kamatera account and the semantics of each cloudcli endpoint: servers, queue
 * commands that advance lazily on the injected clock, name-regex selection, create validation,
 * tags, the options catalogue, and the API's error shapes. Transport-free: the {@code http} package
 * feeds it parsed input and sends back what it returns.
 *
 * <p>Other modules should use {@link org.k8sca.kamatera.sim.KamateraSimulator}; from this package
 * they need only the views ({@code ServerView}, {@code CommandView}) and {@code ServerSetup}.
 */
package org.k8sca.kamatera.sim.model;
