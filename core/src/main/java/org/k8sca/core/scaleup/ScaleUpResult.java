package org.k8sca.core.scaleup;

import org.k8sca.core.expander.ExpanderChoice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one planning pass decided, and why. Lists are sorted (pods by {@code namespace/name},
 * groups by id; increases in the order to carry them out), so two passes over the same state give
 * equal results.
 *
 * @param status the overall outcome
 * @param summary one line for logs, e.g. {@code scale-up: {web 3->5 (max: 10)} for 7 pod(s)}
 * @param pods the decision for every pod handed to the planner
 * @param groups what was made of every node group
 * @param increases the resizes to carry out (empty unless status is SCALE_UP)
 * @param expanderChoice the expander chain's choice and its reasons, or {@code null} when no
 *     expander ran
 * @param notes other things an operator should know (limits that cut the scale-up, template
 *     warnings, time budgets that ran out, bad annotations)
 * @param waitUntil with {@code WAITING_FOR_MORE_PODS}: when the batching window ends (the oldest
 *     pending pod's creation plus the window), so the loop can plan again then; else empty
 */
public record ScaleUpResult(
        ScaleUpStatus status,
        String summary,
        List<PodOutcome> pods,
        List<GroupOutcome> groups,
        List<GroupIncrease> increases,
        ExpanderChoice expanderChoice,
        List<String> notes,
        Optional<Instant> waitUntil) {

    /** Without a batching window to wait for. */
    public ScaleUpResult(
            ScaleUpStatus status,
            String summary,
            List<PodOutcome> pods,
            List<GroupOutcome> groups,
            List<GroupIncrease> increases,
            ExpanderChoice expanderChoice,
            List<String> notes) {
        this(status, summary, pods, groups, increases, expanderChoice, notes, Optional.empty());
    }

    public ScaleUpResult {
        Objects.requireNonNull(status, "status");
        summary = summary == null ? "" : summary;
        List<PodOutcome> sortedPods = new ArrayList<>(pods);
        sortedPods.sort(Comparator.comparing(PodOutcome::podKey).thenComparing(PodOutcome::uid));
        pods = List.copyOf(sortedPods);
        List<GroupOutcome> sortedGroups = new ArrayList<>(groups);
        sortedGroups.sort(Comparator.comparing(GroupOutcome::nodeGroupId));
        groups = List.copyOf(sortedGroups);
        increases = List.copyOf(increases);
        notes = List.copyOf(notes);
        Objects.requireNonNull(waitUntil, "waitUntil");
    }

    /** The outcome of the pod with this {@code namespace/name}, or {@code null}. */
    public PodOutcome pod(String podKey) {
        for (PodOutcome p : pods) {
            if (p.podKey().equals(podKey)) {
                return p;
            }
        }
        return null;
    }

    /** The outcome of group {@code id}, or {@code null}. */
    public GroupOutcome group(String id) {
        for (GroupOutcome g : groups) {
            if (g.nodeGroupId().equals(id)) {
                return g;
            }
        }
        return null;
    }

    /** Pods with this verdict, in order. */
    public List<PodOutcome> podsWith(PodVerdict verdict) {
        return pods.stream().filter(p -> p.verdict() == verdict).toList();
    }
}
