package org.k8sca.core.cloud;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;

import java.time.Instant;

/** Prices used by the {@code price} expander, in any consistent currency unit. */
public interface PricingModel {

    /** The cost of running {@code node} from {@code start} to {@code end}. */
    double nodePrice(Node node, Instant start, Instant end) throws CloudProviderException;

    /** The ideal cost of running {@code pod} from {@code start} to {@code end}. */
    double podPrice(Pod pod, Instant start, Instant end) throws CloudProviderException;
}
