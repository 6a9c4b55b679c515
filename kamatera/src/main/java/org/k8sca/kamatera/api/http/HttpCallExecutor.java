package org.k8sca.kamatera.api.http;

import org.k8sca.kamatera.api.ApiCallListener;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.KamateraApiException.Kind;
import org.k8sca.kamatera.api.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one logical API call: rate limit, HTTP attempts, classification of each answer, retries with
 * exponential backoff as the endpoint's {@link RetryPolicy} allows, all within the call's deadline,
 * then the response parser. Reports every attempt and the call to the {@link ApiCallListener} and
 * logs requests and responses with secrets redacted (never the auth headers).
 */
final class HttpCallExecutor {

    /**
     * Reads an accepted (HTTP 200, JSON) body into a result, or throws an INVALID_RESPONSE failure.
     */
    @FunctionalInterface
    interface ResponseParser<T> {
        T parse(JsonNode body);
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpCallExecutor.class);

    /** Extra real time granted beyond the request timeout before we stop waiting for the body. */
    private static final Duration BODY_GRACE = Duration.ofSeconds(1);

    static final JsonMapper MAPPER =
            JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final HttpClient http;
    private final String baseUrl;
    private final ApiCredentials credentials;
    private final ClientOptions options;
    private final TokenBucket rateLimiter;
    private final Redactor credentialRedactor;

