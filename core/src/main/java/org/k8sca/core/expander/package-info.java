/**
 * Expanders: given the scale-up options (node group, node count, pods helped), pick the one to
 * carry out. Each expander narrows the list; a chain such as {@code priority,least-waste} applies
 * them in turn and breaks a remaining tie at random (seeded). Every step says why it kept what it
 * kept, so the choice can be explained in events and the status ConfigMap.
 */
package org.k8sca.core.expander;
