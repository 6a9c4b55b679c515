package org.k8sca.bench.economy;

import java.util.Locale;

/**
 * The Kamatera calls upstream's provider would make in the same situation, from its call pattern
 * (spec kamatera-provider.md §2.5, §3.5, §3.8 and §6.3 #1 and #10): every loop refreshes, and every
 * refresh lists the servers once; tags are read once per server it does not know yet (servers it
 * created itself are known with their tags); and every command in flight is polled once per node
 * group per refresh, because each group's reconciliation runs every instance's state machine.
 *
 * @param list {@code GET /service/servers}: one per loop
 * @param tags {@code POST /server/tags}: one per server not yet known
 * @param create {@code POST /service/server}: one per new server, never retried
 * @param queue {@code GET /service/queue}: groups × commands × refreshes that see each one pending
 *     or complete
 * @param formula how the numbers were computed, for the report
 */
public record UpstreamCalls(long list, long tags, long create, long queue, String formula) {

    public long total() {
        return list + tags + create + queue;
    }

    /** Nothing in flight: one listing per loop, nothing else. */
    public static UpstreamCalls steadyState(int loops) {
        return new UpstreamCalls(
                loops, 0, 0, 0, String.format(Locale.ROOT, "list = loops = %d", loops));
    }

    /**
     * A scale-up of {@code servers} new servers in one loop, each create command running {@code
     * commandSeconds}, with a loop every {@code scanSeconds} and {@code groups} node groups
     * configured: each command is polled at each refresh from the next loop until the one that sees
     * it complete, ceil(command / scan) refreshes, by every group.
     */
    public static UpstreamCalls scaleUp(
            int loops, int servers, long commandSeconds, long scanSeconds, int groups) {
        long polls = (commandSeconds + scanSeconds - 1) / scanSeconds;
        long queue = (long) groups * servers * polls;
        return new UpstreamCalls(
                loops,
                0,
                servers,
                queue,
                String.format(
                        Locale.ROOT,
                        "list = loops = %d; create = %d; queue = groups × servers ×"
                                + " ceil(command / scan) = %d × %d × ceil(%d s / %d s) = %d;"
                                + " tags = 0 (created servers are known)",
                        loops,
                        servers,
                        groups,
                        servers,
                        commandSeconds,
                        scanSeconds,
                        queue));
    }
}
