package org.k8sca.app.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class TextRendererTest {

    @Test
    void alignsValuesAndIndentsNestedSectionsAndLists() {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("min-size", 0);
        group.put("disk", List.of("size=50", "size=20"));
        group.put("template-label", Map.of("workload", "cpu"));
        group.put("managed", true);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("cluster-name", "c1");
        tree.put("default-max-size", 10);
        tree.put("nodegroups", Map.of("ng1", group));

        assertThat(TextRenderer.render(tree))
                .isEqualTo(
                        """
                        cluster-name:      c1
                        default-max-size:  10
                        nodegroups:
                          ng1:
                            min-size:        0
                            disk:
                              - size=50
                              - size=20
                            template-label:
                              workload:  cpu
                            managed:         true
                        """);
    }

    @Test
    void emptyCollectionsAreShownAsNone() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("disk", List.of());
        tree.put("nodegroups", Map.of());

        assertThat(TextRenderer.render(tree))
                .isEqualTo("disk:        (none)\nnodegroups:  (none)\n");
    }

    @Test
    void invisibleOrAmbiguousStringsAreQuoted() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("empty", "");
        tree.put("blanks", " a ");
        tree.put("control", "a\tb\nc\u0001");
        tree.put("quote", "\"q\\");
        tree.put("plain", "name=wan,ip=auto");
        tree.put("", "empty key");

        assertThat(TextRenderer.render(tree))
                .isEqualTo(
                        """
                        empty:    ""
                        blanks:   " a "
                        control:  "a\\tb\\nc\\u0001"
                        quote:    "\\"q\\\\"
                        plain:    name=wan,ip=auto
                        "":       empty key
                        """);
    }
}
