/**
 * A faithful fake of the Kamatera cloudcli REST API over real HTTP, with asynchronous commands,
 * power states, tags and fault injection; runnable alone or in-process from tests.
 */
package org.k8sca.kamatera.sim;
