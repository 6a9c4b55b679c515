package org.k8sca.core.scaleup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreads new nodes over similar node groups: repeatedly one node to the currently smallest group
 * (ties to the earlier group in the list), never beyond a group's max. Sizes A=1, B=3, C=6 and four
 * new nodes give A+3, B+1.
 */
final class Balancer {

    /** A group taking part, with its size now and its max. */
    record Slot(String nodeGroupId, int currentTarget, int maxSize) {}

    private Balancer() {}

    /** New nodes per group (only groups that get at least one), in the input order. */
    static Map<String, Integer> distribute(List<Slot> groups, int newNodes) {
        List<Slot> open = new ArrayList<>();
        for (Slot s : groups) {
            if (s.currentTarget() < s.maxSize()) {
                open.add(s);
            }
        }
        int[] size = new int[open.size()];
        for (int i = 0; i < open.size(); i++) {
            size[i] = open.get(i).currentTarget();
        }
        for (int n = 0; n < newNodes; n++) {
            int smallest = -1;
            for (int i = 0; i < open.size(); i++) {
                if (size[i] < open.get(i).maxSize() && (smallest < 0 || size[i] < size[smallest])) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break; // every group is at max: the remaining nodes are simply not added
            }
            size[smallest]++;
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < open.size(); i++) {
            int added = size[i] - open.get(i).currentTarget();
            if (added > 0) {
                out.put(open.get(i).nodeGroupId(), added);
            }
        }
        return out;
    }
}
