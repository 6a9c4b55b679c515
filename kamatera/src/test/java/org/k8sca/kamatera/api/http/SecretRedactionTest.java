package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.json;
import static org.k8sca.kamatera.api.http.StubKamateraServer.Reply.ok;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.CreateServerResult;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.Secret;
import org.k8sca.kamatera.api.http.StubKamateraServer.Reply;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Secrets never reach a log line, a log argument, an exception message or a toString, at TRACE
 * (kamatera-provider.md §6.3 #8, §7 item 62): the API client id and secret, a fixed root password,
 * the init script and a generated password, through create, 500s echoing the request, invalid JSON
 * and timeouts.
 */
class SecretRedactionTest {

    private static final String PASSWORD = "Fixed-Passw0rd-91";
    private static final String SCRIPT_TOKEN = "K10abcdef0123456789::server:s3cr3tjoin";
    private static final String SCRIPT =
            "#!/bin/bash\ncurl -sfL https://get.k3s.io | K3S_TOKEN="
                    + SCRIPT_TOKEN
                    + " sh -\necho done\n";
    private static final String GENERATED = "qwertyuASDFGHJ5678!@";

    private static final List<String> SECRETS =
            List.of(
                    TestClients.CLIENT_ID,
                    TestClients.SECRET,
                    PASSWORD,
                    SCRIPT,
                    SCRIPT_TOKEN,
                    GENERATED);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private StubKamateraServer server;
    private ListAppender<ILoggingEvent> appender;
    private Logger root;
    private Level previousLevel;
    private final List<Object> thrownOrReturned = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new StubKamateraServer();
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void stop() {
        root.detachAppender(appender);
        root.setLevel(previousLevel);
        server.close();
    }

    private static CreateServerRequest request(Secret password) {
        return CreateServerRequest.builder("ng1-3fa9c02b71e")
                .password(password)
                .datacenter("IL")
                .image("ubuntu")
                .cpu("2B")
                .ram("4096")
                .disks(List.of("size=50"))
                .networks(List.of("name=wan,ip=auto"))
                .script(Secret.of(SCRIPT))
                .tags(List.of("k8sca-c1", "k8scang-ng1"))
                .build();
    }

    @Test
    void noSecretInLogsExceptionsOrToStrings() throws Exception {
        FakeTime time = new FakeTime();
        KamateraApi api =
                TestClients.client(
                        server,
                        TestClients.options(time)
                                .createTimeout(Duration.ofMillis(200))
                                .attemptTimeout(Duration.ofMillis(200))
                                .maxAttempts(2)
                                .build());

        // Create with __generate__: the answer carries the generated password.
        server.script(
                "/service/server",
                ok("{\"password\":\"" + GENERATED + "\",\"commandIds\":[\"c1\"]}"));
        CreateServerResult generated = api.createServer(request(Secret.empty()));
        assertThat(generated.generatedPassword().reveal()).isEqualTo(GENERATED);
        thrownOrReturned.add(generated);

        // Create with a fixed password and a script, answered normally.
        server.script("/service/server", ok("[\"c2\"]"));
        thrownOrReturned.add(api.createServer(request(Secret.of(PASSWORD))));

        // A 500 whose JSON body echoes the whole request, inside and outside "message".
        server.handler("/service/server", recorded -> json(500, echoAsJson(recorded.body())));
        thrownOrReturned.add(capture(() -> api.createServer(request(Secret.of(PASSWORD)))));

        // A 500 whose body is the raw request text (not JSON).
        server.handler(
                "/service/server", recorded -> Reply.text(500, "bad request: " + recorded.body()));
        thrownOrReturned.add(capture(() -> api.createServer(request(Secret.of(PASSWORD)))));

        // A 200 that is not JSON but echoes the request.
        server.handler("/service/server", recorded -> Reply.text(200, "<" + recorded.body()));
        thrownOrReturned.add(capture(() -> api.createServer(request(Secret.of(PASSWORD)))));

        // A 200 of the wrong shape that echoes the password and the generated password elsewhere.
        server.handler(
                "/service/server",
                recorded ->
                        ok(
                                "{\"password\":\""
                                        + GENERATED
                                        + "\",\"echo\":\""
                                        + PASSWORD
                                        + " "
                                        + GENERATED
                                        + "\",\"commandIds\":[]}"));
        thrownOrReturned.add(capture(() -> api.createServer(request(Secret.of(PASSWORD)))));

        // A timeout.
        server.script("/service/server", Reply.hanging());
        thrownOrReturned.add(capture(() -> api.createServer(request(Secret.of(PASSWORD)))));

        // Other endpoints failing with the credentials echoed back.
        server.handler(
                "/service/servers",
                recorded ->
                        json(
                                500,
                                "{\"message\":\"bad key "
                                        + recorded.header("AuthClientId")
                                        + " "
                                        + recorded.header("AuthSecret")
                                        + "\"}"));
        thrownOrReturned.add(capture(() -> api.listServers("")));

        assertThat(server.requests("/service/server")).hasSize(7);
        assertThat(thrownOrReturned)
                .filteredOn(KamateraApiException.class::isInstance)
                .extracting(e -> ((KamateraApiException) e).kind())
                .contains(
                        KamateraApiException.Kind.TIMEOUT,
                        KamateraApiException.Kind.HTTP_STATUS,
                        KamateraApiException.Kind.INVALID_RESPONSE);
        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            assertNoSecret("log message", event.getFormattedMessage());
            assertNoSecret("log template", event.getMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    assertNoSecret("log argument", String.valueOf(argument));
                }
            }
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertNoSecret("logged exception", t.getMessage());
            }
        }
        for (Object item : thrownOrReturned) {
            assertNoSecret("toString", String.valueOf(item));
            if (item instanceof KamateraApiException e) {
                assertNoSecret("exception message", e.getMessage());
                assertNoSecret("api message", e.apiMessage().orElse(""));
                for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                    assertNoSecret("cause", String.valueOf(t));
                }
            }
        }
    }

    /** The check above is not vacuous: the secrets did go over the wire. */
    @Test
    void theSecretsAreReallySent() throws Exception {
        server.script("/service/server", ok("[\"c2\"]"));
        KamateraApi api = TestClients.client(server, new FakeTime());

        api.createServer(request(Secret.of(PASSWORD)));

        StubKamateraServer.Recorded sent = server.requests().get(0);
        assertThat(sent.body()).contains(PASSWORD).contains(SCRIPT_TOKEN);
        assertThat(MAPPER.readTree(sent.body()).get("script-file").stringValue()).isEqualTo(SCRIPT);
        assertThat(sent.header("AuthSecret")).isEqualTo(TestClients.SECRET);
    }

    private static String echoAsJson(String requestBody) {
        var node = MAPPER.createObjectNode();
        node.put("message", "cannot create: " + requestBody);
        node.set("request", MAPPER.readTree(requestBody));
        return node.toString();
    }

    private static KamateraApiException capture(Runnable call) {
        KamateraApiException error = catchThrowableOfType(KamateraApiException.class, call::run);
        assertThat(error).as("call should fail").isNotNull();
        return error;
    }

    private static void assertNoSecret(String where, String text) {
        if (text == null) {
            return;
        }
        for (String secret : SECRETS) {
            assertThat(text).as("%s must not contain a secret", where).doesNotContain(secret);
        }
    }
}
