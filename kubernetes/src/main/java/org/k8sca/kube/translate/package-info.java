/**
 * Translators from fabric8 Kubernetes objects to the core model, one small class per kind. Each is
 * a pure function: it reads the fabric8 object once, parses every quantity once, and returns an
 * immutable record or throws a {@link org.k8sca.kube.translate.TranslationException} naming the
 * object and the field that is wrong. Nothing downstream ever walks a fabric8 object again.
 */
package org.k8sca.kube.translate;
