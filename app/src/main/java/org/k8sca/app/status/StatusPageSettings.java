package org.k8sca.app.status;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the {@code /status} page needs to know besides the loop's reports.
 *
 * @param scaleDownUnneededTime {@code --scale-down-unneeded-time}, so the page can tell when an
 *     unneeded node may be removed; empty to show only since when it is unneeded
 * @param groupOfNode a node's group by node name (empty when it has none or it is not known)
 * @param historySamples how many loops the chart covers
 * @param eventCapacity how many recent scale events are kept
 */
public record StatusPageSettings(
        Optional<Duration> scaleDownUnneededTime,
        Function<String, Optional<String>> groupOfNode,
        int historySamples,
        int eventCapacity) {

    /** No unneeded time, no node groups of nodes, 360 loops (an hour at 10 s), 50 events. */
    public static final StatusPageSettings DEFAULTS =
            new StatusPageSettings(Optional.empty(), node -> Optional.empty(), 360, 50);

    public StatusPageSettings {
        Objects.requireNonNull(scaleDownUnneededTime, "scaleDownUnneededTime");
        Objects.requireNonNull(groupOfNode, "groupOfNode");
        if (historySamples < 1) {
            throw new IllegalArgumentException(
                    "status page historySamples must be at least 1, got " + historySamples);
        }
        if (eventCapacity < 1) {
            throw new IllegalArgumentException(
                    "status page eventCapacity must be at least 1, got " + eventCapacity);
        }
    }

    public StatusPageSettings withScaleDownUnneededTime(Duration unneededTime) {
        return new StatusPageSettings(
                Optional.of(unneededTime), groupOfNode, historySamples, eventCapacity);
    }

    public StatusPageSettings withGroupOfNode(Function<String, Optional<String>> groupOfNode) {
        return new StatusPageSettings(
                scaleDownUnneededTime, groupOfNode, historySamples, eventCapacity);
    }

    public StatusPageSettings withHistorySamples(int historySamples) {
        return new StatusPageSettings(
                scaleDownUnneededTime, groupOfNode, historySamples, eventCapacity);
    }

    public StatusPageSettings withEventCapacity(int eventCapacity) {
        return new StatusPageSettings(
                scaleDownUnneededTime, groupOfNode, historySamples, eventCapacity);
    }
}
