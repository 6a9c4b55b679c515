package org.k8sca.kamatera.api;

/**
 * A datacenter from {@code GET /service/server?datacenter=1}, e.g. {@code EU}, "The Netherlands".
 */
public record Datacenter(String id, String name, String category, String subCategory) {}
