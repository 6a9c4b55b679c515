package org.k8sca.kamatera.config;

import java.util.List;

/** A cloud config that does not validate; carries every problem found, in file order. */
public final class InvalidCloudConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigProblem> problems;
    private final String sourceName;

    public InvalidCloudConfigException(List<ConfigProblem> problems) {
        this("cloud config", problems);
    }

    /**
     * @param sourceName the file name (or other label) shown in the message
     */
    public InvalidCloudConfigException(String sourceName, List<ConfigProblem> problems) {
        super(
                problems.size()
                        + " problem(s) in "
                        + sourceName
                        + ", first: "
                        + (problems.isEmpty() ? "none" : describe(problems.get(0))));
        this.problems = List.copyOf(problems);
        this.sourceName = sourceName;
    }

    /** One line for a problem: {@code line 7: [nodegroup "ng1"] cpu: <message>}. */
    public static String describe(ConfigProblem problem) {
        StringBuilder s = new StringBuilder();
        if (problem.line() > 0) {
            s.append("line ").append(problem.line()).append(": ");
        }
        if (problem.section() != null) {
            s.append('[').append(problem.section()).append("] ");
        }
        if (problem.key() != null) {
            s.append(problem.key()).append(": ");
        }
        return s.append(problem.message()).toString();
    }

    public String sourceName() {
        return sourceName;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
