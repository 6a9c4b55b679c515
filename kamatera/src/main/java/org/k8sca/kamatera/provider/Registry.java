package org.k8sca.kamatera.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the provider knows about the account: the servers of this cluster (by name, sorted so that
 * every pass is deterministic), the tags of other servers (read once), recently terminated servers
 * and servers that disappeared. Guarded by the {@link Fleet}'s lock.
 */
final class Registry {
    /** Terminated servers may stay listed for a while; they are ignored this long. */
    static final Duration TOMBSTONE_TIME = Duration.ofMinutes(30);

    private static final int MAX_GONE_REMEMBERED = 10_000;

    final Map<String, ServerInstance> instances = new TreeMap<>();

    /** Tags of listed servers that are not of this cluster, so they are read only once. */
    final Map<String, List<String>> foreignTags = new HashMap<>();

    /** Names of servers whose terminate completed, until when they are ignored if still listed. */
    final Map<String, Instant> tombstones = new HashMap<>();

    /** Names of servers of this cluster that disappeared; their nodes have no instance any more. */
    final Set<String> gone = new HashSet<>();

    void add(ServerInstance instance) {
        instances.put(instance.name, instance);
        gone.remove(instance.name);
    }

    boolean contains(ServerInstance instance) {
        return instances.get(instance.name) == instance;
    }

    /** Forgets a server; a terminated one is ignored for a while if the list still shows it. */
    void drop(ServerInstance instance, Instant now, boolean terminated) {
        instances.remove(instance.name);
        if (terminated) {
            tombstones.put(instance.name, now.plus(TOMBSTONE_TIME));
        }
        if (gone.size() < MAX_GONE_REMEMBERED) {
            gone.add(instance.name);
        }
    }

    List<ServerInstance> ofGroup(String group) {
        List<ServerInstance> result = new ArrayList<>();
        for (ServerInstance instance : instances.values()) {
            if (group.equals(instance.group)) {
                result.add(instance);
            }
        }
        return result;
    }

    /**
     * Pool members of a group, in name order: its powered-off standby servers with no command in
     * flight. Membership is by the group's tag; other tags on the server do not matter.
     */
    List<ServerInstance> poolMembers(String group) {
        List<ServerInstance> members = new ArrayList<>();
        for (ServerInstance instance : ofGroup(group)) {
            if (instance.isPoolMember()) {
                members.add(instance);
            }
        }
        return members;
    }

    /**
     * Whether something is being created, deleted or retried (then refreshes are never skipped).
     */
    boolean hasWorkInFlight() {
        for (ServerInstance instance : instances.values()) {
            if (instance.command != null
                    || instance.retryAt != null
                    || instance.phase == Phase.CREATING
                    || instance.phase == Phase.DELETING) {
                return true;
            }
        }
        return false;
    }
}
