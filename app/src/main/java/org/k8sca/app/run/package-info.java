/**
 * The wiring of {@code run}: the cloud config, the Kamatera client and provider (its creates in
 * flight kept in the creates ConfigMap through {@code ConfigMapCreateStore}), the Kubernetes client
 * and view, the actuation adapters, the planner and the loop ({@link
 * org.k8sca.app.run.AutoscalerAssembly}); and the process around them: observability (HTTP server,
 * metrics, events, status ConfigMap), leader election, the loop and actuator threads, and a clean
 * stop on SIGTERM ({@link org.k8sca.app.run.RunService}).
 */
package org.k8sca.app.run;
