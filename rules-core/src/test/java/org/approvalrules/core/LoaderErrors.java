package org.approvalrules.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.DataFormatException;

/**
 * The property the loader fuzz tests check (docs/FUZZING.md): for any file content a loader returns
 * a value or throws a library exception ({@link ApprovalRulesException}: a DataFormatException, a
 * rule-pack exception) whose message names the file. Any other exception, and a library exception
 * that does not say which file (e.g. a bare InvalidValueException), escapes from {@link #valueOrNull}
 * and the fuzzer reports it as a finding.
 */
public final class LoaderErrors {

    private LoaderErrors() {
    }

    /**
     * The value {@code load} returns, or null when it threw a library exception whose message contains
     * {@code file} (a file name or the directory all the loaded files are in).
     */
    public static <T> T valueOrNull(String file, Supplier<T> load) {
        T value;
        try {
            value = load.get();
        } catch (ApprovalRulesException e) {
            if (e.getMessage() == null || !e.getMessage().contains(file)) {
                throw new AssertionError("error does not name the file " + file + ": " + e, e);
            }
            if (e instanceof DataFormatException d && (d.file() == null || !d.file().contains(file))) {
                throw new AssertionError("DataFormatException.file() does not name " + file + ": " + d.file(), e);
            }
            return null;
        }
        if (value == null) {
            throw new AssertionError("loader returned null instead of a value or a typed error");
        }
        return value;
    }

    /**
     * Splits fuzzer bytes into {@code n} file contents at separator lines {@code %%}; a part keeps its
     * final newline, missing parts are empty, the last part keeps any further separators. Bytes are
     * kept as they are, so malformed UTF-8 reaches the loader; seeds stay readable.
     */
    public static byte[][] parts(byte[] input, int n) {
        byte[][] out = new byte[n][];
        int from = 0;
        for (int k = 0; k < n; k++) {
            if (k == n - 1 || from >= input.length) {
                out[k] = Arrays.copyOfRange(input, Math.min(from, input.length), input.length);
                from = input.length;
            } else if (startsWith(input, from, SEPARATOR, 1)) {
                out[k] = new byte[0];
                from += SEPARATOR.length - 1;
            } else {
                int sep = indexOf(input, from, SEPARATOR);
                int end = sep < 0 ? input.length : sep + 1;
                out[k] = Arrays.copyOfRange(input, from, end);
                from = sep < 0 ? input.length : sep + SEPARATOR.length;
            }
        }
        return out;
    }

    private static final byte[] SEPARATOR = "\n%%\n".getBytes(StandardCharsets.US_ASCII);

    private static int indexOf(byte[] input, int from, byte[] needle) {
        for (int i = from; i <= input.length - needle.length; i++) {
            if (startsWith(input, i, needle, 0)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code input} at {@code at} holds {@code needle} from index {@code skip} on. */
    private static boolean startsWith(byte[] input, int at, byte[] needle, int skip) {
        if (at + needle.length - skip > input.length) {
            return false;
        }
        for (int j = skip; j < needle.length; j++) {
            if (input[at + j - skip] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
