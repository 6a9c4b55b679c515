package org.k8sca.core.expander;

import java.util.List;
import java.util.Random;

/**
 * {@code random}: one option, uniformly at random, from a seeded generator (so tests can repeat
 * it).
 */
public final class RandomExpander implements Expander {

    public static final String NAME = "random";

    private final Random random;

    public RandomExpander(Random random) {
        this.random = random;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean picksOne() {
        return true;
    }

    @Override
    public Filtered filter(List<ExpansionOption> options, ExpansionContext context) {
        if (options.isEmpty()) {
            return new Filtered(List.of(), NAME + ": no options");
        }
        ExpansionOption pick = options.get(random.nextInt(options.size()));
        return new Filtered(
                List.of(pick),
                NAME + " picked " + pick.nodeGroupId() + " of " + Expander.ids(options));
    }
}
