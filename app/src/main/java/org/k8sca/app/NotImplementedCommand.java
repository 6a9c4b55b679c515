package org.k8sca.app;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A subcommand of the public contract that is not built yet. It fails with a clear message and
 * {@link ExitCodes#USAGE} whatever its arguments, rather than pretending to work or complaining
 * about flags it will accept once it exists.
 */
abstract class NotImplementedCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** Collected only so that the arguments do not hide the real reason for the failure. */
    @Unmatched List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        spec.commandLine()
                .getErr()
                .println(
                        spec.qualifiedName()
                                + ": the '"
                                + spec.name()
                                + "' subcommand is not implemented yet; this version provides"
                                + " 'validate-config' and 'simulate' (see '"
                                + CommandLineRunner.PROGRAM
                                + " --help')");
        spec.commandLine().getErr().flush();
        return ExitCodes.USAGE;
    }
}
