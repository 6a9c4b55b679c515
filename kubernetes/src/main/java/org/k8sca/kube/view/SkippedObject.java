package org.k8sca.kube.view;

/**
 * An object the view could not translate and left out, with the reason.
 *
 * @param key the informer key, {@code namespace/name} (or {@code name} for cluster objects)
 * @param kind the object kind, e.g. {@code Pod}
 * @param reason the translation error, naming the object and field
 */
public record SkippedObject(String kind, String key, String reason) {}
