package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.InstanceError;
import org.k8sca.core.cloud.InstanceState;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.resources.Resources;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small builders for cluster views in tests. Instance ids are {@code fake://<name>}. */
final class Views {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final NodeGroupOptions OPTIONS = NodeGroupOptions.UPSTREAM_DEFAULTS;

    private Views() {}

    static String pid(String name) {
        return "fake://" + name;
    }

    static Instance running(String name) {
        return Instance.running(pid(name));
    }

    static Instance creating(String name) {
        return new Instance(pid(name), InstanceState.CREATING, null);
    }

    static Instance deleting(String name) {
        return new Instance(pid(name), InstanceState.DELETING, null);
    }

    static Instance stopped(String name) {
        return Instance.stopped(pid(name));
    }

    static Instance failed(String name, InstanceError.ErrorClass cls, String code, String message) {
        return new Instance(
                pid(name), InstanceState.CREATING, new InstanceError(cls, code, message));
    }

    static NodeGroupView group(String id, int min, int max, int target, Instance... instances) {
        return new NodeGroupView(id, min, max, target, List.of(instances), OPTIONS);
    }

    /**
     * A group whose target equals its listed, non-deleting, non-stopped instances (as Kamatera's).
     */
    static NodeGroupView kamateraGroup(String id, int min, int max, Instance... instances) {
        int target = 0;
        for (Instance i : instances) {
            if (i.state() == InstanceState.RUNNING || i.state() == InstanceState.CREATING) {
                target++;
            }
        }
        return group(id, min, max, target, instances);
    }

    static Node.Builder node(String name, boolean ready, Instant created) {
        return Node.builder(name)
                .providerId(pid(name))
                .allocatable(Resources.of(2000, 4L << 30, 0, 110, 0))
                .ready(ready)
                .creationTime(created);
    }

    static Node readyNode(String name) {
        return node(name, true, T0.minus(Duration.ofDays(1))).build();
    }

    static Node unreadyNode(String name) {
        return node(name, false, T0.minus(Duration.ofDays(1))).build();
    }

    static Taint taint(String key) {
        return new Taint(key, "", TaintEffect.NO_SCHEDULE);
    }

    /** {@code n} running instances named {@code prefix0..prefix(n-1)}. */
    static List<Instance> runningInstances(String prefix, int n) {
        List<Instance> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(running(prefix + i));
        }
        return out;
    }
}
