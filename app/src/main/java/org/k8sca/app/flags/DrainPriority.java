package org.k8sca.app.flags;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code priority:terminationGracePeriodSeconds} pair of {@code --drain-priority-config}: pods
 * at or above this priority (down to the next pair) are evicted together and get this grace period.
 */
public record DrainPriority(int priority, long gracePeriodSeconds) {

    /**
     * Parses the whole flag value, e.g. {@code 10000:20,1000:100,0:60}.
     *
     * @throws IllegalArgumentException naming the pair that is wrong
     */
    public static List<DrainPriority> parseList(String value) {
        List<DrainPriority> pairs = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String[] parts = item.split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "'"
                                + item
                                + "' is not a priority and grace period couple separated by ':'");
            }
            try {
                pairs.add(new DrainPriority(Integer.parseInt(parts[0]), Long.parseLong(parts[1])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "'" + item + "': priority and grace period must be integers");
            }
        }
        return List.copyOf(pairs);
    }
}
