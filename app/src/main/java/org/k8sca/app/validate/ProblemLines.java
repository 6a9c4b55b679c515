package org.k8sca.app.validate;

import org.k8sca.kamatera.config.ConfigProblem;

/**
 * Formats one {@link ConfigProblem} as one line, compiler style, e.g. {@code cloud-config.ini:7:
 * [nodegroup "ng1"] cpu: cpu for node group ng1 is empty}. The line number, section and key are
 * left out when unknown. A message that itself contains line breaks is kept on one line (escaped)
 * so that each problem is exactly one line of stderr.
 */
public final class ProblemLines {
    private ProblemLines() {}

    /** An error: the file is invalid. */
    public static String error(String file, ConfigProblem problem) {
        return location(file, problem) + ": " + context(problem) + oneLine(problem.message());
    }

    /** A warning: the file is valid, but something in it deserves attention. */
    public static String warning(String file, ConfigProblem problem) {
        return location(file, problem)
                + ": warning: "
                + context(problem)
                + oneLine(problem.message());
    }

    private static String location(String file, ConfigProblem problem) {
        return problem.line() > 0 ? file + ":" + problem.line() : file;
    }

    private static String context(ConfigProblem problem) {
        StringBuilder context = new StringBuilder();
        if (problem.section() != null) {
            context.append('[').append(problem.section()).append("] ");
        }
        if (problem.key() != null) {
            context.append(problem.key()).append(": ");
        }
        return context.toString();
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
