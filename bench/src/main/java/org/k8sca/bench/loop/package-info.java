/**
 * The full autoscaler loop as a benchmark: a generated cluster as the informers would hand it to
 * the loop ({@link org.k8sca.kube.objects.ClusterObjects}), the real Kamatera provider over an
 * in-memory Kamatera account, and the app's {@link org.k8sca.app.loop.AutoscalerLoop} run pass
 * after pass.
 */
package org.k8sca.bench.loop;
