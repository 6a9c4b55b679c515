package org.k8sca.kube.testing;

import java.util.function.BooleanSupplier;

/**
 * Waits for something an informer delivers asynchronously. The limit is generous and only guards
 * against a hang; no test asserts how long anything took.
 */
public final class Eventually {

    private static final long LIMIT_MILLIS = 20_000;

    private Eventually() {}

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("gave up waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
    }
}
