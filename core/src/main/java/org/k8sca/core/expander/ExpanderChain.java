package org.k8sca.core.expander;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The {@code --expander} value: expanders applied in turn, each narrowing the options, stopping as
 * soon as one option is left. A tie that survives every expander is broken at random.
 */
public final class ExpanderChain {

    /** The names {@link #parse} accepts. */
    public static final List<String> NAMES =
            List.of(
                    LeastWasteExpander.NAME,
                    RandomExpander.NAME,
                    MostPodsExpander.NAME,
                    LeastNodesExpander.NAME,
                    PriorityExpander.NAME,
                    PriceExpander.NAME);

    private final List<Expander> expanders;
    private final Random tieBreak;

    public ExpanderChain(List<Expander> expanders, Random tieBreak) {
        if (expanders.isEmpty()) {
            throw new IllegalArgumentException("an expander chain needs at least one expander");
        }
        this.expanders = List.copyOf(expanders);
        this.tieBreak = tieBreak;
    }

    /** The default chain, {@code least-waste}. */
    public static ExpanderChain defaultChain(Random random) {
        return new ExpanderChain(List.of(new LeastWasteExpander()), random);
    }

    /**
     * Parses a comma-separated chain such as {@code priority,least-waste}.
     *
     * @throws IllegalArgumentException for an unknown or repeated name, anything after {@code
     *     random}, or {@code price} without the provider's pricing
     */
    public static ExpanderChain parse(String spec, ExpanderDependencies deps) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(
                    "--expander is empty; allowed: " + String.join(", ", NAMES));
        }
        List<Expander> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : spec.split(",", -1)) {
            String name = raw.trim();
            if (!seen.add(name)) {
                throw new IllegalArgumentException(
                        "--expander \"" + spec + "\": " + name + " is listed twice");
            }
            if (!out.isEmpty() && out.get(out.size() - 1).picksOne()) {
                throw new IllegalArgumentException(
                        "--expander \""
                                + spec
                                + "\": nothing may follow "
                                + out.get(out.size() - 1).name()
                                + ", which always picks a single option");
            }
            out.add(create(name, spec, deps));
        }
        return new ExpanderChain(out, deps.random());
    }

    private static Expander create(String name, String spec, ExpanderDependencies deps) {
        switch (name) {
            case LeastWasteExpander.NAME:
                return new LeastWasteExpander();
            case RandomExpander.NAME:
                return new RandomExpander(deps.random());
            case MostPodsExpander.NAME:
                return new MostPodsExpander();
            case LeastNodesExpander.NAME:
                return new LeastNodesExpander();
            case PriorityExpander.NAME:
                return new PriorityExpander(deps.priorityConfig());
            case PriceExpander.NAME:
                return new PriceExpander(
                        deps.pricing()
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "--expander \""
                                                                + spec
                                                                + "\": the price expander needs"
                                                                + " prices, and this cloud provider"
                                                                + " offers none")));
            case "grpc":
                throw new IllegalArgumentException(
                        "--expander \"" + spec + "\": the grpc expander is not supported");
            default:
                throw new IllegalArgumentException(
                        "--expander \""
                                + spec
                                + "\": unknown expander \""
                                + name
                                + "\"; allowed: "
                                + String.join(", ", NAMES));
        }
    }

    /** The expander names, in order. */
    public List<String> names() {
        return expanders.stream().map(Expander::name).toList();
    }

    /** Picks the best option. With no options, returns no choice. */
    public ExpanderChoice choose(List<ExpansionOption> options, ExpansionContext context) {
        List<String> steps = new ArrayList<>();
        List<ExpansionOption> current = options;
        for (Expander e : expanders) {
            if (current.size() <= 1) {
                break;
            }
            Filtered f = e.filter(current, context);
            steps.add(f.why());
            current = f.kept();
        }
        if (current.isEmpty()) {
            if (!options.isEmpty()) {
                steps.add("expansion options filtered out and no longer considered");
            }
            return new ExpanderChoice(null, steps);
        }
        if (current.size() == 1) {
            if (steps.isEmpty()) {
                steps.add("only option: " + current.get(0).nodeGroupId());
            }
            return new ExpanderChoice(current.get(0), steps);
        }
        ExpansionOption pick = current.get(tieBreak.nextInt(current.size()));
        steps.add(
                "tie between "
                        + Expander.ids(current)
                        + " broken at random: "
                        + pick.nodeGroupId());
        return new ExpanderChoice(pick, steps);
    }
}
