package org.k8sca.kamatera.provider;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Tuning of the provider that is not in the cloud config.
 *
 * @param clock the time source (a manual clock in tests)
 * @param createAppearanceGrace how long a create whose answer was lost (timeout, 5xx) may take to
 *     show up in the server list before it is reported as failed
 * @param retryBackoffBase first wait before retrying a power-off or terminate that failed
 * @param retryBackoffMax longest wait between such retries
 * @param serverNames the name generator
 */
public record ProviderOptions(
        InstantSource clock,
        Duration createAppearanceGrace,
        Duration retryBackoffBase,
        Duration retryBackoffMax,
        ServerNames serverNames) {

    public ProviderOptions {
        Objects.requireNonNull(clock, "clock");
        requireNotNegative(createAppearanceGrace, "createAppearanceGrace");
        requireNotNegative(retryBackoffBase, "retryBackoffBase");
        requireNotNegative(retryBackoffMax, "retryBackoffMax");
        Objects.requireNonNull(serverNames, "serverNames");
    }

    /**
     * Our defaults: 15 min for a lost create to appear, retries after 30 s, doubling up to 10 min.
     */
    public static ProviderOptions defaults() {
        return new ProviderOptions(
                InstantSource.system(),
                Duration.ofMinutes(15),
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                ServerNames.random());
    }

    public ProviderOptions withClock(InstantSource value) {
        return new ProviderOptions(
                value, createAppearanceGrace, retryBackoffBase, retryBackoffMax, serverNames);
    }

    public ProviderOptions withServerNames(ServerNames value) {
        return new ProviderOptions(
                clock, createAppearanceGrace, retryBackoffBase, retryBackoffMax, value);
    }

    /**
     * The wait before retry number {@code attempt} (1-based): base, 2 x base, 4 x base, ... up to
     * max.
     */
    Duration backoff(int attempt) {
        Duration wait = retryBackoffBase;
        for (int i = 1; i < attempt && wait.compareTo(retryBackoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : wait;
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }
}
