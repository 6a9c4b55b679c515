package org.k8sca.kamatera.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The disk/network item syntax: ids 0–3, free ids filled in ascending order, result sorted by id.
 */
class ItemListFieldTest {

    @Test
    void itemsWithoutIdTakeTheFreeIdsInOrder() {
        List<Map<String, String>> items =
                ItemListField.parse("disk", "id=3,size=20 size=10 id=0,size=30 id=1,size=60");
        assertThat(items).extracting(m -> m.get("size")).containsExactly("30", "60", "10", "20");
    }

    @Test
    void randomListsKeepEveryItemAtItsIdOrTheNextFreeOne() {
        long seed = 20261124L;
        Random random = new Random(seed);
        for (int run = 0; run < 500; run++) {
            int n = 1 + random.nextInt(4);
            List<Integer> ids = new ArrayList<>(List.of(0, 1, 2, 3));
            Collections.shuffle(ids, random);
            List<String> parts = new ArrayList<>();
            Integer[] expected = new Integer[4];
            List<Integer> withoutId = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int size = 10 * (run % 7 + i + 1);
                if (random.nextBoolean()) {
                    parts.add("id=" + ids.get(i) + ",size=" + size);
                    expected[ids.get(i)] = size;
                } else {
                    parts.add("size=" + size);
                    withoutId.add(size);
                }
            }
            for (int size : withoutId) {
                for (int id = 0; id < 4; id++) {
                    if (expected[id] == null) {
                        expected[id] = size;
                        break;
                    }
                }
            }
            List<String> want = new ArrayList<>();
            for (Integer e : expected) {
                if (e != null) {
                    want.add(String.valueOf(e));
                }
            }
            String value = String.join(" ", parts);
            assertThat(ItemListField.parse("disk", value))
                    .extracting(m -> m.get("size"))
                    .as("seed %d run %d value '%s'", seed, run, value)
                    .containsExactlyElementsOf(want);
        }
    }

    @Test
    void errorsQuoteTheOffendingItem() {
        assertThatThrownBy(() -> ItemListField.parse("network", "id=x,name=wan"))
                .hasMessageContaining("invalid item id: x (network=id=x,name=wan)");
        assertThatThrownBy(() -> ItemListField.parse("disk", "id=-1,size=5"))
                .hasMessageContaining("invalid item id: -1");
    }
}
