package org.k8sca.app;

/**
 * The process exit statuses of every subcommand. They are part of the public command-line contract
 * (docs/cli.md): scripts test them, so their meanings never change.
 */
public final class ExitCodes {
    /** The command did what was asked (for validate-config: the file is valid). */
    public static final int OK = 0;

    /** The input was read but is wrong (for validate-config: the file has problems). */
    public static final int INVALID_INPUT = 1;

    /** Bad arguments, an unreadable file, or a subcommand this build does not contain. */
    public static final int USAGE = 2;

    /** An unexpected failure inside the program: a bug, never a user mistake. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {}
}
