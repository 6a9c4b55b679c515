package org.k8sca.core.scaledown.drain;

import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The disruptions each PodDisruptionBudget still allows in this scale-down pass. Starts from the
 * budgets' {@code status.disruptionsAllowed}; every node chosen for removal consumes one per pod it
 * evicts, so later nodes see what is left. Mutable, one per pass.
 */
public final class PdbBudgets {

    private final List<PodDisruptionBudget> pdbs;
    private final int[] remaining;

    public PdbBudgets(Collection<PodDisruptionBudget> pdbs) {
        this.pdbs = List.copyOf(pdbs);
        this.remaining = new int[this.pdbs.size()];
        for (int i = 0; i < remaining.length; i++) {
            remaining[i] = this.pdbs.get(i).disruptionsAllowed();
        }
    }

    /** Whether any budget covers {@code pod}, whatever it allows. */
    public boolean covered(Pod pod) {
        for (PodDisruptionBudget pdb : pdbs) {
            if (pdb.covers(pod)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every budget covering {@code pod} allows at least one more disruption. */
    public boolean canDisrupt(Pod pod) {
        for (int i = 0; i < remaining.length; i++) {
            if (remaining[i] < 1 && pdbs.get(i).covers(pod)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether all of {@code pods} can be evicted at once: no budget covers more of them than it has
     * disruptions left. When false the drain still works, but evictions wait for replacements.
     */
    public boolean canDisruptAllAtOnce(Collection<Pod> pods) {
        for (int i = 0; i < remaining.length; i++) {
            int covered = 0;
            for (Pod p : pods) {
                if (pdbs.get(i).covers(p)) {
                    covered++;
                }
            }
            if (covered > remaining[i]) {
                return false;
            }
        }
        return true;
    }

    /** Takes one disruption per covered pod from each budget. */
    public void consume(Collection<Pod> pods) {
        for (int i = 0; i < remaining.length; i++) {
            for (Pod p : pods) {
                if (pdbs.get(i).covers(p)) {
                    remaining[i]--;
                }
            }
        }
    }

    /** Remaining disruptions per budget, in {@code namespace/name} form, for explanations. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < remaining.length; i++) {
            out.add(pdbs.get(i).namespace() + "/" + pdbs.get(i).name() + "=" + remaining[i]);
        }
        return out;
    }
}
