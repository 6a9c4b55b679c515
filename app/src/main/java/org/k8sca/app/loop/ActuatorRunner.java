package org.k8sca.app.loop;

import org.k8sca.app.decide.InFlightDeletions;
import org.k8sca.core.scaledown.actuation.DeletionRequest;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaledown.actuation.ScaleDownActuator;
import org.k8sca.core.scaledown.actuation.StartResult;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The scale-down actuator shared by the loop thread (which starts deletions) and the actuator
 * thread (which ticks them). The actuator is not thread-safe, so every call goes through one lock;
 * it also remembers each node's group, which the planner needs per group.
 */
public final class ActuatorRunner {
    private final ScaleDownActuator actuator;
    private final Map<String, String> groupOfNode = new HashMap<>();

    public ActuatorRunner(ScaleDownActuator actuator) {
        this.actuator = Objects.requireNonNull(actuator, "actuator");
    }

    /** Taints and starts the deletions (see {@link ScaleDownActuator#start}). */
    public synchronized StartResult start(List<DeletionRequest> requests, Instant now) {
        StartResult result = actuator.start(requests, now);
        for (DeletionRequest r : requests) {
            if (result.started().contains(r.node().name())) {
                groupOfNode.put(r.node().name(), r.group().id());
            }
        }
        return result;
    }

    /** Advances the deletions in flight; called every second by the actuator thread. */
    public synchronized void tick(Instant now) {
        actuator.tick(now);
    }

    /** Deletions that ended since the last call. */
    public synchronized List<DeletionResult> takeFinished() {
        List<DeletionResult> finished = actuator.takeFinished();
        for (DeletionResult r : finished) {
            groupOfNode.remove(r.nodeName());
        }
        return finished;
    }

    /** What is in flight now, for the next planning pass. */
    public synchronized InFlightDeletions inFlight() {
        Set<String> nodes = actuator.inFlightNodes();
        Map<String, Integer> perGroup = new HashMap<>();
        for (String node : nodes) {
            String group = groupOfNode.get(node);
            if (group != null) {
                perGroup.merge(group, 1, Integer::sum);
            }
        }
        return new InFlightDeletions(
                nodes, actuator.emptyInFlight(), actuator.drainsInFlight(), perGroup);
    }
}
