package org.k8sca.core.template;

import org.k8sca.core.cloud.NodeTemplate;

import java.util.Objects;

/**
 * The template of one node group, or why there is none.
 *
 * @param nodeGroupId the group
 * @param template the template, or {@code null} when {@code source} is NONE
 * @param source where it came from
 * @param problem why there is no template (or a warning for UNREADY_NODE); empty otherwise
 */
public record GroupTemplate(
        String nodeGroupId, NodeTemplate template, TemplateSource source, String problem) {

    public GroupTemplate {
        Objects.requireNonNull(nodeGroupId, "nodeGroupId");
        Objects.requireNonNull(source, "source");
        if ((template == null) != (source == TemplateSource.NONE)) {
            throw new IllegalArgumentException(
                    "template of " + nodeGroupId + " must be present unless the source is NONE");
        }
        problem = problem == null ? "" : problem;
    }

    public boolean present() {
        return template != null;
    }
}
