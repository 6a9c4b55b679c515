package org.k8sca.kamatera.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

/** deploy/examples/cloud-config.ini is valid, free of warnings, and means what its comments say. */
class ExampleFileTest {
    private static final Path EXAMPLE = Path.of("..", "deploy", "examples", "cloud-config.ini");

    @Test
    void theShippedExampleIsValid() throws Exception {
        CloudConfig config = CloudConfigLoader.load(EXAMPLE, Map.of());
        assertThat(config.warnings()).isEmpty();
        assertThat(config.clusterName()).isEqualTo("mycluster");
        assertThat(config.nodeGroups()).containsOnlyKeys("general", "highcpu");
        NodeGroupConfig general = config.nodeGroups().get("general");
        assertThat(general.minSize()).isEqualTo(1);
        assertThat(general.maxSize()).isEqualTo(10);
        assertThat(general.password()).isEqualTo("Example#Passw0rd");
        assertThat(general.script()).startsWith("#!/bin/bash\n");
        assertThat(general.powerOffOnScaleDown()).isFalse();
        NodeGroupConfig highcpu = config.nodeGroups().get("highcpu");
        assertThat(highcpu.disks()).containsExactly("size=100", "size=200");
        assertThat(highcpu.networks()).containsExactly("name=wan,ip=auto");
        assertThat(highcpu.powerOffOnScaleDown()).isTrue();
        assertThat(highcpu.powerOffOnScaleDownMaxServers()).isEqualTo(2);
        assertThat(highcpu.templateLabels()).containsEntry("workload", "cpu");
    }

    @Test
    void credentialsFromTheEnvironmentWin() throws Exception {
        CloudConfig config =
                CloudConfigLoader.load(
                        EXAMPLE,
                        Map.of(
                                CloudConfigLoader.ENV_CLIENT_ID,
                                "real-id",
                                CloudConfigLoader.ENV_SECRET,
                                "real-secret"));
        assertThat(config.apiClientId()).isEqualTo("real-id");
        assertThat(config.apiSecret()).isEqualTo("real-secret");
    }

    @Test
    void upstreamsExampleSecretFailsOnItsInvalidKey() {
        String upstreamSample =
                """
                [global]
                kamatera-api-client-id=XXX
                kamatera-api-secret=YYY
                cluster-name=aaabbb
                default-script=<base64-encoded-initilaization-script>
                [nodegroup "default"]
                """;
        assertThat(ConfigTestSupport.messages(upstreamSample))
                .contains("can't store data at section \"global\", variable \"default-script\"");
    }
}
