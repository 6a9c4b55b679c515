package org.k8sca.core.resources;

import java.util.Objects;

/**
 * The resource requests of one container.
 *
 * @param name the container name, for messages
 * @param requests what the container requests
 * @param restartableSidecar for init containers only: true for a "sidecar", an init container with
 *     {@code restartPolicy: Always} that keeps running next to the regular containers
 */
public record ContainerRequests(String name, Resources requests, boolean restartableSidecar) {

    public ContainerRequests {
        Objects.requireNonNull(name, "container name");
        Objects.requireNonNull(requests, "container requests");
    }

    /** A regular (or plain init) container. */
    public static ContainerRequests of(String name, Resources requests) {
        return new ContainerRequests(name, requests, false);
    }

    /** A restartable init container ("sidecar"). */
    public static ContainerRequests sidecar(String name, Resources requests) {
        return new ContainerRequests(name, requests, true);
    }
}
