package org.k8sca.kamatera.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.kamatera.config.ConfigTestSupport.VALID_GLOBAL;
import static org.k8sca.kamatera.config.ConfigTestSupport.parseValid;
import static org.k8sca.kamatera.config.ConfigTestSupport.problems;

import org.junit.jupiter.api.Test;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Our new keys: additions only, so a file without them means what it means upstream. */
class NewKeysTest {

    @Test
    void withoutNewKeysTheDefaultsApply() {
        CloudConfig config = parseValid(VALID_GLOBAL + "[nodegroup \"ng1\"]\n");
        NodeTemplateConfig template = config.nodeGroups().get("ng1").template();

        assertThat(config.minRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(template.kubeReserved()).isEmpty();
        assertThat(template.systemReserved()).isEmpty();
        assertThat(template.evictionHard())
                .containsExactly(
                        Map.entry("memory.available", "100Mi"),
                        Map.entry("nodefs.available", "10%"));
        assertThat(template.taints()).isEmpty();
        assertThat(template.pricePerHour()).isEmpty();
    }

    @Test
    void globalDefaultsAndNodeGroupOverrides() {
        CloudConfig config =
                parseValid(
                        VALID_GLOBAL
                                + """
                                min-refresh-interval=2m
                                default-kube-reserved=cpu=100m,memory=256Mi
                                default-eviction-hard=memory.available<200Mi
                                default-template-taint=a=b:NoExecute
                                default-price-per-hour=0.02
                                [nodegroup "ng1"]
                                kube-reserved=memory=1Gi
                                system-reserved=cpu=50m
                                template-taint=dedicated:NoSchedule
                                price-per-hour=0.035
                                [nodegroup "ng2"]
                                """);
        NodeTemplateConfig ng1 = config.nodeGroups().get("ng1").template();
        NodeTemplateConfig ng2 = config.nodeGroups().get("ng2").template();

        assertThat(config.minRefreshInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(ng1.kubeReserved()).containsExactly(Map.entry("memory", "1Gi"));
        assertThat(ng1.systemReserved()).containsExactly(Map.entry("cpu", "50m"));
        assertThat(ng1.evictionHard()).containsExactly(Map.entry("memory.available", "200Mi"));
        assertThat(ng1.taints())
                .containsExactly(new Taint("dedicated", "", TaintEffect.NO_SCHEDULE));
        assertThat(ng1.pricePerHour()).hasValue(0.035);
        assertThat(ng2.kubeReserved())
                .containsExactly(Map.entry("cpu", "100m"), Map.entry("memory", "256Mi"));
        assertThat(ng2.taints()).containsExactly(new Taint("a", "b", TaintEffect.NO_EXECUTE));
        assertThat(ng2.pricePerHour()).hasValue(0.02);
    }

    @Test
    void badValuesAreReportedWithKeyAndLine() {
        List<ConfigProblem> found =
                problems(
                        VALID_GLOBAL
                                + """
                                min-refresh-interval=soon
                                [nodegroup "ng1"]
                                kube-reserved=gpu=1
                                eviction-hard=memory.free<1Gi
                                template-taint=dedicated=gpu:Sometimes
                                price-per-hour=-1
                                system-reserved=cpu=lots
                                """);

        assertThat(found)
                .extracting(ConfigProblem::key)
                .containsExactly(
                        "min-refresh-interval",
                        "kube-reserved",
                        "eviction-hard",
                        "template-taint",
                        "price-per-hour",
                        "system-reserved");
        assertThat(found.get(1).message())
                .contains("gpu")
                .contains("allowed: cpu, memory, ephemeral-storage");
        assertThat(found.get(2).message()).contains("unknown eviction signal \"memory.free\"");
        assertThat(found.get(3).message()).contains("unknown taint effect");
        assertThat(found.get(4).message()).contains("must not be negative");
        assertThat(found).allMatch(p -> p.line() > 0);
    }
}
