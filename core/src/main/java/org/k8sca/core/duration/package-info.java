/**
 * Durations in Go's syntax ({@code 10m}, {@code 1h30m}, {@code 1.5s}), parsed and printed exactly
 * as Go's {@code time} package does, because upstream flags and annotations are written that way.
 */
package org.k8sca.core.duration;
