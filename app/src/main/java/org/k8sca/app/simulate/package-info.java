/**
 * {@code kamatera-autoscaler simulate}: one offline decision pass over a recorded snapshot (the
 * Kubernetes objects as {@code kubectl get ... -o json} prints them, plus the Kamatera servers with
 * their tags), with the real cloud provider reading the servers from memory and refusing every
 * change, and the result as JSON or text (docs/cli.md).
 */
package org.k8sca.app.simulate;
