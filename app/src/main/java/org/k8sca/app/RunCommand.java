package org.k8sca.app;

import picocli.CommandLine.Command;

/** The {@code run} subcommand, which a later issue implements. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The autoscaler itself (the default subcommand). NOT IMPLEMENTED YET.")
final class RunCommand extends NotImplementedCommand {}
