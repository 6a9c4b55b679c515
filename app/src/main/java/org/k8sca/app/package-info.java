/**
 * The {@code kamatera-autoscaler} command line: subcommands, wiring of the modules, and process
 * entry point ({@link org.k8sca.app.Main}).
 */
package org.k8sca.app;
