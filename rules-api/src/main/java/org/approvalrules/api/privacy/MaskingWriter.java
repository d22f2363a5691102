package org.approvalrules.api.privacy;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that passes every line through {@link Masking#mask(CharSequence)} before it reaches the
 * underlying writer: for output streams (the command's stdout and stderr) that echo values from input files.
 * Text is held until a line break (or {@link #flush()}, {@link #close()}, or 64 K characters without one), so
 * an identifier printed as part of a line is masked whole; only an identifier written in two pieces with a
 * flush between them could escape. Not thread-safe on its own (wrap it in a {@code PrintWriter},
 * which locks).
 */
public final class MaskingWriter extends Writer {
    /** Longest partial line held back on flush before it is written anyway. */
    private static final int MAX_PENDING = 1 << 16;
    private final Writer out;
    private final StringBuilder pending = new StringBuilder();

    public MaskingWriter(Writer out) {
        this.out = java.util.Objects.requireNonNull(out, "out");
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        int from = off;
        for (int i = off; i < off + len; i++) {
            if (cbuf[i] == '\n') { // a line is complete: append it in one piece and mask it
                pending.append(cbuf, from, i + 1 - from);
                emit();
                from = i + 1;
            }
        }
        pending.append(cbuf, from, off + len - from);
        if (pending.length() > MAX_PENDING) {
            emit();
        }
    }

    @Override
    public void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        emit();
        out.close();
    }

    private void emit() throws IOException {
        if (pending.length() > 0) {
            out.write(Masking.mask(pending));
            pending.setLength(0);
        }
    }
}
