package org.k8sca.kamatera.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The worked example of the provider spec §1.9 resolves exactly as described there. */
class WorkedExampleTest {
    static final String EXAMPLE =
            """
            [global]
            kamatera-api-client-id=1a222bbb3ccc44d5555e6ff77g88hh9i
            kamatera-api-secret=9ii88h7g6f55555ee4444444dd33eee2
            cluster-name=aaabbb
            provider-id-prefix=rke2://
            poweroff-on-scale-down=yes
            default-min-size=0
            default-max-size=10
            default-datacenter=IL
            default-image=ubuntu_server_24.04_64-bit
            default-cpu=2D
            default-ram=4096
            default-disk=size=50
            default-network=name=wan,ip=auto
            default-script-base64=IyEvYmluL2Jhc2gKZWNobyBoaQo=
            default-password="Aa1#23456789"   ; quoted because of '#'

            [nodegroup "highcpu"]
            cpu=8D
            poweroff-on-scale-down=false       ; 'no' would be an error here
            poweroff-on-scale-down-max-servers=2
            template-label=kubernetes.io/os=linux
            template-label=workload=cpu
            """;

    @Test
    void resolvesAsTheSpecSays() throws Exception {
        CloudConfig config = CloudConfigLoader.parse(EXAMPLE, "example.ini", Map.of());

        assertThat(config.clusterName()).isEqualTo("aaabbb");
        assertThat(config.providerIdPrefix()).isEqualTo("rke2://");
        assertThat(config.apiUrl()).isEqualTo("https://cloudcli.cloudwm.com");
        assertThat(config.powerOffOnScaleDown()).isTrue();
        assertThat(config.defaultMinSize()).isZero();
        assertThat(config.defaultMaxSize()).isEqualTo(10);
        assertThat(config.nodeGroups()).containsOnlyKeys("highcpu");
        NodeGroupConfig g = config.nodeGroups().get("highcpu");
        assertThat(g.minSize()).isZero();
        assertThat(g.maxSize()).isEqualTo(10);
        assertThat(g.powerOffOnScaleDown()).isFalse();
        assertThat(g.powerOffOnScaleDownMaxServers()).isEqualTo(2);
        assertThat(g.powerOnOnScaleUp()).isFalse();
        assertThat(g.cpu()).isEqualTo("8D");
        assertThat(g.ram()).isEqualTo("4096");
        assertThat(g.disks()).containsExactly("size=50");
        assertThat(g.networks()).containsExactly("name=wan,ip=auto");
        assertThat(g.billingCycle()).isEqualTo("hourly");
        assertThat(g.password()).isEqualTo("Aa1#23456789");
        assertThat(g.script()).isEqualTo("#!/bin/bash\necho hi\n");
        assertThat(g.templateLabels())
                .containsExactly(
                        Map.entry("kubernetes.io/os", "linux"), Map.entry("workload", "cpu"));
        assertThat(g.tags()).isEqualTo(List.of("k8sca-aaabbb", "k8scang-highcpu"));
        assertThat(config.warnings()).isEmpty();
    }
}
