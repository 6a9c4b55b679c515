package org.k8sca.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.app.simulate.SnapshotKamateraApi;
import org.k8sca.app.simulate.SnapshotServer;
import org.k8sca.kamatera.api.KamateraApiException;

import java.util.List;

class ServerListRecorderTest {
    private final SnapshotServer a =
            new SnapshotServer("ng1-a", "on", List.of("k8sca-c1", "k8scang-ng1"));
    private final SnapshotServer b = new SnapshotServer("ng1-b", "off", List.of("k8sca-c1"));
    private final SnapshotServer other = new SnapshotServer("web", "on", List.of());

    @Test
    void remembersTheLastListWithTheTagsLastReadForEachServer() {
        ServerListRecorder recorder =
                new ServerListRecorder(new SnapshotKamateraApi(List.of(a, b, other)));
        assertThat(recorder.servers()).as("nothing listed yet").isEmpty();

        assertThat(recorder.listServers("ng1")).hasSize(2);
        assertThat(recorder.servers())
                .containsExactly(
                        new SnapshotServer("ng1-a", "on", List.of()),
                        new SnapshotServer("ng1-b", "off", List.of()));

        assertThat(recorder.serverTags("ng1-a")).isEqualTo(a.tags());
        assertThat(recorder.servers())
                .containsExactly(a, new SnapshotServer("ng1-b", "off", List.of()));

        // A later list replaces the earlier one; known tags are kept.
        recorder.listServers("");
        assertThat(recorder.servers())
                .extracting(SnapshotServer::name)
                .containsExactly("ng1-a", "ng1-b", "web");
        assertThat(recorder.servers().get(0)).isEqualTo(a);
    }

    @Test
    void aFailedCallChangesNothingAndIsPassedOn() {
        ServerListRecorder recorder = new ServerListRecorder(new SnapshotKamateraApi(List.of(a)));
        recorder.listServers("");
        recorder.serverTags("ng1-a");

        assertThatThrownBy(() -> recorder.terminateServer("ng1-a"))
                .isInstanceOf(KamateraApiException.class);
        assertThatThrownBy(() -> recorder.addServerTag("ng1-a", "x"))
                .isInstanceOf(KamateraApiException.class);

        assertThat(recorder.servers()).containsExactly(a);
    }
}
