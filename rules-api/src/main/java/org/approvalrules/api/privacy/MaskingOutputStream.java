package org.approvalrules.api.privacy;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that masks each line ({@link Masking#mask(CharSequence)}) before passing it on: for
 * {@code System.out} and {@code System.err}, where third-party code (a logging back end, the rule engine) may
 * print. It works on the bytes of any ASCII-compatible encoding such as UTF-8: identifiers are ASCII letters and
 * digits, and the bytes of multi-byte characters (0x80 and above in UTF-8) separate tokens, so every byte that is
 * not masked passes unchanged and the output has the input's length. Lines are held until {@code '\n'},
 * {@link #flush()}, {@link #close()} or 64 KiB.
 */
public final class MaskingOutputStream extends FilterOutputStream {
    private static final int MAX_PENDING = 1 << 16;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public MaskingOutputStream(OutputStream out) {
        super(java.util.Objects.requireNonNull(out, "out"));
    }

    @Override
    public void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n' || pending.size() > MAX_PENDING) {
            emit();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
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
        if (pending.size() > 0) {
            // ISO-8859-1 maps each byte to one char and back, so bytes outside identifiers are untouched
            String line = pending.toString(StandardCharsets.ISO_8859_1);
            out.write(Masking.mask(line).getBytes(StandardCharsets.ISO_8859_1));
            pending.reset();
        }
    }
}
