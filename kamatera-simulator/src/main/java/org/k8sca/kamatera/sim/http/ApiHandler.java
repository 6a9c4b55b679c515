package org.k8sca.kamatera.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.CreateFailureMode;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Faults;
import org.k8sca.kamatera.sim.knobs.InjectedResponse;
import org.k8sca.kamatera.sim.model.ApiError;
import org.k8sca.kamatera.sim.model.ApiInput;
import org.k8sca.kamatera.sim.model.CloudApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Handles every request: journal, routing, request-level faults (in the order a real request meets
 * them: canned answers, the gateway, authentication, handler crashes), the endpoint itself, then
 * latency and hangs (after the work, so a create that times out on the client still creates its
 * server), and finally the optional {@code X-CLOUDCLI-STATUSINJSON} wrapping.
 */
final class ApiHandler implements HttpHandler {
    private static final String STATUS_IN_JSON = "X-CLOUDCLI-STATUSINJSON";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final CloudApi api;
    private final Faults faults;
    private final Map<String, String> credentials;
    private final InstantSource clock;
    private final Journal journal;
    private final HangGate hangGate;
    private final Sleeper sleeper;
    private final BiConsumer<RecordedRequest, Integer> onReply;

    ApiHandler(
            CloudApi api,
            Faults faults,
            Map<String, String> credentials,
            InstantSource clock,
            Journal journal,
            HangGate hangGate,
            Sleeper sleeper,
            BiConsumer<RecordedRequest, Integer> onReply) {
        this.api = api;
        this.faults = faults;
        this.credentials = Map.copyOf(credentials);
        this.clock = clock;
        this.journal = journal;
        this.hangGate = hangGate;
        this.sleeper = sleeper;
        this.onReply = onReply;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = ex.getRequestURI().getRawPath();
            // A raw space in the request target cannot be served: the JDK server drops everything
            // between the first and the last space of the request line, so only the first id
            // arrives.
            String rawQuery = ex.getRequestURI().getRawQuery();
            String body = readBody(ex.getRequestBody());
            Endpoint endpoint;
            ApiError routeError = null;
            try {
                endpoint = route(method, path);
            } catch (ApiError e) {
                endpoint = null;
                routeError = e;
            }
            Endpoint matched = endpoint;
            RecordedRequest rec =
                    journal.add(
                            seq ->
                                    new RecordedRequest(
                                            seq,
                                            clock.instant(),
                                            method,
                                            path,
                                            rawQuery == null ? "" : rawQuery,
                                            matched,
                                            headersOf(ex),
                                            body));
            Reply reply;
            if (routeError != null) {
                reply = Reply.json(routeError.status(), routeError.body());
            } else {
                try {
                    reply = answer(ex, endpoint, rawQuery, body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    reply = Reply.text(503, "Service Unavailable");
                }
            }
            send(ex, reply);
            onReply.accept(rec, reply.status());
        }
    }

    /** The answer to a routed request, faults included, in the order the class comment gives. */
    private Reply answer(HttpExchange ex, Endpoint endpoint, String rawQuery, String body)
            throws InterruptedException {
        Optional<InjectedResponse> injected = faults.takeNextResponse(endpoint);
        if (injected.isPresent()) {
            return Reply.raw(injected.get().status(), injected.get().body());
        }
        if (drawLocked(faults.gatewayRate(endpoint))) {
            return gatewayReply();
        }
        Reply reply = callEndpoint(ex, endpoint, rawQuery, body);
        CreateFailureMode createFailure = null;
        if (endpoint == Endpoint.CREATE_SERVER && reply.status() == 200) {
            createFailure = drawCreateFailure();
            if (createFailure == CreateFailureMode.HTTP_500) {
                ApiError e = ApiError.failedMethod(Endpoint.CREATE_SERVER.commandMethod());
                reply = Reply.json(e.status(), e.body());
            }
        }
        Duration latency = faults.latency(endpoint);
        if (!latency.isZero()) {
            sleeper.sleep(latency);
        }
        if (createFailure == CreateFailureMode.HANG) {
            hangGate.await();
        } else if (faults.hang(endpoint)) {
            hangGate.await();
        }
        if (createFailure == CreateFailureMode.HANG
                || createFailure == CreateFailureMode.GATEWAY_504) {
            return Reply.text(
                    504, "Gateway Timeout"); // the front end gave up; the create went through
        }
        boolean statusInJson =
                "true".equalsIgnoreCase(ex.getRequestHeaders().getFirst(STATUS_IN_JSON));
        return statusInJson ? wrapStatusInJson(reply) : reply;
    }

