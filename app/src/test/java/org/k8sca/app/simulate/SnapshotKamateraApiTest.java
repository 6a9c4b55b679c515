package org.k8sca.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.Secret;
import org.k8sca.kamatera.api.ServerSummary;

import java.util.List;

class SnapshotKamateraApiTest {
    private final SnapshotKamateraApi api =
            new SnapshotKamateraApi(
                    List.of(
                            new SnapshotServer(
                                    "c1-ng1-aaa", "on", List.of("k8sca-c1", "k8scang-ng1")),
                            new SnapshotServer(
                                    "c1-ng1-bbb", "off", List.of("k8sca-c1", "k8scang-ng1")),
                            new SnapshotServer("other", "on", List.of())));

    @Test
    void listsTheSnapshotServersWhoseNameStartsWithThePrefixWithTheirTags() {
        assertThat(api.listServers("c1-"))
                .extracting(ServerSummary::name, ServerSummary::poweredOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c1-ng1-aaa", true),
                        org.assertj.core.groups.Tuple.tuple("c1-ng1-bbb", false));
        assertThat(api.listServers("")).hasSize(3);
        assertThat(api.serverTags("c1-ng1-bbb")).containsExactly("k8sca-c1", "k8scang-ng1");
        assertThat(api.serverInfo("other")).get().extracting(i -> i.power()).isEqualTo("on");
        assertThat(api.serverInfo("absent")).isEmpty();
    }

    @Test
    void refusesEveryChangeAndRemembersItWithoutTheSecretsOfACreate() {
        CreateServerRequest create =
                CreateServerRequest.builder("c1-ng1-new")
                        .password(Secret.of("Very$ecret1"))
                        .script(Secret.of("#!/bin/sh\necho join-token\n"))
                        .build();

        assertThatThrownBy(() -> api.createServer(create))
                .isInstanceOf(KamateraApiException.class)
                .hasMessageContaining("simulate never changes servers")
                .hasMessageNotContaining("Very$ecret1");
        assertThatThrownBy(() -> api.powerOff("c1-ng1-aaa"))
                .isInstanceOf(KamateraApiException.class);
        assertThatThrownBy(() -> api.powerOn("c1-ng1-bbb"))
                .isInstanceOf(KamateraApiException.class);
        assertThatThrownBy(() -> api.terminateServer("c1-ng1-aaa"))
                .isInstanceOf(KamateraApiException.class);
        assertThatThrownBy(() -> api.addServerTag("other", "k8sca-c1"))
                .isInstanceOf(KamateraApiException.class);

        assertThat(api.refusedCalls())
                .containsExactly(
                        "create c1-ng1-new",
                        "power off c1-ng1-aaa",
                        "power on c1-ng1-bbb",
                        "terminate c1-ng1-aaa",
                        "add tag k8sca-c1 to other");
        assertThat(String.join(" ", api.refusedCalls()))
                .doesNotContain("Very$ecret1")
                .doesNotContain("join-token");
    }

    @Test
    void aServerThatIsNotInTheSnapshotHasNoTags() {
        assertThatThrownBy(() -> api.serverTags("absent"))
                .isInstanceOf(KamateraApiException.class)
                .hasMessageContaining("absent");
    }
}
