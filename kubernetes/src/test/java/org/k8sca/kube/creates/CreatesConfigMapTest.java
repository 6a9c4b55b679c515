package org.k8sca.kube.creates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kube.testing.FakeTime;
import org.k8sca.kube.testing.MockApiServer;
import org.k8sca.kube.testing.UpstreamRbac;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

class CreatesConfigMapTest {
    private static final String PATH =
            "/api/v1/namespaces/kube-system/configmaps/cluster-autoscaler-kamatera-creates";
    private static final Instant T = Instant.parse("2026-05-06T07:08:09Z");

    private MockApiServer api;
    private KubernetesClient client;
    private FakeTime time;
    private CreatesConfigMap store;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void setUp() {
        api = new MockApiServer();
        client = api.client();
        time = new FakeTime(T);
        store =
                new CreatesConfigMap(
                        client,
                        "kube-system",
                        CreatesConfigMap.DEFAULT_NAME,
                        time,
                        3,
                        Duration.ofMillis(200));
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(CreatesConfigMap.class)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(CreatesConfigMap.class)).detachAppender(logs);
        client.close();
        api.close();
    }

    private ConfigMap read() {
        return client.configMaps()
                .inNamespace("kube-system")
                .withName(CreatesConfigMap.DEFAULT_NAME)
                .get();
    }

    private void put(String key, String value) {
        client.configMaps()
                .inNamespace("kube-system")
                .resource(
                        new ConfigMapBuilder()
                                .withNewMetadata()
                                .withNamespace("kube-system")
                                .withName(CreatesConfigMap.DEFAULT_NAME)
                                .endMetadata()
                                .addToData(key, value)
                                .build())
                .create();
    }

    @Test
    void aMissingConfigMapMeansNoCreatesAndNothingIsWrittenForNone() {
        assertThat(store.load()).isEmpty();
        store.save(List.of());
        assertThat(read()).isNull();
    }

    @Test
    void savedCreatesLoadBackAsTheyWere() {
        SavedCreate a = new SavedCreate("ng1-aaaaaaaaaaa", "ng1", T, Optional.of("123"));
        SavedCreate b =
                new SavedCreate("ng2-bbbbbbbbbbb", "ng2", T.plusSeconds(5), Optional.empty());

        store.save(List.of(b, a));

        assertThat(store.load()).containsExactly(a, b);
        assertThat(read().getData())
                .containsOnlyKeys("ng1-aaaaaaaaaaa", "ng2-bbbbbbbbbbb")
                .containsEntry(
                        "ng1-aaaaaaaaaaa",
                        "{\"group\":\"ng1\",\"requestedAt\":\"2026-05-06T07:08:09Z\",\"commandId\":\"123\"}");
    }

    @Test
    void aSaveReplacesEveryKeyAndKeepsLabels() {
        store.save(List.of(new SavedCreate("ng1-aaaaaaaaaaa", "ng1", T, Optional.empty())));
        api.mergePatchDirectly(PATH, "{\"metadata\":{\"labels\":{\"team\":\"ops\"}}}");

        store.save(List.of(new SavedCreate("ng1-ccccccccccc", "ng1", T, Optional.of("7"))));
        assertThat(read().getData()).containsOnlyKeys("ng1-ccccccccccc");
        assertThat(read().getMetadata().getLabels()).containsEntry("team", "ops");

        store.save(List.of());
        assertThat(store.load()).isEmpty();
    }

    @Test
    void badEntriesAreSkippedWithAWarningNamingTheConfigMapAndKey() {
        put("ng1-broken00000", "{not json");
        client.configMaps()
                .inNamespace("kube-system")
                .withName(CreatesConfigMap.DEFAULT_NAME)
                .edit(
                        cm -> {
                            cm.getData()
                                    .put(
                                            "ng1-nogroup0000",
                                            "{\"requestedAt\":\"2026-01-01T00:00:00Z\"}");
                            cm.getData()
                                    .put(
                                            "ng1-badtime0000",
                                            "{\"group\":\"ng1\",\"requestedAt\":\"yesterday\"}");
                            cm.getData()
                                    .put(
                                            "ng1-fine0000000",
                                            "{\"group\":\"ng1\",\"requestedAt\":\"2026-01-01T00:00:00Z\"}");
                            return cm;
                        });

        List<SavedCreate> loaded = store.load();

        assertThat(loaded)
                .containsExactly(
                        new SavedCreate(
                                "ng1-fine0000000",
                                "ng1",
                                Instant.parse("2026-01-01T00:00:00Z"),
                                Optional.empty()));
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(3)
                .allMatch(m -> m.contains("kube-system/cluster-autoscaler-kamatera-creates"))
                .anyMatch(m -> m.contains("ng1-broken00000") && m.contains("not a JSON object"))
                .anyMatch(m -> m.contains("ng1-nogroup0000") && m.contains("missing group"))
                .anyMatch(m -> m.contains("ng1-badtime0000") && m.contains("requestedAt"));
    }

    @Test
    void aConflictingWriteIsRetriedAndWins() {
        store.save(List.of(new SavedCreate("ng1-aaaaaaaaaaa", "ng1", T, Optional.empty())));
        api.beforeNext(
                CreatesConfigMapTest::isUpdate,
                () -> api.mergePatchDirectly(PATH, "{\"metadata\":{\"labels\":{\"w\":\"1\"}}}"));

        store.save(List.of(new SavedCreate("ng1-aaaaaaaaaaa", "ng1", T, Optional.of("9"))));

        assertThat(store.load())
                .singleElement()
                .satisfies(c -> assertThat(c.commandId()).contains("9"));
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void persistentConflictsFailAfterTheAttempts() {
        store.save(List.of(new SavedCreate("ng1-aaaaaaaaaaa", "ng1", T, Optional.empty())));
        int[] n = {0};
        api.beforeEach(
                CreatesConfigMapTest::isUpdate,
                () ->
                        api.mergePatchDirectly(
                                PATH, "{\"metadata\":{\"labels\":{\"w\":\"w" + (++n[0]) + "\"}}}"));

        assertThatThrownBy(() -> store.save(List.of()))
                .isInstanceOf(CreatesStoreException.class)
                .hasMessageContaining("kube-system/cluster-autoscaler-kamatera-creates")
                .hasMessageContaining("3 attempts");
        assertThat(store.load()).hasSize(1);
    }

    @Test
    void apiErrorsNameTheConfigMap() {
        api.answer(
                r -> r.getPath().startsWith("/api/v1/namespaces/kube-system/configmaps"),
                422,
                "refused here");
        assertThatThrownBy(() -> store.load())
                .isInstanceOf(CreatesStoreException.class)
                .hasMessageContaining("kube-system/cluster-autoscaler-kamatera-creates")
                .hasMessageContaining("refused here");
        assertThatThrownBy(
                        () -> store.save(List.of(new SavedCreate("a", "ng1", T, Optional.empty()))))
                .isInstanceOf(CreatesStoreException.class)
                .hasMessageContaining("kube-system/cluster-autoscaler-kamatera-creates");
    }

    @Test
    void aServerNameThatCannotBeAKeyIsLeftOutWithAWarning() {
        store.save(
                List.of(
                        new SavedCreate("bad name", "ng1", T, Optional.empty()),
                        new SavedCreate("ng1-aaaaaaaaaaa", "ng1", T, Optional.empty())));
        assertThat(read().getData()).containsOnlyKeys("ng1-aaaaaaaaaaa");
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("bad name"));
    }

    /**
     * Upstream's example RBAC grants get and update only on other ConfigMap names: one refused
     * read, one warning, then the store is off (no further request, nothing thrown).
     */
    @Test
    void underUpstreamRbacTheStoreTurnsOffWithOneWarning() {
        api.enforceRbac(UpstreamRbac.RULES);

        assertThat(store.load()).isEmpty();
        store.save(List.of(new SavedCreate("ng1-aaaaaaaaaaa", "ng1", T, Optional.empty())));
        assertThat(store.load()).isEmpty();

        assertThat(store.isForbidden()).isTrue();
        assertThat(api.forbidden()).containsExactly("GET " + PATH);
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .singleElement()
                .asString()
                .startsWith(
                        CreatesConfigMap.FORBIDDEN_WARNING.formatted(
                                "kube-system/cluster-autoscaler-kamatera-creates"));
    }

    @Test
    void aForbiddenWriteTurnsTheStoreOffToo() {
        api.answer(r -> "PUT".equals(r.getMethod()) || "POST".equals(r.getMethod()), 403, "no");

        store.save(List.of(new SavedCreate("ng1-aaaaaaaaaaa", "ng1", T, Optional.empty())));

        assertThat(store.isForbidden()).isTrue();
        assertThat(store.load()).isEmpty();
        assertThat(logs.list).hasSize(1);
    }

    private static boolean isUpdate(RecordedRequest r) {
        return "PUT".equals(r.getMethod()) && r.getPath().startsWith(PATH);
    }
}
