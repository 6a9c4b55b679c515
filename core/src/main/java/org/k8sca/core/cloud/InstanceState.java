package org.k8sca.core.cloud;

/** The life-cycle state of a machine. */
public enum InstanceState {
  /** Created and running (its node may still be registering). */
  RUNNING,
  /** Being created. */
  CREATING,
  /** Being deleted. */
  DELETING,
  /**
   * Powered off on purpose and kept for reuse (a warm pool), not part of the group's target size.
   * Its Kubernetes node, if one is left, is expected to be NotReady; the core does not count it as
   * unready, unregistered or upcoming. Providers without a warm pool never report this state.
   */
  STOPPED
}
