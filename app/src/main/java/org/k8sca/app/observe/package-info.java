/**
 * The {@link org.k8sca.app.loop.LoopObserver}s that turn each loop's decisions into what an
 * operator sees: the status ConfigMap ({@link org.k8sca.app.observe.StatusConfigMapObserver}),
 * Kubernetes events ({@link org.k8sca.app.observe.EventsObserver}), Prometheus metrics ({@link
 * org.k8sca.app.observe.MetricsObserver}) and the health check ({@link
 * org.k8sca.app.observe.HealthObserver}). The main loop only registers them.
 */
package org.k8sca.app.observe;
