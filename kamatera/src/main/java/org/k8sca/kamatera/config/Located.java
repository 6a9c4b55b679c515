package org.k8sca.kamatera.config;

/**
 * A value read from the file and the line it came from.
 *
 * @param line 1-based line of the variable
 */
record Located<T>(T value, int line) {
    /** Values may be secrets, so they are never printed. */
    @Override
    public String toString() {
        return "Located[line=" + line + "]";
    }
}
