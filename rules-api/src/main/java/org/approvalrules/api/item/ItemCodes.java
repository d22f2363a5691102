package org.approvalrules.api.item;

import org.approvalrules.api.InvalidValueException;

/**
 * Checks for the codes that identify items and cases in GB/T 39046 records (基本编码, 实施编码, 办件编号).
 * Their finer structure differs between the national catalogue and local platforms, so only what
 * holds everywhere is checked: 1 to 64 characters, each an ASCII digit, an upper-case ASCII letter or
 * a hyphen. Lower case, spaces, full-width characters and Chinese text are rejected (they are the usual
 * symptoms of a column shifted or a name pasted into a code field).
 */
public final class ItemCodes {

    /** The longest code accepted. */
    public static final int MAX_LENGTH = 64;

    private ItemCodes() {
    }

    /** Returns {@code code} if it is well formed, else throws naming {@code field}. */
    public static String requireCode(String code, String field) {
        InvalidValueException.requireNonNull(code, field);
        if (!isWellFormed(code)) {
            throw new InvalidValueException(field, code,
                    "编码须为1至" + MAX_LENGTH + "位数字、大写字母或连字符 / a code must be 1.." + MAX_LENGTH
                            + " ASCII digits, upper-case letters or hyphens");
        }
        return code;
    }

    /** Whether {@code code} is well formed (see the class comment). */
    public static boolean isWellFormed(CharSequence code) {
        if (code == null || code.isEmpty() || code.length() > MAX_LENGTH) {
            return false;
        }
        return code.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '-');
    }

    /** Returns {@code text} if it is not blank, else throws naming {@code field}. */
    public static String requireText(String text, String field) {
        InvalidValueException.requireNonNull(text, field);
        if (text.isBlank()) {
            throw new InvalidValueException(field, text, "不能为空白 / must not be blank");
        }
        return text;
    }
}
