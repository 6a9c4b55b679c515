package org.k8sca.kamatera.config.gcfg;

import java.util.Locale;

/** go-gcfg's boolean grammar, used for variables that gcfg itself stores as booleans. */
public final class GcfgBool {
    private GcfgBool() {}

    /**
     * @return the value of {@code true/yes/on/1} or {@code false/no/off/0} (any case), or null for
     *     anything else, including the empty string
     */
    public static Boolean parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "no", "off", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
