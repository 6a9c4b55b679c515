/**
 * Building the fabric8 client the way the autoscaler needs it: from {@code --kubeconfig} or the
 * in-cluster service account, on the JDK HTTP client, with a small request retry limit and
 * upstream's client-side rate limit ({@code --kube-client-qps}, {@code --kube-client-burst}).
 */
package org.k8sca.kube.client;
