package org.k8sca.kamatera.sim.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses cloudcli's space-separated item lists, as in {@code disk} and {@code network}: {@code
 * "id=3,size=20 size=10"}. At most 4 items with ids 0–3; items without an id take the free ids in
 * ascending order. Errors are the 400 answers of the real server (spec §2.5).
 */
final class ItemListField {
    static final int MAX_ITEMS = 4;

    private ItemListField() {}

    /** Returns the items' key/value pairs, sorted by item id. */
    static List<Map<String, String>> parse(String field, String value) {
        String[] items = value.trim().split("\\s+");
        if (items.length > MAX_ITEMS) {
            throw ApiError.badRequest("invalid item ids (" + field + "=" + value + ")");
        }
        TreeMap<Integer, Map<String, String>> byId = new TreeMap<>();
        List<Map<String, String>> withoutId = new ArrayList<>();
        for (String item : items) {
            Map<String, String> pairs = new LinkedHashMap<>();
            for (String pair : item.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw ApiError.badRequest("invalid flag value (" + field + "=" + item + ")");
                }
                pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            String id = pairs.remove("id");
            if (id == null) {
                withoutId.add(pairs);
                continue;
            }
            int n;
            try {
                n = Integer.parseInt(id);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest(
                        "invalid item id: " + id + " (" + field + "=" + item + ")");
            }
            if (n < 0 || n >= MAX_ITEMS) {
                throw ApiError.badRequest(
                        "invalid item id: " + id + " (" + field + "=" + item + ")");
            }
            if (byId.putIfAbsent(n, pairs) != null) {
                throw ApiError.badRequest(
                        "duplicate item id: " + id + " (" + field + "=" + item + ")");
            }
        }
        int next = 0;
        for (Map<String, String> pairs : withoutId) {
            while (byId.containsKey(next)) {
                next++;
            }
            byId.put(next, pairs);
        }
        return new ArrayList<>(byId.values());
    }
}
