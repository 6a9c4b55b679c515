/**
 * The {@code run} command's flags: the upstream Cluster Autoscaler flags with upstream names,
 * defaults and value syntax ({@link org.k8sca.core.duration.GoDuration Go durations}, Go booleans,
 * {@code <min>:<max>}), split into those this autoscaler implements ({@link
 * org.k8sca.app.flags.RunFlags}) and those it accepts but ignores ({@link
 * org.k8sca.app.flags.IgnoredFlags}), the immutable {@link org.k8sca.app.flags.RunOptions} they
 * become, and {@link org.k8sca.app.flags.FlagsDoc}, which renders docs/flags.md from them.
 */
package org.k8sca.app.flags;
