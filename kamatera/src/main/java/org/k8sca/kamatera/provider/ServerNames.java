package org.k8sca.kamatera.provider;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Generates server names as upstream does: {@code <name-prefix>-<suffix>}, or just the suffix when
 * the prefix is empty. The suffix is the first 12 characters of a random UUID without its dash: 11
 * lower-case hex digits.
 */
public final class ServerNames {

    private final Supplier<UUID> uuids;

    public ServerNames(Supplier<UUID> uuids) {
        this.uuids = uuids;
    }

    public static ServerNames random() {
        return new ServerNames(UUID::randomUUID);
    }

    public String next(String namePrefix) {
        String suffix = uuids.get().toString().substring(0, 12).replace("-", "");
        return namePrefix.isEmpty() ? suffix : namePrefix + "-" + suffix;
    }
}
