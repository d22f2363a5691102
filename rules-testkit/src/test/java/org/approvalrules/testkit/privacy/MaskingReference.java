package org.approvalrules.testkit.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The test oracle: {@code Masking.mask} exactly as it was before its fast paths (short tokens skipped, windows ruled
 * out by a non-digit skipped, a table for the credit code set), kept unchanged so that
 * {@link MaskingFastPathPropertyTest} can show the fast scan masks exactly what the old one masked.
 */
final class MaskingReference {

    /** The GB 32100 character set of a credit code (no I, O, S, V, Z). */
    private static final String CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] RESIDENT_ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_ID_CHECK = "10X98765432";
    private static final int ID_LENGTH = 18;

    private MaskingReference() {
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
            out = maskToken(text, i, end, out);
            i = end;
        }
        return out == null ? text.toString() : new String(out);
    }

    private static char[] maskToken(CharSequence t, int from, int to, char[] out) {
        int len = to - from;
        if (len == ID_LENGTH) {
            return isResidentIdShape(t, from) || isCreditCodeShape(t, from) ? hide(t, out, from, to) : out;
        }
        if (len > ID_LENGTH) {
            int i = from;
            while (i + ID_LENGTH <= to) {
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
            if (CREDIT_CODE_CHARSET.indexOf(upper(t.charAt(from + i))) < 0) {
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
            int v = CREDIT_CODE_CHARSET.indexOf(upper(t.charAt(from + i)));
            if (v < 0) {
                return false;
            }
            sum += v * CREDIT_CODE_WEIGHTS[i];
        }
        return allDigits(t, from + 2, from + 8) && CREDIT_CODE_CHARSET.charAt((31 - sum % 31) % 31) == upper(t.charAt(from + 17));
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