    HttpCallExecutor(
            HttpClient http, String baseUrl, ApiCredentials credentials, ClientOptions options) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.options = options;
        this.rateLimiter =
                new TokenBucket(options.requestsPerSecond(), options.burst(), options.clock());
        this.credentialRedactor = Redactor.of(credentials.clientId(), credentials.secret());
    }

    /** A redactor that knows the API credentials; add the secrets of a request to it. */
    Redactor redactor() {
        return credentialRedactor;
    }

    /**
     * Performs the call.
     *
     * @param pathAndQuery path relative to the base URL (no leading slash), with any query string
     * @param body the JSON body of a POST, or {@code null} for a GET
     */
    <T> T call(
            Endpoint endpoint,
            String pathAndQuery,
            ObjectNode body,
            Redactor redactor,
            ResponseParser<T> parser) {
        Instant start = options.clock().instant();
        Attempts attempts = new Attempts();
        try {
            JsonNode json = runAttempts(endpoint, pathAndQuery, body, redactor, start, attempts);
            T result = parser.parse(json);
            reportCall(endpoint, Outcome.OK, attempts.lastStatus, attempts.count, start);
            return result;
        } catch (KamateraApiException failure) {
            KamateraApiException counted = failure.withAttempts(attempts.count);
            reportCall(endpoint, Outcome.of(counted), counted.httpStatus(), attempts.count, start);
            throw counted;
        }
    }

    /**
     * Reports a call refused before sending (invalid arguments) to the listener and returns the
     * failure for the caller to throw.
     */
    KamateraApiException refused(KamateraApiException failure) {
        reportCall(failure.endpoint(), Outcome.of(failure), 0, 0, options.clock().instant());
        return failure;
    }

    /**
     * Runs {@code step} (e.g. building a body); a failure it throws is reported as a refused call.
     */
    <T> T refuseOnError(Endpoint endpoint, Supplier<T> step) {
        try {
            return step.get();
        } catch (KamateraApiException failure) {
            throw refused(failure);
        }
    }

    /** Counts attempts of one call and remembers the last HTTP status, for the call event. */
    private static final class Attempts {
        int count;
        int lastStatus;
    }

    /** One failed attempt and the wait the server asked for (429 Retry-After), if any. */
    private record AttemptFailure(KamateraApiException error, Optional<Duration> retryAfter) {}

    /** The outcome of one attempt: exactly one of json and failure is set. */
    private record AttemptResult(JsonNode json, AttemptFailure failure) {}

    private JsonNode runAttempts(
            Endpoint endpoint,
            String pathAndQuery,
            ObjectNode body,
            Redactor redactor,
            Instant start,
            Attempts attempts) {
        RetryPolicy policy = RetryPolicy.of(endpoint);
        boolean create = endpoint == Endpoint.CREATE_SERVER;
        Duration budget = create ? options.createTimeout() : options.callDeadline();
        Instant deadline = start.plus(budget);
        int maxAttempts = policy == RetryPolicy.NEVER ? 1 : options.maxAttempts();
        URI uri = URI.create(baseUrl + "/" + stripLeadingSlash(pathAndQuery));
        String bodyText = body == null ? null : MAPPER.writeValueAsString(body);
        String bodyForLog = body == null ? "" : redactor.json(body);
        AttemptFailure last = null;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw Failures.cancelled(
                        endpoint, last != null && last.error().mayHaveBeenProcessed());
            }
            if (attempts.count > 0) {
                Duration delay = backoff(attempts.count, last.retryAfter());
                if (!options.clock().instant().plus(delay).isBefore(deadline)) {
                    LOG.debug(
                            "kamatera request: giving up {} after {} attempts: the next retry would"
                                    + " pass the deadline of {}",
                            endpoint.metricName(),
                            attempts.count,
                            budget);
                    throw last.error();
                }
                LOG.debug(
                        "kamatera request retry {} of {} in {} after: {}",
                        attempts.count,
                        endpoint.metricName(),
                        delay,
                        last.error().getMessage());
                sleep(endpoint, delay, last);
            }
            waitForRateLimit(endpoint, deadline, last);
            Duration remaining = Duration.between(options.clock().instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw Failures.deadlineExceeded(
                        endpoint, budget, attempts.count, last == null ? null : last.error());
            }
            Duration timeout =
                    min(create ? options.createTimeout() : options.attemptTimeout(), remaining);
            attempts.count++;
            logRequest(endpoint, uri, bodyForLog);
            AttemptResult result = attempt(endpoint, uri, bodyText, timeout, redactor, attempts);
            if (result.failure() == null) {
                return result.json();
            }
            last = result.failure();
            if (last.error().kind() == Kind.CANCELLED) {
                throw last.error();
            }
            if (attempts.count >= maxAttempts || !policy.allowsRetry(last.error())) {
                throw last.error();
            }
        }
    }

    private AttemptResult attempt(
            Endpoint endpoint,
            URI uri,
            String bodyText,
            Duration timeout,
            Redactor redactor,
            Attempts attempts) {
        boolean post = bodyText != null;
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("AuthClientId", credentials.clientId())
                        .header("AuthSecret", credentials.secret())
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .header("User-Agent", options.userAgent());
        HttpRequest request =
                post
                        ? builder.POST(HttpRequest.BodyPublishers.ofString(bodyText)).build()
                        : builder.GET().build();
        Instant sent = options.clock().instant();
        CompletableFuture<HttpResponse<String>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = future.get(timeout.plus(BODY_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            KamateraApiException error = Failures.cancelled(endpoint, post);
            reportAttempt(endpoint, attempts.count, Outcome.CANCELLED, 0, sent);
            return new AttemptResult(null, new AttemptFailure(error, Optional.empty()));
        } catch (TimeoutException e) {
            future.cancel(true);
            return failedAttempt(
                    endpoint, attempts, sent, Failures.timedOut(endpoint, timeout, post));
        } catch (ExecutionException e) {
            return failedAttempt(
                    endpoint,
                    attempts,
                    sent,
                    Failures.fromTransport(endpoint, e.getCause(), timeout, post, redactor));
        }
        attempts.lastStatus = response.statusCode();
        return classify(endpoint, response, redactor, attempts, sent);
    }

    /**
     * Request lines at DEBUG; the polling calls (server list, queue) at TRACE, as upstream logs
     * them at a higher verbosity (V(4) instead of V(2)) so a normal debug log is not flooded every
     * loop.
     */
    private static void logRequest(Endpoint endpoint, URI uri, String bodyForLog) {
        boolean polling = endpoint == Endpoint.LIST_SERVERS || endpoint == Endpoint.COMMAND_STATUS;
        if (polling) {
            LOG.trace("kamatera request: {} {} {}", endpoint.method(), uri, bodyForLog);
        } else {
            LOG.debug("kamatera request: {} {} {}", endpoint.method(), uri, bodyForLog);
        }
    }

    private AttemptResult failedAttempt(
            Endpoint endpoint, Attempts attempts, Instant sent, KamateraApiException error) {
        attempts.lastStatus = 0;
        reportAttempt(endpoint, attempts.count, Outcome.of(error), 0, sent);
        LOG.debug("kamatera request failed: {} {}", endpoint.metricName(), error.getMessage());
        return new AttemptResult(null, new AttemptFailure(error, Optional.empty()));
    }

    private AttemptResult classify(
            Endpoint endpoint,
            HttpResponse<String> response,
            Redactor requestRedactor,
            Attempts attempts,
            Instant sent) {
        int status = response.statusCode();
        Optional<JsonNode> json = parseJson(response.body());
        // A generated root password may be echoed outside its "password" key: mask it everywhere.
        Redactor redactor =
                requestRedactor.with(json.map(HttpCallExecutor::generatedPasswordOf).orElse(null));
        LOG.debug(
                "kamatera response: {} {} -> {} in {} ms",
                endpoint.method(),
                response.uri(),
                status,
                Duration.between(sent, options.clock().instant()).toMillis());
        if (LOG.isTraceEnabled()) {
            LOG.trace(
                    "kamatera response body: {}",
                    json.map(redactor::json)
                            .orElseGet(
                                    () ->
                                            "(not JSON) "
                                                    + redactor.text(truncate(response.body()))));
        }
        if (status == 200 && json.isPresent()) {
            reportAttempt(endpoint, attempts.count, Outcome.OK, status, sent);
            return new AttemptResult(json.get(), null);
        }
        KamateraApiException error = Failures.fromResponse(endpoint, status, json, redactor);
        reportAttempt(endpoint, attempts.count, Outcome.of(error), status, sent);
        LOG.debug("kamatera request failed: {} {}", endpoint.metricName(), error.getMessage());
        Optional<Duration> retryAfter = status == 429 ? retryAfter(response) : Optional.empty();
        return new AttemptResult(null, new AttemptFailure(error, retryAfter));
    }

    private static String generatedPasswordOf(JsonNode json) {
        JsonNode password = json.isObject() ? json.get("password") : null;
        return password != null && password.isString() ? password.stringValue() : null;
    }

    /** The first JSON value of the body; trailing data is ignored, as upstream's decoder does. */
    static Optional<JsonNode> parseJson(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JacksonException e) {
            // The parser's message may quote the body, which may hold secrets: drop it.
            return Optional.empty();
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Retry-After")
                .flatMap(
                        value -> {
                            try {
                                long seconds = Long.parseLong(value.trim());
                                return seconds >= 0
                                        ? Optional.of(Duration.ofSeconds(seconds))
                                        : Optional.empty();
                            } catch (NumberFormatException e) {
                                return Optional.empty();
                            }
                        });
    }

    private void waitForRateLimit(Endpoint endpoint, Instant deadline, AttemptFailure last) {
        Duration remaining = Duration.between(options.clock().instant(), deadline);
        Optional<Duration> wait =
                rateLimiter.reserve(remaining.isNegative() ? Duration.ZERO : remaining);
        if (wait.isEmpty()) {
            throw Failures.rateLimitedBeforeSending(endpoint, last == null ? null : last.error());
        }
        if (!wait.get().isZero()) {
            sleep(endpoint, wait.get(), last);
        }
    }

    private void sleep(Endpoint endpoint, Duration duration, AttemptFailure last) {
        try {
            options.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failures.cancelled(endpoint, last != null && last.error().mayHaveBeenProcessed());
        }
    }

    /**
     * Sleep before attempt {@code done + 1}: base * 2^done (2, 4, 8, 16 s with base 1 s), capped.
     */
    private Duration backoff(int done, Optional<Duration> retryAfter) {
        Duration delay = options.backoffBase().multipliedBy(1L << Math.min(done, 30));
        if (delay.compareTo(options.backoffMax()) > 0) {
            delay = options.backoffMax();
        }
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get();
        }
        return delay;
    }

    private void reportAttempt(
            Endpoint endpoint, int attempt, Outcome outcome, int status, Instant sent) {
        Duration latency = Duration.between(sent, options.clock().instant());
        try {
            options.listener()
                    .onAttempt(
                            new ApiCallListener.AttemptEvent(
                                    endpoint, attempt, outcome, status, latency));
        } catch (RuntimeException e) {
            LOG.warn("Kamatera API metrics listener failed on attempt event: {}", e.toString());
        }
    }

    private void reportCall(
            Endpoint endpoint, Outcome outcome, int status, int attempts, Instant start) {
        Duration latency = Duration.between(start, options.clock().instant());
        try {
            options.listener()
                    .onCall(
                            new ApiCallListener.CallEvent(
                                    endpoint, outcome, status, attempts, latency));
        } catch (RuntimeException e) {
            LOG.warn("Kamatera API metrics listener failed on call event: {}", e.toString());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String stripLeadingSlash(String path) {
        String result = path;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        return result;
    }

    private static String truncate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 500 ? text : text.substring(0, 500) + "...(truncated)";
    }
}
