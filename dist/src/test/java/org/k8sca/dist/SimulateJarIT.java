package org.k8sca.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

/**
 * End to end: the real shaded jar simulates a snapshot in a child process. Proves that fabric8's
 * deserialization and the provider work from the merged jar, and that stdout holds only the report.
 */
class SimulateJarIT {
    @TempDir Path dir;

    @Test
    void shadedJarSimulatesASnapshot() throws Exception {

        JavaJar.Result result =
                JavaJar.run(
                        dir,
                        "simulate",
                        "--cloud-config",
                        JavaJar.simulateInput("cloud-config.ini"),
                        "--snapshot",
                        JavaJar.simulateInput("pending-pods.json"),
                        "--output=json");

        assertThat(result.status()).as(result.toString()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(result.out());
        assertThat(report.get("scaleUp").get("nodeGroups").get(0).get("newSize").asInt())
                .as(result.toString())
                .isEqualTo(2);
        assertThat(
                        report.get("scaleUp")
                                .get("podsRemainUnschedulable")
                                .get(0)
                                .get("pod")
                                .asString())
                .isEqualTo("shop/huge-1");
    }
}
