/**
 * Template nodes: what a new node of a node group would look like, with the DaemonSet and static
 * pods that would start on it. Scale-up simulates pending pods on copies of these templates, and
 * upcoming (still booting) nodes are represented by copies too.
 */
package org.k8sca.core.template;
