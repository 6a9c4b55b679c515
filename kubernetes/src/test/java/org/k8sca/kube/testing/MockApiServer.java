package org.k8sca.kube.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import org.k8sca.kube.translate.DisruptionBudgetTranslator;
import org.k8sca.kube.translate.PodTranslator;
import org.k8sca.kube.translate.TranslationException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD mock API server on 127.0.0.1 with what it lacks for our tests: the pod eviction
 * subresource (optionally honouring PodDisruptionBudgets), request hooks that run just before a
 * request is handled (to stage a concurrent write), canned answers for some paths, and an RBAC mode
 * ({@link #enforceRbac}) that refuses with 403 Forbidden what a rule list does not allow. A
 * PDB-aware eviction decrements the covering budgets' {@code status.disruptionsAllowed}, as the API
 * server does.
 */
public final class MockApiServer implements AutoCloseable {

    private static final Pattern EVICTION =
            Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/?]+)/eviction(\\?.*)?$");
    private static final String TOO_MANY_REQUESTS =
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"Cannot"
                    + " evict pod as it would violate the pod's disruption budget.\","
                    + "\"reason\":\"TooManyRequests\",\"code\":429}";

    /** The header that marks {@link #adminClient()}'s requests. */
    private static final String ADMIN_HEADER = "X-Mock-Admin";

    private static final String EVICTED =
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\",\"code\":201}";

    /** A hook: when {@code matches} accepts a request, {@code action} runs first. */
    private record Hook(Predicate<RecordedRequest> matches, Runnable action, boolean once) {}

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final KubernetesSerialization json = new KubernetesSerialization();
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<Predicate<RecordedRequest>, MockResponse>> canned =
            new CopyOnWriteArrayList<>();
    private final List<Map.Entry<Predicate<RecordedRequest>, java.time.Duration>> delays =
            new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> forbidden = new CopyOnWriteArrayList<>();
    private volatile boolean pdbAware;
    private volatile List<RbacRule> rbac;
    private final KubernetesMockServer server;

    public MockApiServer() {
        Dispatcher dispatcher =
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return handle(request);
                    }
                };
        server =
                new KubernetesMockServer(
                        new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client that never retries by itself (a 429 must reach the code under test at once). */
    public KubernetesClient client() {
        return server.createClient(
                b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
    }

    /**
     * A client whose requests {@link #enforceRbac} never refuses: for a test's own setup and checks
     * (it plays the cluster admin, the kubelet and the controllers).
     */
    public KubernetesClient adminClient() {
        return server.createClient(
                b ->
                        b.editOrNewConfig()
                                .withRequestRetryBackoffLimit(0)
                                .withCustomHeaders(Map.of(ADMIN_HEADER, "true"))
                                .endConfig());
    }

    /**
     * From now on, answers 403 Forbidden (a Kubernetes Status, as the API server words it) to every
     * request that none of {@code rules} allows, except those of {@link #adminClient()}. Requests
     * to non-resource paths ({@code /version}) are allowed, as for any authenticated user.
     */
    public void enforceRbac(List<RbacRule> rules) {
        rbac = List.copyOf(rules);
    }

    /** Request lines answered 403 by {@link #enforceRbac}, e.g. {@code DELETE /api/v1/nodes/n1}. */
    public List<String> forbidden() {
        return List.copyOf(forbidden);
    }

    /** {@code http://127.0.0.1:port}, for kubeconfig files. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** When on, an eviction is refused with 429 if a PDB covering the pod allows no disruption. */
    public void setPdbAware(boolean on) {
        pdbAware = on;
    }

    /** Runs {@code action} before the next request that {@code matches}. */
    public void beforeNext(Predicate<RecordedRequest> matches, Runnable action) {
        hooks.add(new Hook(matches, action, true));
    }

    /** Runs {@code action} before every request that {@code matches}. */
    public void beforeEach(Predicate<RecordedRequest> matches, Runnable action) {
        hooks.add(new Hook(matches, action, false));
    }

    /**
     * Answers every request that {@code matches} with {@code code} and a Status body, instead of
     * the store.
     */
    public void answer(Predicate<RecordedRequest> matches, int code, String message) {
        String body =
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\""
                        + message
                        + "\",\"code\":"
                        + code
                        + "}";
        canned.add(Map.entry(matches, new MockResponse().setResponseCode(code).setBody(body)));
    }

    /** Holds back the answer to every request that {@code matches} by {@code delay}. */
    public void delay(Predicate<RecordedRequest> matches, java.time.Duration delay) {
        delays.add(Map.entry(matches, delay));
    }

    /** Request lines seen so far, e.g. {@code PATCH /api/v1/nodes/n1}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Applies a JSON merge patch directly to the store, as another client would. For hooks. */
    public void mergePatchDirectly(String path, String patch) {
        Headers headers =
                new Headers.Builder().add("Content-Type", "application/merge-patch+json").build();
        RecordedRequest r =
                new RecordedRequest(
                        "HTTP/1.1",
                        HttpMethod.PATCH,
                        path,
                        headers,
                        new Buffer(patch.getBytes(StandardCharsets.UTF_8)));
        MockResponse response = crud.handlePatch(r);
        if (response.code() >= 300) {
            throw new IllegalStateException(
                    "direct patch of " + path + " failed: " + response.code());
        }
    }

    private MockResponse handle(RecordedRequest request) {
        String line = request.getMethod() + " " + request.getPath();
        requests.add(line);
        for (Hook h : hooks) {
            if (h.matches().test(request)) {
                if (h.once()) {
                    hooks.remove(h);
                }
                h.action().run();
            }
        }
        MockResponse refusal = refusalOf(request, line);
        if (refusal != null) {
            return refusal;
        }
        for (Map.Entry<Predicate<RecordedRequest>, MockResponse> c : canned) {
            if (c.getKey().test(request)) {
                return c.getValue();
            }
        }
        MockResponse response = respond(request);
        for (Map.Entry<Predicate<RecordedRequest>, java.time.Duration> d : delays) {
            if (d.getKey().test(request)) {
                response.setBodyDelay(d.getValue());
            }
        }
        return response;
    }

    /** The 403 answer when RBAC is enforced and no rule allows the request, else null. */
    private MockResponse refusalOf(RecordedRequest request, String line) {
        List<RbacRule> rules = rbac;
        String path = request.getPath();
        if (rules == null
                || "true".equals(request.getHeader(ADMIN_HEADER))
                || !(path.startsWith("/api/") || path.startsWith("/apis/"))) {
            return null;
        }
        ApiRequest attributes;
        try {
            attributes = ApiRequest.parse(request.getMethod(), path);
        } catch (IllegalArgumentException e) {
            // Discovery (/api, /apis/group/version) is open to every authenticated user.
            return null;
        }
        if (rules.stream().anyMatch(r -> r.allows(attributes))) {
            return null;
        }
        forbidden.add(line);
        String body =
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                        + "\"status\":\"Failure\",\"message\":"
                        + json.asJson(attributes.forbiddenMessage(UpstreamRbac.USER))
                        + ",\"reason\":\"Forbidden\",\"details\":{\"name\":"
                        + json.asJson(attributes.name())
                        + ",\"kind\":"
                        + json.asJson(attributes.resource())
                        + "},\"code\":403}";
        return new MockResponse().setResponseCode(403).setBody(body);
    }

    private MockResponse respond(RecordedRequest request) {
        Matcher m = EVICTION.matcher(request.getPath());
        if ("POST".equals(request.getMethod()) && m.matches()) {
            return evict(m.group(1), m.group(2));
        }
        return crud.dispatch(request);
    }

    private MockResponse evict(String namespace, String name) {
        String podPath = "/api/v1/namespaces/" + namespace + "/pods/" + name;
        List<org.k8sca.core.model.PodDisruptionBudget> covering =
                pdbAware ? coveringBudgets(podPath, namespace) : List.of();
        if (covering.stream().anyMatch(b -> b.disruptionsAllowed() < 1)) {
            return new MockResponse().setResponseCode(429).setBody(TOO_MANY_REQUESTS);
        }
        MockResponse deleted = crud.handleDelete(podPath);
        if (deleted.code() != 200) {
            return deleted;
        }
        // Like the real API server, an eviction uses up one allowed disruption of every covering
        // budget at once, so two evictions before the disruption controller's next sync cannot both
        // pass.
        for (org.k8sca.core.model.PodDisruptionBudget b : covering) {
            mergePatchDirectly(
                    "/apis/policy/v1/namespaces/" + namespace + "/poddisruptionbudgets/" + b.name(),
                    "{\"status\":{\"disruptionsAllowed\":" + (b.disruptionsAllowed() - 1) + "}}");
        }
        return new MockResponse().setResponseCode(201).setBody(EVICTED);
    }

    private List<org.k8sca.core.model.PodDisruptionBudget> coveringBudgets(
            String podPath, String namespace) {
        MockResponse podResponse = crud.handleGet(podPath);
        if (podResponse.code() != 200) {
            return List.of();
        }
        try {
            org.k8sca.core.model.Pod pod =
                    PodTranslator.translate(json.unmarshal(body(podResponse), Pod.class)).pod();
            MockResponse list =
                    crud.handleGet(
                            "/apis/policy/v1/namespaces/" + namespace + "/poddisruptionbudgets");
            if (list.code() != 200) {
                return List.of();
            }
            List<org.k8sca.core.model.PodDisruptionBudget> covering = new java.util.ArrayList<>();
            for (PodDisruptionBudget b :
                    json.unmarshal(body(list), PodDisruptionBudgetList.class).getItems()) {
                org.k8sca.core.model.PodDisruptionBudget budget =
                        DisruptionBudgetTranslator.translate(b);
                if (budget.covers(pod)) {
                    covering.add(budget);
                }
            }
            return covering;
        } catch (TranslationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MockResponse response) {
        return new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.destroy();
    }
}
