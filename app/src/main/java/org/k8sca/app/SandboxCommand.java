package org.k8sca.app;

import picocli.CommandLine.Command;

/** The {@code sandbox} subcommand, which a later issue implements. */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The embedded demo cluster. NOT IMPLEMENTED YET.")
final class SandboxCommand extends NotImplementedCommand {}
