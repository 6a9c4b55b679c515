package org.k8sca.kamatera.sim.knobs;

/**
 * Account limits (behaviour B13; unconfirmed on the real API). A limit of 0 means unlimited.
 * Servers being created count against the limits.
 *
 * @param maxServers most servers on the account
 * @param maxCpuCores most CPU cores summed over all servers
 * @param maxRamMb most RAM (MB) summed over all servers
 * @param mode how an exceeded limit is reported
 */
public record Quota(int maxServers, int maxCpuCores, long maxRamMb, QuotaMode mode) {

    public static final Quota UNLIMITED = new Quota(0, 0, 0, QuotaMode.COMMAND_ERROR);

    public Quota {
        if (maxServers < 0 || maxCpuCores < 0 || maxRamMb < 0) {
            throw new IllegalArgumentException("quota limits must be >= 0 (0 = unlimited)");
        }
        if (mode == null) {
            throw new IllegalArgumentException("quota mode must be set");
        }
    }

    /** How an exceeded quota shows. */
    public enum QuotaMode {
        /**
         * Create answers HTTP 500 {@code {"json_decode_error":null,"message":"<info> (<code>)"}}.
         */
        SYNC_500,
        /**
         * Create is accepted; its command ends in {@code error} with the text in {@code log}
         * (default).
         */
        COMMAND_ERROR
    }
}
