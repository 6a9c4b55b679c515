package org.k8sca.kube.deploy;

import org.k8sca.core.duration.GoDuration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flags {@code run} accepts, read from docs/flags.md. That page is generated from the app's
 * flag definitions (FlagsDocTest fails when it is stale), and the app module cannot be a dependency
 * of this one, so the page is the list the deployment's arguments are checked against.
 */
final class FlagTable {

    /** One table row: {@code | `--name` | type | `default` | status | description |}. */
    private static final Pattern ROW =
            Pattern.compile("^\\| (`-[^|]*`) \\| (\\w+) \\| .*? \\| ([\\w-]+) \\|");

    private static final Pattern NAME = Pattern.compile("`(-{1,2}[a-z0-9-]+)`");
    private static final Set<String> GO_BOOLS =
            Set.of("1", "0", "t", "f", "T", "F", "true", "false", "TRUE", "FALSE", "True", "False");

    /**
     * A flag's value type (bool, duration, int, ...) and whether it is implemented or only
     * accepted.
     */
    record Flag(String type, String status) {}

    private final Map<String, Flag> flags;

    private FlagTable(Map<String, Flag> flags) {
        this.flags = flags;
    }

    static FlagTable fromDocs() {
        Map<String, Flag> flags = new LinkedHashMap<>();
        for (String line : RepoFiles.read("docs/flags.md").split("\n")) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                flags.put(
                        name.group(1).replaceFirst("^-+", ""),
                        new Flag(row.group(2), row.group(3)));
            }
        }
        if (flags.size() < 50) {
            throw new IllegalStateException(
                    "docs/flags.md: found only "
                            + flags.size()
                            + " flags; has its table format changed?");
        }
        return new FlagTable(flags);
    }

    int size() {
        return flags.size();
    }

    Optional<Flag> flag(String name) {
        return Optional.ofNullable(flags.get(name.replace('_', '-')));
    }

    /**
     * Checks one command-line argument written as {@code --name=value} (or {@code --name} for a
     * bool).
     *
     * @return what is wrong with it, empty when it is a known flag with a value of the right type
     */
    Optional<String> problemWith(String argument) {
        if (!argument.startsWith("--")) {
            return Optional.of("'" + argument + "' is not written --name=value");
        }
        int equals = argument.indexOf('=');
        String name = equals < 0 ? argument.substring(2) : argument.substring(2, equals);
        Flag flag = flags.get(name.replace('_', '-'));
        if (flag == null) {
            return Optional.of(
                    "'" + argument + "': unknown flag --" + name + " (not in docs/flags.md)");
        }
        if (equals < 0) {
            return flag.type().equals("bool")
                    ? Optional.empty()
                    : Optional.of("'" + argument + "': --" + name + " needs a value");
        }
        String value = argument.substring(equals + 1);
        return valueProblem(flag.type(), value).map(p -> "'" + argument + "': " + p);
    }

    /** Value syntax per type, as the app's converters accept it (Go's pflag rules). */
    private static Optional<String> valueProblem(String type, String value) {
        try {
            switch (type) {
                case "bool" -> {
                    if (!GO_BOOLS.contains(value)) {
                        return Optional.of("not a Go bool: " + value);
                    }
                }
                case "duration" -> GoDuration.parse(value);
                case "int" -> Long.parseLong(value);
                case "uint" -> Long.parseUnsignedLong(value);
                case "float" -> Double.parseDouble(value);
                default -> {
                    // string, strings, stringArray: anything goes.
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("not a valid " + type + ": " + value);
        }
    }
}
