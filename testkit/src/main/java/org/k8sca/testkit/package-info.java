/**
 * The end-to-end harness: {@link org.k8sca.testkit.VirtualCluster} runs the real autoscaler (the
 * app's assembly) against fabric8's mock API server and the Kamatera simulator, with a virtual
 * kubelet, scheduler, workload (ReplicaSet, StatefulSet, Job), DaemonSet and disruption controllers
 * standing in for the rest of Kubernetes, all driven step by step on one manual clock; further
 * autoscaler processes ({@link org.k8sca.testkit.AutoscalerInstance}) can share the cluster. {@link
 * org.k8sca.testkit.InvariantChecker} says what must hold after any scenario. See docs/testing.md.
 */
package org.k8sca.testkit;
