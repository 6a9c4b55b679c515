package org.k8sca.core.expander;

import java.time.Instant;

/**
 * What some expanders need besides the options.
 *
 * @param clusterNodeCount nodes in the cluster now (the price expander prefers bigger nodes in
 *     bigger clusters)
 * @param now the current time (prices are for the next hour)
 */
public record ExpansionContext(int clusterNodeCount, Instant now) {}
