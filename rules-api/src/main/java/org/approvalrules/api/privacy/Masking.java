package org.approvalrules.api.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The one masking function for personal and organisational identifiers in any text the library or the
 * command shows: exception messages, warnings, findings, traces, logs and the command's output streams.
 *
 * <h2>What is masked</h2>
 * The text is cut into <em>tokens</em>: maximal runs of ASCII letters and digits (anything else, including
 * Chinese characters, punctuation, {@code +}, {@code -} and spaces, separates tokens). A token is masked when
 * it has one of these shapes (letters in any case):
 * <ul>
 *   <li>18 characters shaped like a 居民身份证号码 (17 digits, then a digit or {@code X}) or like a
 *       统一社会信用代码 (18 characters of the GB 32100 set, characters 3–8 digits) — the check character is
 *       <em>not</em> required, so a mistyped number is masked too;</li>
 *   <li>15 digits (a legacy 15-digit identity card);</li>
 *   <li>11 digits starting {@code 13}–{@code 19} (a mainland mobile number), also after {@code 86} or
 *       {@code 0086} in the same token ({@code +8613812345678}: the 11 digits after {@code 86} are masked);</li>
 *   <li>1 or 2 letters followed by 7 to 10 digits: passports ({@code E12345678}, {@code G1234567},
 *       {@code SE1234567}), 港澳居民来往内地通行证 ({@code H12345678}, {@code M1234567890}), 往来港澳通行证
 *       ({@code C12345678}, {@code CA1234567}), 大陆居民往来台湾通行证 ({@code T12345678}).</li>
 * </ul>
 * A digits-only shape is left alone when it is part of a decimal number (a {@code .} and a digit next to it),
 * so amounts are never masked. In a token longer than 18 characters (an identifier glued to other letters or
 * digits, e.g. inside an item code), every 18-character window that is a <em>valid</em> 身份证号 (birth date and
 * check digit) or a <em>valid</em> 统一社会信用代码 (check character, any case) is masked; other shapes are
 * not looked for inside longer tokens, since without a check character they cannot be told from other numbers.
 *
 * <h2>How a match is masked</h2>
 * Each character of the match is replaced by {@code *} except a short prefix and suffix, so the output has
 * exactly the length of the input (one {@code *} per hidden {@code char}) and a person can still match it to
 * the record: 15 or more characters keep the first 4 and the last 2 ({@code 1101************2X}: for a
 * person the province and city of issue and the last two characters, never the birth date or sequence);
 * 8 to 14 characters keep the first 2 and the last 2 ({@code 13*******78}, {@code E1*****78}); shorter
 * matches are all {@code *}.
 *
 * <h2>Known limits</h2>
 * A bare 8-digit 台胞证 number or a 10-digit old 台胞证 number cannot be told from counts, amounts and dates
 * in free text and is not masked there; as an {@code ApplicantId} (kind {@code HK_MACAO_TAIWAN_PERMIT}) it is
 * always masked. Full-width digits and numbers written with spaces or hyphens ({@code 138-1234-5678}) are
 * not recognised. Foreign passports have no common shape: only those of the shapes above are recognised.
 * Text that merely has a shape is masked too (an 18-digit number in a path, as in a temporary directory's
 * name): exceptions therefore keep the caller's file paths out of masking (see {@code DataFormatException}),
 * while a masked output stream masks whatever it prints.
 *
 * <p>The scan is a single left-to-right pass without regular expressions: O(n) per character of input
 * (at most 18 checks of 18 characters per position inside long tokens), no backtracking. Tokens shorter than the
 * shortest shape (8) are skipped at once, and inside a long token a non-digit at offsets 3–8 of a window (where
 * both 18-character shapes need digits) skips every window it rules out; the masking is exactly the same.
 */
public final class Masking {

