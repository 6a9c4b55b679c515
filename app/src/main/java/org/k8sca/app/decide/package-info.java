/**
 * One planning pass of the autoscaler, without side effects: from the cluster's objects and a
 * refreshed cloud provider to a {@link org.k8sca.app.decide.Decision} (cluster state, scale-up
 * plan, scale-down plan, cleanup plans). The main loop ({@code app.loop}) carries decisions out;
 * {@code simulate} only prints them.
 */
package org.k8sca.app.decide;
