package org.k8sca.kamatera.config;

/**
 * One thing wrong with a cloud config file.
 *
 * @param section the section as written, e.g. {@code global} or {@code nodegroup "ng1"}; null when
 *     the problem is not inside a section (e.g. a key before any header)
 * @param key the variable name, lower case; null when the problem is about the section itself
 * @param line 1-based line number in the file; 0 when no single line is to blame
 * @param message the upstream message text where upstream has one
 */
public record ConfigProblem(String section, String key, int line, String message) {}
