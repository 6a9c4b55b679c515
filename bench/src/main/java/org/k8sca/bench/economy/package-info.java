/**
 * Kamatera API economy: how many Kamatera calls the autoscaler makes, counted in the simulator's
 * request journal while testkit's virtual cluster runs in virtual time, beside the number
 * upstream's call pattern would make in the same situation.
 */
package org.k8sca.bench.economy;
