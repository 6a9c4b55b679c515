package org.k8sca.core.expander;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.core.Fixtures;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.PricingModel;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

class ExpandersTest {

    private static final ExpansionContext CTX =
            new ExpansionContext(10, Instant.parse("2026-01-01T00:00:00Z"));

    private static List<Pod> pods(int n, long milliCpu, long memMi) {
        List<Pod> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Fixtures.pod("p" + milliCpu + "-" + i, milliCpu, memMi).build());
        }
        return out;
    }

    private static ExpansionOption option(
            String id, long milliCpu, long memGi, int nodes, List<Pod> pods) {
        Node template = Fixtures.node("t-" + id, milliCpu, memGi).build();
        return new ExpansionOption(id, template, nodes, pods);
    }

    @Test
    void leastWastePrefersTheOptionThatLeavesLeastUnused() {
        List<Pod> p = pods(4, 1000, 1024); // 4 CPU, 4 GiB
        ExpansionOption exact = option("exact", 4000, 4, 1, p); // waste 0 + 0
        ExpansionOption big = option("big", 8000, 8, 1, p); // waste 0.5 + 0.5
        Filtered f = new LeastWasteExpander().filter(List.of(big, exact), CTX);

        assertThat(f.kept()).containsExactly(exact);
        assertThat(LeastWasteExpander.waste(big)).isEqualTo(1.0);
        assertThat(f.why()).startsWith("least-waste kept [exact] of [big, exact]");
    }

    @Test
    void leastWasteKeepsTies() {
        List<Pod> p = pods(2, 1000, 1024);
        ExpansionOption a = option("a", 4000, 4, 1, p);
        ExpansionOption b = option("b", 4000, 4, 1, p);

        assertThat(new LeastWasteExpander().filter(List.of(a, b), CTX).kept())
                .containsExactly(a, b);
    }

    @Test
    void leastWasteUsesCapacityNotAllocatable() {
        List<Pod> p = pods(2, 1000, 1024);
        Node small =
                Fixtures.node("t", 2000, 2)
                        .capacity(Resources.of(4000, 4L << 30, 0, 110, 0))
                        .build();
        ExpansionOption o = new ExpansionOption("a", small, 1, p);

        assertThat(LeastWasteExpander.waste(o))
                .isEqualTo(1.0); // 0.5 cpu + 0.5 memory of capacity unused
    }

    @Test
    void mostPodsAndLeastNodes() {
        ExpansionOption many = option("many", 4000, 4, 3, pods(6, 1000, 100));
        ExpansionOption few = option("few", 4000, 4, 1, pods(2, 1000, 100));

        assertThat(new MostPodsExpander().filter(List.of(few, many), CTX).kept())
                .containsExactly(many);
        assertThat(new LeastNodesExpander().filter(List.of(few, many), CTX).kept())
                .containsExactly(few);
    }

    @Test
    void randomIsSeededAndPicksOne() {
        List<ExpansionOption> options =
                List.of(
                        option("a", 1000, 1, 1, pods(1, 1, 1)),
                        option("b", 1000, 1, 1, pods(1, 1, 1)),
                        option("c", 1000, 1, 1, pods(1, 1, 1)));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        RandomExpander r1 = new RandomExpander(new Random(5));
        RandomExpander r2 = new RandomExpander(new Random(5));
        for (int i = 0; i < 20; i++) {
            first.add(r1.filter(options, CTX).kept().get(0).nodeGroupId());
            second.add(r2.filter(options, CTX).kept().get(0).nodeGroupId());
        }
        assertThat(first).isEqualTo(second);
        assertThat(first).contains("a", "b", "c");
    }

    @Test
    void priorityKeepsTheHighestMatchingPriority() {
        String config = "10:\n  - .*\n50:\n  - ^gpu-.*\n  - ^big-.*\n";
        PriorityExpander e = new PriorityExpander(() -> config);
        ExpansionOption small = option("small-a", 1000, 1, 1, pods(1, 1, 1));
        ExpansionOption big = option("big-a", 1000, 1, 1, pods(1, 1, 1));

        Filtered f = e.filter(List.of(small, big), CTX);

        assertThat(f.kept()).containsExactly(big);
        assertThat(f.why()).contains("highest priority 50");
    }

    @Test
    void priorityDropsGroupsMatchingNothingButKeepsAllWhenNothingMatches() {
        ExpansionOption a = option("a", 1000, 1, 1, pods(1, 1, 1));
        ExpansionOption b = option("b", 1000, 1, 1, pods(1, 1, 1));

        Filtered some = new PriorityExpander(() -> "5: [^a$]").filter(List.of(a, b), CTX);
        assertThat(some.kept()).containsExactly(a);
        assertThat(some.why()).contains("groups matching no priority: [b]");

        Filtered none = new PriorityExpander(() -> "5: [^zzz$]").filter(List.of(a, b), CTX);
        assertThat(none.kept()).containsExactly(a, b);
        assertThat(none.why()).contains("no option matches");
    }

    @Test
    void priorityConfigIsReadOnEveryCallAndABadOneFallsBack() {
        AtomicReference<String> cm = new AtomicReference<>("1: [a]\n2: [b]");
        PriorityExpander e = new PriorityExpander(cm::get);
        ExpansionOption a = option("a", 1000, 1, 1, pods(1, 1, 1));
        ExpansionOption b = option("b", 1000, 1, 1, pods(1, 1, 1));
        assertThat(e.filter(List.of(a, b), CTX).kept()).containsExactly(b);

        cm.set("1: [b]\n2: [a]");
        assertThat(e.filter(List.of(a, b), CTX).kept()).containsExactly(a);

        cm.set("high: [a]");
        Filtered bad = e.filter(List.of(a, b), CTX);
        assertThat(bad.kept()).containsExactly(a, b);
        assertThat(bad.why())
                .contains("invalid priority config")
                .contains("line 1")
                .contains("\"high\" is not an integer");

        cm.set(null);
        assertThat(e.filter(List.of(a, b), CTX).why()).contains("no priority config");
    }

    /** Node price = cores; pod price = cores requested. */
    private static final PricingModel PRICES =
            new PricingModel() {
                @Override
                public double nodePrice(Node node, Instant start, Instant end) {
                    if (node.name().contains("unpriced")) {
                        throw new CloudProviderException(
                                CloudProviderException.Kind.CLOUD_API,
                                "no price for " + node.name());
                    }
                    return node.capacity().milliCpu() / 1000.0;
                }

                @Override
                public double podPrice(Pod pod, Instant start, Instant end) {
                    return pod.requests().milliCpu() / 1000.0;
                }
            };

    @Test
    void pricePrefersCheapNodesOfThePreferredSize() {
        // Cluster of 10 nodes: preferred 4 cores. Both options host 4 CPU of pods.
        ExpansionOption fourCores = option("four", 4000, 16, 1, pods(4, 1000, 100));
        ExpansionOption sixteenCores = option("sixteen", 16000, 64, 1, pods(4, 1000, 100));

        Filtered f = new PriceExpander(PRICES).filter(List.of(sixteenCores, fourCores), CTX);

        assertThat(f.kept()).containsExactly(fourCores);
        assertThat(PriceExpander.preferredCores(10)).isEqualTo(4);
        assertThat(PriceExpander.preferredCores(2)).isEqualTo(1);
        assertThat(PriceExpander.preferredCores(201)).isEqualTo(32);
        assertThat(PriceExpander.unfitness(4000, 4, 1)).isEqualTo(1.0);
        assertThat(PriceExpander.unfitness(16000, 4, 1)).isEqualTo(4.0);
    }

    @Test
    void priceDropsOptionsThatCannotBePriced() {
        ExpansionOption ok = option("ok", 4000, 16, 1, pods(4, 1000, 100));
        ExpansionOption unpriced = option("unpriced", 4000, 16, 1, pods(4, 1000, 100));

        Filtered f = new PriceExpander(PRICES).filter(List.of(unpriced, ok), CTX);

        assertThat(f.kept()).containsExactly(ok);
        assertThat(f.why()).contains("not priced").contains("no price for t-unpriced");
    }

    @Test
    void chainAppliesExpandersInTurn() {
        ExpanderChain chain =
                ExpanderChain.parse(
                        "priority,least-waste",
                        new ExpanderDependencies(
                                new Random(1), () -> "10: [^b, ^c]", Optional.empty()));
        List<Pod> p = pods(2, 1000, 1024);
        ExpansionOption a = option("a", 2000, 2, 1, p); // no waste, but low priority
        ExpansionOption b = option("b", 4000, 4, 1, p);
        ExpansionOption c = option("c", 8000, 8, 1, p);

        ExpanderChoice choice = chain.choose(List.of(a, b, c), CTX);

        assertThat(choice.best()).isEqualTo(b);
        assertThat(choice.steps()).hasSize(2);
        assertThat(choice.why()).contains("priority kept [b, c]").contains("least-waste kept [b]");
    }

    @Test
    void chainBreaksARemainingTieAtRandomAndSkipsWorkForOneOption() {
        ExpanderChain chain =
                ExpanderChain.parse(
                        "least-nodes", new ExpanderDependencies(new Random(3), null, null));
        ExpansionOption a = option("a", 1000, 1, 1, pods(1, 1, 1));
        ExpansionOption b = option("b", 1000, 1, 1, pods(1, 1, 1));

        ExpanderChoice tie = chain.choose(List.of(a, b), CTX);
        assertThat(tie.best()).isIn(a, b);
        assertThat(tie.why()).contains("broken at random");

        ExpanderChoice single = chain.choose(List.of(a), CTX);
        assertThat(single.best()).isEqualTo(a);
        assertThat(single.why()).isEqualTo("only option: a");

        assertThat(chain.choose(List.of(), CTX).chosen()).isFalse();
    }

    @Test
    void chainSyntaxErrorsAreClear() {
        ExpanderDependencies deps = new ExpanderDependencies(new Random(1), null, Optional.empty());
        assertThatThrownBy(() -> ExpanderChain.parse("least-wast", deps))
                .hasMessageContaining("unknown expander \"least-wast\"")
                .hasMessageContaining("least-waste");
        assertThatThrownBy(() -> ExpanderChain.parse("most-pods,most-pods", deps))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> ExpanderChain.parse("random,least-waste", deps))
                .hasMessageContaining("nothing may follow random");
        assertThatThrownBy(() -> ExpanderChain.parse("price", deps))
                .hasMessageContaining("needs prices");
        assertThatThrownBy(() -> ExpanderChain.parse(" ", deps))
                .hasMessageContaining("--expander is empty");
        assertThat(
                        ExpanderChain.parse(
                                        "price,random",
                                        new ExpanderDependencies(
                                                new Random(1), null, Optional.of(PRICES)))
                                .names())
                .containsExactly("price", "random");
    }
}
