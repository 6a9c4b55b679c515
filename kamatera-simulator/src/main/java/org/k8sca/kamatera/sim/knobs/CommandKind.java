package org.k8sca.kamatera.sim.knobs;

import java.util.Locale;

/** The kinds of asynchronous queue commands the simulator runs, with their queue descriptions. */
public enum CommandKind {
    /** "Create Server" is observed on the real API; the other descriptions are guesses. */
    CREATE("Create Server"),
    TERMINATE("Terminate Server"),
    POWER_ON("Power On Server"),
    POWER_OFF("Power Off Server"),
    REBOOT("Reboot Server");

    private final String description;

    CommandKind(String description) {
        this.description = description;
    }

    /** The queue entry's {@code description} text. */
    public String description() {
        return description;
    }

    /** The name used on the command line, e.g. {@code power-on}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a command-line name such as {@code create} or {@code power-off} (case-insensitive).
     */
    public static CommandKind fromCliName(String name) {
        for (CommandKind k : values()) {
            if (k.cliName().equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "unknown command kind '"
                        + name
                        + "'; expected create, terminate, power-on, power-off or reboot");
    }
}
