package org.k8sca.kube.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.IntOrPercent;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.core.resources.Resources;

import java.util.Map;

class DisruptionBudgetTranslatorTest {

    private static PodDisruptionBudgetBuilder pdb() {
        return new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web")
                .endMetadata();
    }

    private static Pod pod(String namespace, String... labels) {
        return Pod.builder(namespace, "p")
                .labels(Labels.of(labels))
                .requests(Resources.ZERO)
                .build();
    }

    @Test
    void translatesLimitsSelectorAndStatus() throws Exception {
        PodDisruptionBudget b =
                DisruptionBudgetTranslator.translate(
                        pdb().withNewSpec()
                                .withMinAvailable(new IntOrString("50%"))
                                .withNewSelector()
                                .withMatchLabels(Map.of("app", "web"))
                                .addNewMatchExpression()
                                .withKey("tier")
                                .withOperator("NotIn")
                                .withValues("batch")
                                .endMatchExpression()
                                .endSelector()
                                .endSpec()
                                .withNewStatus()
                                .withDisruptionsAllowed(2)
                                .endStatus()
                                .build());

        assertThat(b.minAvailable()).isEqualTo(new IntOrPercent(50, true));
        assertThat(b.maxUnavailable()).isNull();
        assertThat(b.disruptionsAllowed()).isEqualTo(2);
        assertThat(b.covers(pod("shop", "app", "web"))).isTrue();
        assertThat(b.covers(pod("shop", "app", "web", "tier", "batch"))).isFalse();
        assertThat(b.covers(pod("other", "app", "web"))).isFalse();
    }

    @Test
    void emptySelectorCoversTheNamespaceAndAbsentCoversNothing() throws Exception {
        PodDisruptionBudget all =
                DisruptionBudgetTranslator.translate(
                        pdb().withNewSpec()
                                .withMaxUnavailable(new IntOrString(1))
                                .withNewSelector()
                                .endSelector()
                                .endSpec()
                                .build());
        assertThat(all.maxUnavailable()).isEqualTo(new IntOrPercent(1, false));
        assertThat(all.covers(pod("shop", "any", "thing"))).isTrue();
        assertThat(all.disruptionsAllowed()).isZero();

        PodDisruptionBudget none =
                DisruptionBudgetTranslator.translate(pdb().withNewSpec().endSpec().build());
        assertThat(none.covers(pod("shop", "any", "thing"))).isFalse();
    }

    @Test
    void badValuesNameTheField() {
        assertThatThrownBy(
                        () ->
                                DisruptionBudgetTranslator.translate(
                                        pdb().withNewSpec()
                                                .withMinAvailable(new IntOrString("half"))
                                                .endSpec()
                                                .build()))
                .hasMessageContaining("shop/web")
                .hasMessageContaining("spec.minAvailable")
                .hasMessageContaining("half");
        assertThatThrownBy(
                        () ->
                                DisruptionBudgetTranslator.translate(
                                        pdb().withNewSpec()
                                                .withNewSelector()
                                                .addNewMatchExpression()
                                                .withKey("a")
                                                .withOperator("Gt")
                                                .withValues("1")
                                                .endMatchExpression()
                                                .endSelector()
                                                .endSpec()
                                                .build()))
                .hasMessageContaining("spec.selector");
    }
}
