package org.k8sca.kube.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * What the API server's authorizer sees of a request: the verb, the API group, the resource (with
 * its subresource), the namespace and the object name. Parsed as Kubernetes does: {@code GET} is
 * get, list or watch; a list or watch with the field selector {@code metadata.name=X} names X.
 *
 * @param verb get, list, watch, create, update, patch, delete, or deletecollection
 * @param apiGroup {@code ""} for the core group
 * @param resource e.g. {@code nodes} or {@code pods/eviction}
 * @param namespace empty for cluster-scoped requests
 * @param name empty when the request names no object
 */
public record ApiRequest(
        String verb, String apiGroup, String resource, String namespace, String name) {

    /** Parses {@code method} and {@code path} (with its query), e.g. GET /api/v1/nodes/n1. */
    public static ApiRequest parse(String method, String path) {
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        String[] seg = path.substring(1).split("/");
        String group;
        int i;
        if (seg[0].equals("api")) {
            group = "";
            i = 2;
        } else if (seg[0].equals("apis") && seg.length > 3) {
            group = seg[1];
            i = 3;
        } else {
            throw new IllegalArgumentException("not a resource path: " + path);
        }
        String namespace = "";
        // namespaces/{ns}/{resource}...; a path ending at namespaces/{ns} is the Namespace itself.
        if (seg.length > i + 2 && seg[i].equals("namespaces")) {
            namespace = seg[i + 1];
            i += 2;
        }
        String resource = seg[i];
        String name = seg.length > i + 1 ? seg[i + 1] : "";
        if (seg.length > i + 2) {
            resource += "/" + seg[i + 2];
        }
        boolean watch = false;
        for (String param : query.split("&")) {
            String decoded = URLDecoder.decode(param, StandardCharsets.UTF_8);
            if (decoded.equals("watch=true") || decoded.equals("watch=1")) {
                watch = true;
            }
            if (name.isEmpty() && decoded.startsWith("fieldSelector=metadata.name=")) {
                name = decoded.substring("fieldSelector=metadata.name=".length());
            }
        }
        boolean named = seg.length > i + 1;
        String verb =
                switch (method) {
                    case "GET" -> watch ? "watch" : named ? "get" : "list";
                    case "POST" -> "create";
                    case "PUT" -> "update";
                    case "PATCH" -> "patch";
                    case "DELETE" -> named ? "delete" : "deletecollection";
                    default -> throw new IllegalArgumentException("unknown method " + method);
                };
        return new ApiRequest(verb, group, resource, namespace, name);
    }

    /** How the API server words a refusal. */
    String forbiddenMessage(String user) {
        String object =
                resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
        String subject = name.isEmpty() ? object : object + " \"" + name + "\"";
        String scope =
                namespace.isEmpty()
                        ? "at the cluster scope"
                        : "in the namespace \"" + namespace + "\"";
        return subject
                + " is forbidden: User \""
                + user
                + "\" cannot "
                + verb
                + " resource \""
                + resource
                + "\" in API group \""
                + apiGroup
                + "\" "
                + scope;
    }
}
