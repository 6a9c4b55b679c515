package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.InstanceError.ErrorClass;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-group exponential backoff. The first failure backs a group off for the initial duration. A
 * failure after the previous backoff ended doubles the duration, up to the maximum; a failure while
 * the group is still backed off (several failures of one scale-up arriving together) keeps the
 * duration. A group's history is forgotten once its last failure is older than the reset timeout,
 * so the next failure starts again from the initial duration.
 */
final class BackoffTracker {

    private final Duration initial;
    private final Duration max;
    private final Duration resetTimeout;
    private final Map<String, Backoff> byGroup = new HashMap<>();

    BackoffTracker(Duration initial, Duration max, Duration resetTimeout) {
        this.initial = initial;
        this.max = max;
        this.resetTimeout = resetTimeout;
    }

    /** Records a failure of {@code group} at {@code now} and returns the resulting backoff. */
    Backoff fail(String group, ErrorClass errorClass, String code, String message, Instant now) {
        forgetStale(now);
        Backoff previous = byGroup.get(group);
        Duration duration;
        if (previous == null) {
            duration = initial;
        } else if (now.isBefore(previous.until())) {
            duration = previous.duration();
        } else {
            Duration doubled = previous.duration().multipliedBy(2);
            duration = doubled.compareTo(max) > 0 ? max : doubled;
        }
        Backoff b = new Backoff(errorClass, code, message, now, now.plus(duration), duration);
        byGroup.put(group, b);
        return b;
    }

    /** The group's backoff if it is backed off at {@code now}. */
    Optional<Backoff> active(String group, Instant now) {
        Backoff b = byGroup.get(group);
        return b != null && now.isBefore(b.until()) ? Optional.of(b) : Optional.empty();
    }

    /** Forgets groups whose last failure is older than the reset timeout. */
    void forgetStale(Instant now) {
        byGroup.values().removeIf(b -> now.isAfter(b.since().plus(resetTimeout)));
    }

    void retainGroups(Set<String> groups) {
        byGroup.keySet().retainAll(groups);
    }
}
