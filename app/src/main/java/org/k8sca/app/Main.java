package org.k8sca.app;

/** Process entry point. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        System.err.println("kamatera-autoscaler: no subcommand implemented yet");
        return 2;
    }
}
