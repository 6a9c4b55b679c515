package org.k8sca.kamatera.config;

import java.util.List;

/** A cloud config that does not validate; carries every problem found, in file order. */
public final class InvalidCloudConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigProblem> problems;

    public InvalidCloudConfigException(List<ConfigProblem> problems) {
        super(problems.size() + " problem(s) in cloud config, first: "
                + (problems.isEmpty() ? "none" : problems.get(0).message()));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
