package org.k8sca.kamatera.api;

import java.util.Objects;

/**
 * A value that must never be printed: a root password, an init script, a generated password. {@link
 * #toString()} is redacted, so a Secret can sit in records and log arguments safely; code that
 * really needs the value calls {@link #reveal()}.
 */
public final class Secret {

    private static final Secret EMPTY = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a value; {@code null} becomes the empty secret. */
    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    public static Secret empty() {
        return EMPTY;
    }

    /** The plain value. Never log or print it. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return isEmpty() ? "Secret[empty]" : "Secret[redacted]";
    }
}
