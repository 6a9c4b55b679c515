package org.k8sca.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code kamatera-autoscaler} command itself: only help and version; the work is in
 * subcommands.
 */
@Command(
        name = CommandLineRunner.PROGRAM,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Kubernetes cluster autoscaler for Kamatera cloud servers.",
            "Without a subcommand, 'run' is meant (as the upstream autoscaler is started with flags"
                    + " only)."
        })
final class TopCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        // Not reached in practice: CommandLineRunner supplies 'run' when no subcommand is given.
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
