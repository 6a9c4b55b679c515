package org.k8sca.kamatera.config.golang;

/** A Go parse function's error; the message is Go's error text. */
public final class GoParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public GoParseException(String message) {
        super(message);
    }
}
