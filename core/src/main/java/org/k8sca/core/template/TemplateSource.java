package org.k8sca.core.template;

/** Where a node group's template came from, best first. */
public enum TemplateSource {
    /** A Ready, stable, schedulable node of the group. */
    READY_NODE,
    /** A good node of the group seen in an earlier loop. */
    CACHED_NODE,
    /** The provider's description of a new node (scale from zero), plus matching DaemonSets. */
    CLOUD_TEMPLATE,
    /** An unready or cordoned node of the group: better than nothing. */
    UNREADY_NODE,
    /** No template at all; the group cannot be scaled up. */
    NONE
}
