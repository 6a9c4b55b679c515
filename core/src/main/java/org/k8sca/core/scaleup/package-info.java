/**
 * Scale-up planning: which pending pods need new nodes, which node group gets how many, and why
 * every other pod and group was left out. {@link org.k8sca.core.scaleup.ScaleUpPlanner} is the
 * entry point; it is a pure function of its input (snapshot, pods, provider state, clock) and
 * returns a {@link org.k8sca.core.scaleup.ScaleUpResult}. {@link
 * org.k8sca.core.scaleup.ScaleUpExecutor} carries a result out against the cloud provider.
 */
package org.k8sca.core.scaleup;