    /** The GB 32100 character set of a credit code (no I, O, S, V, Z). */
    private static final String CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] RESIDENT_ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_ID_CHECK = "10X98765432";
    private static final int ID_LENGTH = 18;
    /** The shortest match of any shape (1 letter and 7 digits): shorter tokens are never masked. */
    private static final int SHORTEST = 8;
    /** The value of each ASCII character in {@link #CREDIT_CODE_CHARSET} (either case), else -1. */
    private static final byte[] CREDIT_CODE_VALUE = new byte[128];

    static {
        java.util.Arrays.fill(CREDIT_CODE_VALUE, (byte) -1);
        for (int v = 0; v < CREDIT_CODE_CHARSET.length(); v++) {
            char c = CREDIT_CODE_CHARSET.charAt(v);
            CREDIT_CODE_VALUE[c] = (byte) v;
            CREDIT_CODE_VALUE[Character.toLowerCase(c)] = (byte) v;
        }
    }

    private Masking() {
    }

    /**
     * The text with every identifier-shaped token masked (see the class comment); {@code null} gives
     * {@code "null"}. The result has the same length as the input.
     */
    public static String mask(CharSequence text) {
        if (text == null) {
            return "null";
        }
        int n = text.length();
        char[] out = null;
        int i = 0;
        while (i < n) {
            if (!isAsciiAlnum(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && isAsciiAlnum(text.charAt(end))) {
                end++;
            }
            if (end - i >= SHORTEST) {
                out = maskToken(text, i, end, out);
            }
            i = end;
        }
        return out == null ? text.toString() : new String(out);
    }

    /** Whether {@link #mask(CharSequence)} would change {@code text}. */
    public static boolean containsIdentifier(CharSequence text) {
        return text != null && !mask(text).contentEquals(text);
    }

    /**
     * Masks a value known to be an identifier as a whole, whatever its shape (the rule of the class comment:
     * 15+ characters keep 4 and 2, 8–14 keep 2 and 2, shorter are all {@code *}). {@code null} gives
     * {@code "null"}.
     */
    public static String maskWhole(CharSequence value) {
        if (value == null) {
            return "null";
        }
        char[] out = value.toString().toCharArray();
        hide(out, 0, out.length);
        return new String(out);
    }

    private static char[] maskToken(CharSequence t, int from, int to, char[] out) {
        int len = to - from;
        if (len == ID_LENGTH) {
            return isResidentIdShape(t, from) || isCreditCodeShape(t, from) ? hide(t, out, from, to) : out;
        }
        if (len > ID_LENGTH) {
            int i = from;
            while (i + ID_LENGTH <= to) {
                // both shapes need digits at offsets 2-7: a non-digit there rules out every window up to it
                int nonDigit = lastNonDigit(t, i + 2, i + 8);
                if (nonDigit >= 0) {
                    i = nonDigit - 1;
                    continue;
                }
                if (isValidResidentId(t, i) || isValidCreditCode(t, i)) {
                    out = hide(t, out, i, i + ID_LENGTH);
                    // the last 2 stay visible: a window starting there must still be checked
                    i += ID_LENGTH - 2;
                } else {
                    i++;
                }
            }
            return out;
        }
        int letters = 0;
        while (letters < len && isAsciiLetter(t.charAt(from + letters))) {
            letters++;
        }
        int digits = len - letters;
        if (!allDigits(t, from + letters, to)) {
            return out;
        }
        if (letters == 0) {
            if (partOfDecimal(t, from, to)) {
                return out;
            }
            if (len == 15) {
                return isPhone(t, from + 4) && t.charAt(from) == '0' && t.charAt(from + 1) == '0'
                        && t.charAt(from + 2) == '8' && t.charAt(from + 3) == '6'
                        ? hide(t, out, from + 4, to) : hide(t, out, from, to);
            }
            if (len == 11 && isPhone(t, from)) {
                return hide(t, out, from, to);
            }
            if (len == 13 && t.charAt(from) == '8' && t.charAt(from + 1) == '6' && isPhone(t, from + 2)) {
                return hide(t, out, from + 2, to);
            }
            return out;
        }
        if (letters <= 2 && digits >= 7 && digits <= 10) {
            return hide(t, out, from, to);
        }
        return out;
    }

    /** Hides [from, to) of the text in {@code out}, creating {@code out} from the text on first use. */
    private static char[] hide(CharSequence t, char[] out, int from, int to) {
        char[] o = out;
        if (o == null) {
            o = new char[t.length()];
            for (int i = 0; i < o.length; i++) {
                o[i] = t.charAt(i);
            }
        }
        hide(o, from, to);
        return o;
    }

    private static char[] hide(char[] o, int from, int to) {
        int len = to - from;
        int keepHead = len >= 15 ? 4 : len >= 8 ? 2 : 0;
        int keepTail = len >= 8 ? 2 : 0;
        for (int i = from + keepHead; i < to - keepTail; i++) {
            o[i] = '*';
        }
        return o;
    }

    private static boolean partOfDecimal(CharSequence t, int from, int to) {
        boolean before = from >= 2 && t.charAt(from - 1) == '.' && isDigit(t.charAt(from - 2));
        boolean after = to + 1 < t.length() && t.charAt(to) == '.' && isDigit(t.charAt(to + 1));
        return before || after;
    }

    private static boolean isPhone(CharSequence t, int from) {
        return t.length() >= from + 11 && t.charAt(from) == '1' && t.charAt(from + 1) >= '3' && t.charAt(from + 1) <= '9';
    }

    private static boolean isResidentIdShape(CharSequence t, int from) {
        if (!allDigits(t, from, from + 17)) {
            return false;
        }
        char last = t.charAt(from + 17);
        return isDigit(last) || last == 'X' || last == 'x';
    }

    private static boolean isCreditCodeShape(CharSequence t, int from) {
        for (int i = 0; i < ID_LENGTH; i++) {
            if (creditCodeValue(t.charAt(from + i)) < 0) {
                return false;
            }
        }
        return allDigits(t, from + 2, from + 8);
    }

    /** A valid 身份证号 at {@code from} (17 digits, a real birth date from 1800, the MOD 11-2 check). */
    private static boolean isValidResidentId(CharSequence t, int from) {
        if (!isResidentIdShape(t, from)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (t.charAt(from + i) - '0') * RESIDENT_ID_WEIGHTS[i];
        }
        if (RESIDENT_ID_CHECK.charAt(sum % 11) != upper(t.charAt(from + 17))) {
            return false;
        }
        int year = number(t, from + 6, 4);
        if (year < 1800) {
            return false;
        }
        try {
            LocalDate.of(year, number(t, from + 10, 2), number(t, from + 12, 2));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** A valid 统一社会信用代码 at {@code from}, any case (GB 32100 set, digits 3–8, the check character). */
    private static boolean isValidCreditCode(CharSequence t, int from) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = creditCodeValue(t.charAt(from + i));
            if (v < 0) {
                return false;
            }
            sum += v * CREDIT_CODE_WEIGHTS[i];
        }
        return allDigits(t, from + 2, from + 8) && CREDIT_CODE_CHARSET.charAt((31 - sum % 31) % 31) == upper(t.charAt(from + 17));
    }

    /** The value of {@code c} in the credit code set (either case), or -1. */
    private static int creditCodeValue(char c) {
        return c < 128 ? CREDIT_CODE_VALUE[c] : -1;
    }

    /** The index of the last non-digit in [from, to), or -1 when all are digits. */
    private static int lastNonDigit(CharSequence t, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (!isDigit(t.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int number(CharSequence t, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            v = v * 10 + t.charAt(i) - '0';
        }
        return v;
    }

    private static boolean allDigits(CharSequence t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }
}
