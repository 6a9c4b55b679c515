package org.k8sca.core.expander;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code priority}: keeps the options whose group id matches a pattern of the highest priority that
 * matches any option. The configuration is read from {@code source} on every call (it is the
 * ConfigMap's {@code priorities} text, or {@code null} when the ConfigMap is missing), so an edit
 * takes effect in the next loop. A missing or invalid configuration, or one that matches no option,
 * keeps every option and says why.
 */
public final class PriorityExpander implements Expander {

    public static final String NAME = "priority";

    private final Supplier<String> source;
    private String lastText;
    private PriorityConfig lastConfig;
    private String lastError;

    public PriorityExpander(Supplier<String> source) {
        this.source = source;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Filtered filter(List<ExpansionOption> options, ExpansionContext context) {
        String text = source.get();
        if (text == null) {
            return new Filtered(
                    options,
                    NAME
                            + ": no priority config (ConfigMap"
                            + " cluster-autoscaler-priority-expander), all options kept");
        }
        PriorityConfig config = parseCached(text);
        if (config == null) {
            return new Filtered(
                    options, NAME + ": invalid priority config, all options kept: " + lastError);
        }
        Integer best = null;
        List<String> unmatched = new ArrayList<>();
        for (ExpansionOption o : options) {
            Integer p = config.priorityOf(o.nodeGroupId());
            if (p == null) {
                unmatched.add(o.nodeGroupId());
            } else if (best == null || p > best) {
                best = p;
            }
        }
        if (best == null) {
            return new Filtered(
                    options, NAME + ": no option matches the priority config, all options kept");
        }
        List<ExpansionOption> kept = new ArrayList<>();
        for (ExpansionOption o : options) {
            if (best.equals(config.priorityOf(o.nodeGroupId()))) {
                kept.add(o);
            }
        }
        String why =
                NAME
                        + " kept "
                        + Expander.ids(kept)
                        + " of "
                        + Expander.ids(options)
                        + ": highest priority "
                        + best
                        + (unmatched.isEmpty()
                                ? ""
                                : "; groups matching no priority: " + unmatched);
        return new Filtered(kept, why);
    }

    /**
     * Parses {@code text}, reusing the last result when the text did not change; null when invalid.
     */
    private PriorityConfig parseCached(String text) {
        if (!text.equals(lastText)) {
            lastText = text;
            try {
                lastConfig = PriorityConfig.parse(text);
                lastError = null;
            } catch (IllegalArgumentException e) {
                lastConfig = null;
                lastError = e.getMessage();
            }
        }
        return lastConfig;
    }
}
