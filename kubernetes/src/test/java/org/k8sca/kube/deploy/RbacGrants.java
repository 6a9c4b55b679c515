package org.k8sca.kube.deploy;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;

import org.k8sca.kube.ApiPermissions;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * RBAC rules flattened to {@code group|resource|verb} strings (the format of ApiPermissionsTest),
 * so that what a manifest grants and what the code needs can be compared as sets.
 */
final class RbacGrants {

    private RbacGrants() {}

    static Set<String> of(Collection<PolicyRule> rules) {
        Set<String> grants = new TreeSet<>();
        for (PolicyRule rule : rules) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        grants.add(group + "|" + resource + "|" + verb);
                    }
                }
            }
        }
        return grants;
    }

    static Set<String> ofPermissions(List<ApiPermissions.Rule> rules) {
        Set<String> grants = new TreeSet<>();
        for (ApiPermissions.Rule rule : rules) {
            for (String verb : rule.verbs()) {
                grants.add(rule.apiGroup() + "|" + rule.resource() + "|" + verb);
            }
        }
        return grants;
    }

    static String resourceOf(String grant) {
        String[] parts = grant.split("\\|");
        return parts[0] + "|" + parts[1];
    }
}
