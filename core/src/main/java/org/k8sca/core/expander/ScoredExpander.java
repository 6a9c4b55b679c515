package org.k8sca.core.expander;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An expander that scores each option and keeps those with the lowest score (ties kept). Scores
 * closer than {@link #TIE} count as equal, so that rounding does not decide.
 */
abstract class ScoredExpander implements Expander {

    static final double TIE = 1e-9;

    /** The option's score; lower is better. */
    abstract double score(ExpansionOption option, ExpansionContext context);

    /** How to describe a score in explanations, e.g. {@code waste}. */
    abstract String scoreName();

    @Override
    public Filtered filter(List<ExpansionOption> options, ExpansionContext context) {
        double best = Double.POSITIVE_INFINITY;
        double[] scores = new double[options.size()];
        for (int i = 0; i < options.size(); i++) {
            scores[i] = score(options.get(i), context);
            best = Math.min(best, scores[i]);
        }
        List<ExpansionOption> kept = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (scores[i] <= best + TIE) {
                kept.add(options.get(i));
            }
        }
        String why =
                name()
                        + " kept "
                        + Expander.ids(kept)
                        + " of "
                        + Expander.ids(options)
                        + ": lowest "
                        + scoreName()
                        + " "
                        + String.format(Locale.ROOT, "%.4f", best);
        return new Filtered(kept, why);
    }
}
