package io.github.targetscore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer for one of several threads sharing an output: it holds text until a line ends,
 * then writes the whole line to the shared writer and flushes it while holding the shared
 * writer's lock, so that lines of different threads never interleave.
 */
final class LineWriter extends Writer {

    private final Writer sink;
    private final StringBuilder line = new StringBuilder();

    private LineWriter(Writer sink) {
        this.sink = sink;
    }

    /** A printer for one thread whose whole lines go to {@code sink}. */
    static PrintWriter over(Writer sink) {
        return new PrintWriter(new LineWriter(sink));
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            line.append(text[i]);
            if (text[i] == '\n') {
                emit();
            }
        }
    }

    /** Keeps an unfinished line: it is written when it ends, or ended on {@link #close()}. */
    @Override
    public void flush() {
        // whole lines only
    }

    /** Ends and writes an unfinished line; the shared writer stays open. */
    @Override
    public void close() throws IOException {
        if (line.length() > 0) {
            line.append(System.lineSeparator());
            emit();
        }
    }

    private void emit() throws IOException {
        synchronized (sink) {
            sink.write(line.toString());
            sink.flush();
        }
        line.setLength(0);
    }
}
