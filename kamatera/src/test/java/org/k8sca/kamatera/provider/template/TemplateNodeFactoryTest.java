package org.k8sca.kamatera.provider.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kamatera.config.NodeGroupConfig;

import java.util.Map;

/** Spec §7 item 53, adapted to §6.3 #16: the template node of a node group. */
class TemplateNodeFactoryTest {

    private static final long MI = 1024L * 1024L;
    private static final long GI = 1024L * MI;

    private static NodeGroupConfig group(String extra) throws Exception {
        String ini =
                """
                [global]
                kamatera-api-client-id=id
                kamatera-api-secret=secret
                cluster-name=c1
                default-datacenter=IL
                default-image=ubuntu_server_24.04_64-bit
                default-network=name=wan,ip=auto
                default-script-base64=ZWNobyBoaQo=
                [nodegroup "ng1"]
                cpu=5D
                ram=1024
                disk=size=50
                disk=size=100
                """
                        + extra;
        CloudConfig config = CloudConfigLoader.parse(ini, "test.ini", Map.of());
        return config.nodeGroups().get("ng1");
    }

    @Test
    void item53_capacityFromCpuRamAndFirstDisk_allocatableMinusKubeletDefaults() throws Exception {
        NodeTemplate template = TemplateNodeFactory.build(group(""), "template-ng1", "");
        Node node = template.node();

        assertThat(node.capacity().milliCpu()).isEqualTo(5000);
        assertThat(node.capacity().memoryBytes()).isEqualTo(1073741824L);
        assertThat(node.capacity().ephemeralStorageBytes()).isEqualTo(53687091200L);
        assertThat(node.capacity().pods()).isEqualTo(110);
        // kubelet's default eviction-hard: memory.available<100Mi, nodefs.available<10%
        assertThat(node.allocatable().milliCpu()).isEqualTo(5000);
        assertThat(node.allocatable().memoryBytes()).isEqualTo(1024 * MI - 100 * MI);
        assertThat(node.allocatable().ephemeralStorageBytes()).isEqualTo(50 * GI - 5 * GI);
        assertThat(node.ready()).isTrue();
        assertThat(template.pods()).isEmpty();
    }

    @Test
    void reservationsAreSubtracted() throws Exception {
        NodeGroupConfig group =
                group(
                        """
                        kube-reserved=cpu=100m,memory=128Mi,ephemeral-storage=1Gi
                        system-reserved=cpu=150m,memory=64Mi
                        eviction-hard=none
                        """);
        Node node = TemplateNodeFactory.build(group, "t", "").node();

        assertThat(node.allocatable().milliCpu()).isEqualTo(4750);
        assertThat(node.allocatable().memoryBytes()).isEqualTo(1024 * MI - 192 * MI);
        assertThat(node.allocatable().ephemeralStorageBytes()).isEqualTo(49 * GI);
    }

    @Test
    void standardLabelsThenTemplateLabelsWhichWin_andTemplateTaints() throws Exception {
        NodeGroupConfig group =
                group(
                        """
                        template-label=node.kubernetes.io/instance-type=big
                        template-label=team=blue
                        template-taint=dedicated=gpu:NoSchedule
                        template-taint=spot:PreferNoSchedule
                        """);
        Node node = TemplateNodeFactory.build(group, "template-ng1", "").node();

        assertThat(node.labels().asMap())
                .containsEntry("kubernetes.io/os", "linux")
                .containsEntry("kubernetes.io/arch", "amd64")
                .containsEntry("kubernetes.io/hostname", "template-ng1")
                .containsEntry("node.kubernetes.io/instance-type", "big")
                .containsEntry("topology.kubernetes.io/region", "IL")
                .containsEntry("topology.kubernetes.io/zone", "IL")
                .containsEntry("team", "blue");
        assertThat(node.taints())
                .containsExactly(
                        new Taint("dedicated", "gpu", TaintEffect.NO_SCHEDULE),
                        new Taint("spot", "", TaintEffect.PREFER_NO_SCHEDULE));
    }

    @Test
    void instanceTypeFromCpuAndRam() throws Exception {
        Node node = TemplateNodeFactory.build(group(""), "t", "").node();
        assertThat(node.labels().get("node.kubernetes.io/instance-type")).isEqualTo("5D-1024");
    }

    @Test
    void estimateRanksDedicatedAboveGeneralPurposeAndGrowsWithSize() {
        double b2 = PriceEstimator.estimate(new MachineShape(2, 'B', 4096, 20));
        double d2 = PriceEstimator.estimate(new MachineShape(2, 'D', 4096, 20));
        double b4 = PriceEstimator.estimate(new MachineShape(4, 'B', 8192, 20));
        assertThat(d2).isGreaterThan(b2);
        assertThat(b4).isGreaterThan(b2);
    }
}
