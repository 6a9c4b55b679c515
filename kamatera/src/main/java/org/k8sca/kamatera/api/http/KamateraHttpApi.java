package org.k8sca.kamatera.api.http;

import org.k8sca.kamatera.api.CommandState;
import org.k8sca.kamatera.api.CommandStatus;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.CreateServerResult;
import org.k8sca.kamatera.api.Datacenter;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.Secret;
import org.k8sca.kamatera.api.ServerCapabilities;
import org.k8sca.kamatera.api.ServerImage;
import org.k8sca.kamatera.api.ServerInfo;
import org.k8sca.kamatera.api.ServerSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link KamateraApi} over HTTP. Thread-safe; share one instance.
 *
 * <p>Every request carries {@code AuthClientId}, {@code AuthSecret}, {@code Accept:
 * application/json}, {@code Content-Type: application/json} and {@code User-Agent:
 * kamatera-autoscaler/<version>}; the URL is the base URL (trailing slashes removed) + {@code /} +
 * the path.
 *
 * <p>Retries (see {@link RetryPolicy}): reads and tags are repeated on transport errors, timeouts,
 * 429 and 5xx; power on/off and terminate only when the failure proves the request was not acted on
 * (connection refused, 429); create never. Sleeps are {@code backoffBase * 2^n} (2, 4, 8, 16 s by
 * default), a 429's {@code Retry-After} is honoured, and no retry starts that would end past the
 * call's deadline. A client-side token bucket limits the request rate.
 *
 * <p>Command status 404s: the backend answers 404 for a command until it has started. A 404 for a
 * command this client issued less than {@code queueNotFoundGrace} ago is reported as {@link
 * CommandState#PENDING}, any other 404 as {@link CommandState#NOT_FOUND}.
 */
public final class KamateraHttpApi implements KamateraApi {

    private static final Logger LOG = LoggerFactory.getLogger(KamateraHttpApi.class);

    private final HttpCallExecutor executor;
    private final RecentCommands recentCommands;
    private final ClientOptions options;

    /**
     * @param baseUrl the API URL, e.g. {@code https://cloudcli.cloudwm.com}
     * @param clientId the API client id (sent as {@code AuthClientId})
     * @param secret the API secret (sent as {@code AuthSecret})
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
     */
    public KamateraHttpApi(String baseUrl, String clientId, String secret, ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        ApiCredentials credentials = new ApiCredentials(clientId, secret);
        String base = normalizeBaseUrl(baseUrl);
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(options.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.executor = new HttpCallExecutor(http, base, credentials, options);
        this.recentCommands = new RecentCommands(options.queueNotFoundGrace(), options.clock());
    }

    static String normalizeBaseUrl(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid Kamatera API URL \"" + baseUrl + "\": " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "invalid Kamatera API URL \""
                            + baseUrl
                            + "\": must be an absolute http or https URL without query or"
                            + " fragment");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    @Override
    public List<ServerSummary> listServers(String namePrefix) {
        String prefix = namePrefix == null ? "" : namePrefix;
        Redactor redactor = executor.redactor();
        return executor.call(
                Endpoint.LIST_SERVERS,
                Endpoint.LIST_SERVERS.path(),
                null,
                redactor,
                body -> new ResponseReaders(redactor).servers(body, prefix));
    }

    @Override
    public Optional<ServerInfo> serverInfo(String serverName) {
        requireServerName(serverName, Endpoint.SERVER_INFO);
        ObjectNode body = nameBody(serverName);
        body.put("allow-no-servers", true);
        Redactor redactor = executor.redactor();
        try {
            return executor.call(
                    Endpoint.SERVER_INFO,
                    Endpoint.SERVER_INFO.path(),
                    body,
                    redactor,
                    json -> new ResponseReaders(redactor).serverInfo(json, serverName));
        } catch (KamateraApiException e) {
            if (e.isNoServersFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<String> serverTags(String serverName) {
        requireServerName(serverName, Endpoint.SERVER_TAGS);
        return tagsCall(nameBody(serverName));
    }

    @Override
    public List<String> addServerTag(String serverName, String tag) {
        requireServerName(serverName, Endpoint.SERVER_TAGS);
        requireNonBlank(tag, "tag", Endpoint.SERVER_TAGS);
        ObjectNode body = nameBody(serverName);
        body.put("add", tag);
        return tagsCall(body);
    }

    @Override
    public List<String> removeServerTag(String serverName, String tag) {
        requireServerName(serverName, Endpoint.SERVER_TAGS);
        requireNonBlank(tag, "tag", Endpoint.SERVER_TAGS);
        ObjectNode body = nameBody(serverName);
        body.put("remove", tag);
        return tagsCall(body);
    }

    private List<String> tagsCall(ObjectNode body) {
        Redactor redactor = executor.redactor();
        return executor.call(
                Endpoint.SERVER_TAGS,
                Endpoint.SERVER_TAGS.path(),
                body,
                redactor,
                json -> new ResponseReaders(redactor).tags(json));
    }

    @Override
    public CreateServerResult createServer(CreateServerRequest request) {
        Objects.requireNonNull(request, "request");
        requireServerName(request.name(), Endpoint.CREATE_SERVER);
        Redactor redactor =
                executor.redactor()
                        .with(request.password().reveal())
                        .withScript(request.script().reveal());
        ObjectNode body =
                executor.refuseOnError(Endpoint.CREATE_SERVER, () -> CreateServerBody.of(request));
        CreateServerResult result =
                executor.call(
                        Endpoint.CREATE_SERVER,
                        Endpoint.CREATE_SERVER.path(),
                        body,
                        redactor,
                        json -> readCreateResponse(json, request, redactor));
        recentCommands.remember(result.commandId());
        return result;
    }

    private static CreateServerResult readCreateResponse(
            JsonNode json, CreateServerRequest request, Redactor redactor) {
        JsonNode echoedPassword = json.isObject() ? json.get("password") : null;
        ResponseReaders readers =
                new ResponseReaders(
                        echoedPassword != null && echoedPassword.isString()
                                ? redactor.with(echoedPassword.stringValue())
                                : redactor);
        String prefix =
                "invalid response from Kamatera server create API for server "
                        + request.name()
                        + ": ";
        if (json.isObject()) {
            String commandId =
                    CommandIds.extract(json.get("commandIds"))
                            .orElseThrow(
                                    () ->
                                            readers.invalidWithPrefix(
                                                    Endpoint.CREATE_SERVER, prefix, json, true));
            JsonNode password = json.get("password");
            Secret generated =
                    password != null && password.isString()
                            ? Secret.of(password.stringValue())
                            : Secret.empty();
            if (request.password().isEmpty() && generated.isEmpty()) {
                // Upstream panics here (kamatera-provider.md §6.3 #7). The server is being created
                // and
                // the command id is valid, so we carry on without the password instead.
                LOG.warn(
                        "Kamatera create response for server {} has no generated password",
                        request.name());
            }
            return new CreateServerResult(request.name(), commandId, generated);
        }
        String commandId =
                CommandIds.extract(json)
                        .orElseThrow(
                                () ->
                                        readers.invalidWithPrefix(
                                                Endpoint.CREATE_SERVER, prefix, json, true));
        return new CreateServerResult(request.name(), commandId, Secret.empty());
    }

    @Override
    public String terminateServer(String serverName) {
        requireServerName(serverName, Endpoint.TERMINATE_SERVER);
        ObjectNode body = nameBody(serverName);
        body.put("force", true);
        return commandCall(Endpoint.TERMINATE_SERVER, body, "server terminate API");
    }

    @Override
    public String powerOn(String serverName) {
        requireServerName(serverName, Endpoint.POWER_ON);
        return commandCall(Endpoint.POWER_ON, nameBody(serverName), "server poweron API");
    }

    @Override
    public String powerOff(String serverName) {
        requireServerName(serverName, Endpoint.POWER_OFF);
        return commandCall(Endpoint.POWER_OFF, nameBody(serverName), "server poweroff API");
    }

    private String commandCall(Endpoint endpoint, ObjectNode body, String apiName) {
        Redactor redactor = executor.redactor();
        String commandId =
                executor.call(
                        endpoint,
                        endpoint.path(),
                        body,
                        redactor,
                        json -> new ResponseReaders(redactor).commandId(json, endpoint, apiName));
        recentCommands.remember(commandId);
        return commandId;
    }

    @Override
    public Map<String, CommandStatus> commandStatuses(Collection<String> commandIds) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String id : commandIds) {
            requireNonBlank(id, "command id", Endpoint.COMMAND_STATUS);
            distinct.add(id);
        }
        List<String> ids = new ArrayList<>(distinct);
        Map<String, CommandStatus> result = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += options.queueBatchSize()) {
            List<String> batch =
                    ids.subList(from, Math.min(ids.size(), from + options.queueBatchSize()));
            for (CommandStatus status : queryQueue(List.copyOf(batch))) {
                result.put(status.id(), status);
            }
        }
        return result;
    }

    private List<CommandStatus> queryQueue(List<String> ids) {
        List<String> encoded = new ArrayList<>();
        for (String id : ids) {
            encoded.add(encode(id));
        }
        String path = Endpoint.COMMAND_STATUS.path() + "?id=" + String.join("%20", encoded);
        Redactor redactor = executor.redactor();
        try {
            return executor.call(
                    Endpoint.COMMAND_STATUS,
                    path,
                    null,
                    redactor,
                    json -> new ResponseReaders(redactor).commandStatuses(json, ids));
        } catch (KamateraApiException e) {
            if (e.kind() != KamateraApiException.Kind.HTTP_STATUS || e.httpStatus() != 404) {
                throw e;
            }
            if (ids.size() == 1) {
                String id = ids.get(0);
                CommandState state =
                        recentCommands.isRecent(id) ? CommandState.PENDING : CommandState.NOT_FOUND;
                return List.of(new CommandStatus(id, state, null, null));
            }
            // One unknown id fails the whole batch; ask for each id alone to tell them apart.
            List<CommandStatus> statuses = new ArrayList<>();
            for (String id : ids) {
                statuses.addAll(queryQueue(List.of(id)));
            }
            return statuses;
        }
    }

    @Override
    public List<Datacenter> datacenters() {
        Redactor redactor = executor.redactor();
        return executor.call(
                Endpoint.SERVER_OPTIONS,
                Endpoint.SERVER_OPTIONS.path() + "?datacenter=1",
                null,
                redactor,
                json -> new ResponseReaders(redactor).datacenters(json));
    }

    @Override
    public ServerCapabilities capabilities(String datacenter) {
        requireNonBlank(datacenter, "datacenter", Endpoint.SERVER_OPTIONS);
        Redactor redactor = executor.redactor();
        return executor.call(
                Endpoint.SERVER_OPTIONS,
                Endpoint.SERVER_OPTIONS.path() + "?capabilities=1&datacenter=" + encode(datacenter),
                null,
                redactor,
                json -> new ResponseReaders(redactor).capabilities(json));
    }

    @Override
    public List<ServerImage> images(String datacenter) {
        requireNonBlank(datacenter, "datacenter", Endpoint.SERVER_OPTIONS);
        Redactor redactor = executor.redactor();
        return executor.call(
                Endpoint.SERVER_OPTIONS,
                Endpoint.SERVER_OPTIONS.path() + "?images=1&datacenter=" + encode(datacenter),
                null,
                redactor,
                json -> new ResponseReaders(redactor).images(json));
    }

    private static ObjectNode nameBody(String serverName) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("name", ServerNamePattern.exact(serverName));
        return body;
    }

    private void requireServerName(String serverName, Endpoint endpoint) {
        requireNonBlank(serverName, "server name", endpoint);
    }

    private void requireNonBlank(String value, String what, Endpoint endpoint) {
        if (value == null || value.isBlank()) {
            throw executor.refused(
                    KamateraApiException.of(
                            KamateraApiException.Kind.INVALID_REQUEST,
                            endpoint,
                            "invalid Kamatera "
                                    + endpoint.metricName()
                                    + " request: "
                                    + what
                                    + " must not be empty",
                            false));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
