package org.k8sca.app;

import picocli.CommandLine.Command;

/** The {@code simulate} subcommand, which a later issue implements. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "One offline decision pass over a recorded snapshot. NOT IMPLEMENTED YET.")
final class SimulateCommand extends NotImplementedCommand {}
