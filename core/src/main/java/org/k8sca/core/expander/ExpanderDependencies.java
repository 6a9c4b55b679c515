package org.k8sca.core.expander;

import org.k8sca.core.cloud.PricingModel;

import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * What the expanders of a chain may need.
 *
 * @param random the seeded generator for {@code random} and for the final tie-break
 * @param priorityConfig reads the priority ConfigMap's {@code priorities} text each loop ({@code
 *     null} when missing)
 * @param pricing the provider's prices, empty when it has none
 */
public record ExpanderDependencies(
        Random random, Supplier<String> priorityConfig, Optional<PricingModel> pricing) {

    public ExpanderDependencies {
        Objects.requireNonNull(random, "random");
        priorityConfig = priorityConfig == null ? () -> null : priorityConfig;
        pricing = pricing == null ? Optional.empty() : pricing;
    }
}
