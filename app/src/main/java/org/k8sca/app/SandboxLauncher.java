package org.k8sca.app;

import java.io.PrintStream;

/**
 * What runs the {@code sandbox} subcommand. The sandbox is the testkit's virtual cluster, and
 * testkit depends on this module, so app cannot call it directly: the testkit registers an
 * implementation in {@code META-INF/services/org.k8sca.app.SandboxLauncher}, and {@link
 * SandboxCommand} finds it with {@link java.util.ServiceLoader}. The jar the {@code dist} module
 * builds holds both; a classpath without the testkit has no sandbox.
 */
public interface SandboxLauncher {

    /**
     * Runs the sandbox until its duration has passed or the process is asked to stop.
     *
     * @param options the command's parsed and checked options
     * @param out where the decisions and the summary lines go
     * @param err where problems go (and the autoscaler's log lines, with {@code -v})
     * @return the exit status, one of {@link ExitCodes}
     */
    int run(SandboxOptions options, PrintStream out, PrintStream err);
}
