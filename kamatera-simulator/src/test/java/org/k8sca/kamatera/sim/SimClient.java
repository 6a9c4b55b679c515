package org.k8sca.kamatera.sim;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for tests: sends what the real clients send and returns status and body. */
final class SimClient {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** An answer: status, content type and body text. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return MAPPER.readTree(body);
        }

        /** The first command id of a create/power/terminate answer. */
        long commandId() {
            JsonNode n = json();
            JsonNode ids = n.isObject() ? n.get("commandIds") : n;
            return Long.parseLong(ids.get(0).stringValue());
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String clientId;
    private final String secret;
    private Duration timeout = Duration.ofSeconds(30);

    SimClient(String baseUrl, String clientId, String secret) {
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.secret = secret;
    }

    SimClient withTimeout(Duration t) {
        SimClient c = new SimClient(baseUrl, clientId, secret);
        c.timeout = t;
        return c;
    }

    Answer get(String pathAndQuery) {
        return send(base(pathAndQuery).GET().build());
    }

    Answer postJson(String path, String json) {
        return send(
                base(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    Answer postForm(String path, String form) {
        return send(
                base(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
    }

    Answer send(HttpRequest r) {
        try {
            HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    resp.statusCode(),
                    resp.headers().firstValue("Content-Type").orElse(""),
                    resp.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder base(String pathAndQuery) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                        .timeout(timeout)
                        .header("Accept", "application/json");
        if (clientId != null) {
            b.header("AuthClientId", clientId);
        }
        if (secret != null) {
            b.header("AuthSecret", secret);
        }
        return b;
    }

    /** The create body the upstream autoscaler sends (API spec §3.3), with a chosen name. */
    static String autoscalerCreateBody(String name) {
        return "{\"name\":\""
                + name
                + "\",\"password\":\"__generate__\",\"passwordValidate\":\"__generate__\","
                + "\"ssh-key\":\"\",\"datacenter\":\"IL\",\"image\":\"ubuntu_server_24.04_64-bit\",\"cpu\":\"2B\","
                + "\"ram\":\"4096\",\"disk\":\"size=50\",\"dailybackup\":\"no\",\"managed\":\"no\",\"network\":\"name=wan,ip=auto\",\"quantity\":1,\"billingCycle\":\"hourly\",\"monthlypackage\":\"\",\"poweronaftercreate\":\"yes\",\"script-file\":\"#!/bin/bash\\n"
                + "echo join-token-xyz\",\"userdata-file\":\"\",\"tag\":\"k8sca-c1 k8scang-ng1\"}";
    }
}
