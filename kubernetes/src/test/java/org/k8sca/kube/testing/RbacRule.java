package org.k8sca.kube.testing;

import java.util.Objects;
import java.util.Set;

/**
 * One RBAC rule as the API server evaluates it, for {@link MockApiServer#enforceRbac}.
 *
 * @param namespace the Role's namespace, or null for a ClusterRole rule (every namespace and
 *     cluster-scoped objects)
 * @param apiGroup the API group ({@code ""} for the core group)
 * @param resource the resource, with its subresource if any ({@code pods/eviction})
 * @param resourceNames the object names the rule is limited to; empty for any name
 * @param verbs get, list, watch, create, update, patch, delete
 */
public record RbacRule(
        String namespace,
        String apiGroup,
        String resource,
        Set<String> resourceNames,
        Set<String> verbs) {

    public RbacRule {
        Objects.requireNonNull(apiGroup, "apiGroup");
        Objects.requireNonNull(resource, "resource");
        resourceNames = Set.copyOf(resourceNames);
        verbs = Set.copyOf(verbs);
    }

    /** A ClusterRole rule for any object name. */
    public static RbacRule cluster(String apiGroup, String resource, String... verbs) {
        return new RbacRule(null, apiGroup, resource, Set.of(), Set.of(verbs));
    }

    /** A Role rule in {@code namespace}, for any object name. */
    public static RbacRule namespaced(
            String namespace, String apiGroup, String resource, String... verbs) {
        return new RbacRule(namespace, apiGroup, resource, Set.of(), Set.of(verbs));
    }

    /** This rule limited to the objects named {@code names}. */
    public RbacRule named(String... names) {
        return new RbacRule(namespace, apiGroup, resource, Set.of(names), verbs);
    }

    /**
     * Whether this rule allows the request. As in Kubernetes, a rule limited to names never allows
     * a request without a name (a create, or a list without a {@code metadata.name} field
     * selector).
     */
    public boolean allows(ApiRequest request) {
        if (namespace != null && !namespace.equals(request.namespace())) {
            return false;
        }
        if (!resourceNames.isEmpty()
                && (request.name().isEmpty() || !resourceNames.contains(request.name()))) {
            return false;
        }
        return apiGroup.equals(request.apiGroup())
                && resource.equals(request.resource())
                && verbs.contains(request.verb());
    }
}
