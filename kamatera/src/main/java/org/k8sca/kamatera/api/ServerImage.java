package org.k8sca.kamatera.api;

/**
 * A disk image of a datacenter ({@code GET /service/server?images=1&datacenter=DC}).
 *
 * @param id the full image id, {@code DC:hex}
 * @param code the version code, e.g. {@code 24.04 64bit}
 */
public record ServerImage(String datacenter, String id, String os, String name, String code) {}
