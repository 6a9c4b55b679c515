/**
 * The {@code sandbox} subcommand: the {@link org.k8sca.testkit.VirtualCluster} with a small demo
 * cluster and a workload that rises and falls, driven against real time at a chosen speed, with
 * each decision printed as it happens and the status page served on a local port. Registered with
 * the app's command line as a {@link org.k8sca.app.SandboxLauncher} service; see docs/sandbox.md.
 */
package org.k8sca.testkit.sandbox;
