package org.approvalrules.api;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The property every fuzz test checks (docs/FUZZING.md): for any input a parser returns a value or
 * throws an {@link ApprovalRulesException} with a non-blank message. Anything else (a
 * NullPointerException, an index or number-format exception, a raw java.time or Jackson exception,
 * a null result) escapes from {@link #valueOrNull} and the fuzzer reports it as a finding.
 */
public final class TypedErrors {

    private TypedErrors() {
    }

    /** The value {@code parse} returns, or null when it threw a typed exception with a message. */
    public static <T> T valueOrNull(Supplier<T> parse) {
        return valueOrNull(parse, e -> { });
    }

    /** Like {@link #valueOrNull(Supplier)}, handing the typed exception to {@code onError} for further checks. */
    public static <T> T valueOrNull(Supplier<T> parse, Consumer<ApprovalRulesException> onError) {
        T value;
        try {
            value = parse.get();
        } catch (ApprovalRulesException e) {
            String message = e.getMessage();
            if (message == null || message.isBlank()) {
                throw new AssertionError("typed exception without a message: " + e.getClass().getName(), e);
            }
            onError.accept(e);
            return null;
        }
        if (value == null) {
            throw new AssertionError("parser returned null instead of a value or a typed exception");
        }
        return value;
    }

    /** Fuzzer bytes as text (UTF-8; malformed sequences become U+FFFD). */
    public static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }
}
