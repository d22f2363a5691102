package org.approvalrules.api;

/**
 * User-facing text: Chinese first (read by civil servants), English alongside.
 * Immutable and thread-safe. {@code toString()} is {@code "中文 / English"}.
 */
public record BilingualText(String zh, String en) {
    public BilingualText {
        InvalidValueException.requireNonNull(zh, "zh");
        InvalidValueException.requireNonNull(en, "en");
    }

    /** Creates a text from its Chinese and English forms. */
    public static BilingualText of(String zh, String en) {
        return new BilingualText(zh, en);
    }

    @Override
    public String toString() {
        return zh + " / " + en;
    }
}
