package org.k8sca.core.cloud;

/** The life-cycle state of a machine. */
public enum InstanceState {
  /** Created and running (its node may still be registering). */
  RUNNING,
  /** Being created. */
  CREATING,
  /** Being deleted. */
  DELETING
}