    /** Authentication, random handler crashes, then the endpoint itself. */
    private Reply callEndpoint(HttpExchange ex, Endpoint endpoint, String rawQuery, String body) {
        try {
            if (endpoint != Endpoint.ROOT && endpoint != Endpoint.SCHEMA) {
                checkAuth(ex, endpoint);
            }
            if (drawLocked(faults.http500Rate(endpoint))) {
                throw ApiError.failedMethod(endpoint.commandMethod());
            }
            ApiInput in =
                    ApiInput.of(
                            InputParser.query(rawQuery),
                            InputParser.body(
                                    ex.getRequestHeaders().getFirst("Content-Type"), body));
            return Reply.json(200, dispatch(endpoint, in));
        } catch (AuthPassthrough p) {
            return Reply.json(200, p.body);
        } catch (ApiError e) {
            return Reply.json(e.status(), e.body());
        }
    }

    /** Whether this successful create should look failed, and how (null: it should not). */
    private CreateFailureMode drawCreateFailure() {
        Optional<CreateFailureMode> mode = faults.createAcceptedButErroredMode();
        return mode.isPresent() && drawLocked(faults.createAcceptedButErroredRate())
                ? mode.get()
                : null;
    }

    private static Reply wrapStatusInJson(Reply reply) {
        if (!reply.contentType().equals(Reply.JSON)) {
            return reply;
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        wrapped.set("response", MAPPER.readTree(reply.body()));
        wrapped.put("status", reply.status());
        return Reply.json(200, wrapped);
    }

    private JsonNode dispatch(Endpoint endpoint, ApiInput in) {
        switch (endpoint) {
            case ROOT:
                return api.root();
            case SCHEMA:
                return api.schema();
            case LIST_SERVERS:
                return api.listServers();
            case SERVER_INFO:
                return api.serverInfo(in);
            case CREATE_SERVER:
                return api.createServer(in).body();
            case SERVER_OPTIONS:
                return api.options(in);
            case TERMINATE:
                return api.terminate(in);
            case POWER_ON:
                return api.power(CommandKind.POWER_ON, in);
            case POWER_OFF:
                return api.power(CommandKind.POWER_OFF, in);
            case REBOOT:
                return api.power(CommandKind.REBOOT, in);
            case TAGS:
                return api.tags(in);
            case QUEUE:
                return queueWithFaults(in);
            default:
                throw new IllegalStateException("unrouted endpoint " + endpoint);
        }
    }

    private JsonNode queueWithFaults(ApiInput in) {
        JsonNode real = api.queue(in);
        return faults.queueBadShape().map(shape -> MAPPER.readTree(shape.body())).orElse(real);
    }

    /** Thrown when a failed login on the list endpoint is passed through as HTTP 200 (Q12). */
    private static final class AuthPassthrough extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient JsonNode body;

        AuthPassthrough(JsonNode body) {
            super(null, null, false, false);
            this.body = body;
        }
    }

    private void checkAuth(HttpExchange ex, Endpoint endpoint) {
        if (credentials.isEmpty()) {
            return;
        }
        String id = ex.getRequestHeaders().getFirst("AuthClientId");
        String secret = ex.getRequestHeaders().getFirst("AuthSecret");
        if (id != null && secret != null && secret.equals(credentials.get(id))) {
            return;
        }
        ObjectNode backend = ApiError.backendErrors("you are not logged in", 1);
        if (endpoint == Endpoint.LIST_SERVERS && faults.authListPassthrough()) {
            throw new AuthPassthrough(backend);
        }
        throw ApiError.message(faults.authFailureStatus(), backend.toString());
    }

    private boolean drawLocked(double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (api.account()) {
            return api.account().draw(rate);
        }
    }

    private Reply gatewayReply() {
        int status = faults.gatewayStatus();
        return Reply.text(status, status == 502 ? "Bad Gateway" : "Gateway Timeout");
    }

    /** Finds the endpoint for a method and path; unknown path → 404, wrong method → 500. */
    static Endpoint route(String method, String path) {
        String p =
                path.length() > 1 && path.endsWith("/")
                        ? path.substring(0, path.length() - 1)
                        : path;
        List<Endpoint> samePath = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            if (e.path().equals(p)) {
                if (e.method().equals(method)
                        || (method.equals("HEAD") && e.method().equals("GET"))) {
                    return e;
                }
                samePath.add(e);
            }
        }
        if (samePath.isEmpty()) {
            throw ApiError.routeNotFound();
        }
        throw ApiError.methodNotAllowed(
                method,
                samePath.stream()
                        .map(Endpoint::method)
                        .distinct()
                        .collect(Collectors.joining(", ")));
    }

    private static Map<String, List<String>> headersOf(HttpExchange ex) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ex.getRequestHeaders()
                .forEach(
                        (k, v) -> {
                            String key = k.toLowerCase(Locale.ROOT);
                            out.put(
                                    key,
                                    key.equals("authsecret")
                                            ? List.of(RecordedRequest.REDACTED)
                                            : v);
                        });
        return out;
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, Reply reply) {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        try {
            ex.getResponseHeaders().set("Content-Type", reply.contentType());
            boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
            ex.sendResponseHeaders(reply.status(), head || bytes.length == 0 ? -1 : bytes.length);
            if (!head && bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // The client went away (e.g. it timed out during injected latency); nothing to answer.
        }
    }
}
