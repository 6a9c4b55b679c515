package org.k8sca.app;

import java.io.PrintStream;
import java.io.Writer;

/**
 * A {@link Writer} onto a {@link PrintStream} that keeps the stream's own encoding. (A {@code
 * PrintWriter(OutputStream)} would re-encode with the platform charset, so picocli's messages could
 * differ in encoding from everything else printed.)
 */
final class PrintStreamWriter extends Writer {
    private final PrintStream stream;

    PrintStreamWriter(PrintStream stream) {
        this.stream = stream;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        stream.print(new String(chars, offset, length));
    }

    @Override
    public void flush() {
        stream.flush();
    }

    /** The stream belongs to the caller. */
    @Override
    public void close() {
        stream.flush();
    }
}
