package org.k8sca.kube.status;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns each loop's scale-down candidate counts into {@link ScaleDownCondition}s, remembering when
 * each one last switched between candidates present and none (the core's cluster state does this
 * for health and scale-up, but knows nothing of scale-down). Not thread-safe: one loop owns it.
 */
public final class ScaleDownTracker {

    /** The key used for the cluster-wide condition; group ids are prefixed so they cannot clash. */
    private static final String CLUSTER = "";

    private record Seen(boolean present, Instant since) {}

    private final Map<String, Seen> seen = new HashMap<>();

    /** The cluster-wide condition for {@code candidates} unneeded nodes at {@code now}. */
    public ScaleDownCondition cluster(int candidates, Instant now) {
        return observe(CLUSTER, candidates, now);
    }

    /** Group {@code groupId}'s condition for {@code candidates} unneeded nodes at {@code now}. */
    public ScaleDownCondition group(String groupId, int candidates, Instant now) {
        return observe("group/" + groupId, candidates, now);
    }

    private ScaleDownCondition observe(String key, int candidates, Instant now) {
        boolean present = candidates > 0;
        Seen s = seen.get(key);
        if (s == null || s.present() != present) {
            s = new Seen(present, now);
            seen.put(key, s);
        }
        return new ScaleDownCondition(candidates, now, s.since());
    }
}
