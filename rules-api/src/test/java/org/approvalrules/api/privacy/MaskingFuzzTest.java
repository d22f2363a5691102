package org.approvalrules.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.approvalrules.api.TypedErrors;
import org.approvalrules.api.applicant.ApplicantId;

/**
 * Fuzzes {@link Masking#mask}: for any text, the output has the input's length, differs from it only by
 * {@code *}, and no valid identifier of the input survives at its place: neither an 18-character window that
 * {@link ApplicantId#isValid(CharSequence)} accepts (anywhere, also inside longer runs of letters and digits),
 * nor a whole token (a maximal run of ASCII letters and digits) that {@link ApplicantId#parse(CharSequence)}
 * accepts — except the two documented exceptions: a bare 8-digit number (台胞证) and a digits-only token that
 * is part of a decimal number.
 */
class MaskingFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void mask(byte[] input) {
        String text = TypedErrors.text(input);
        String out = Masking.mask(text);
        assertThat(out).hasSameSizeAs(text);
        for (int i = 0; i < text.length(); i++) {
            assertThat(out.charAt(i) == text.charAt(i) || out.charAt(i) == '*').as("only * replaces").isTrue();
        }
        for (int i = 0; i + 18 <= text.length(); i++) {
            String w = text.substring(i, i + 18);
            if (ApplicantId.isValid(w)) {
                assertThat(out.substring(i, i + 18)).as("valid identifier at %d", i).isNotEqualTo(w);
            }
        }
        int i = 0;
        while (i < text.length()) {
            if (!alnum(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && alnum(text.charAt(end))) {
                end++;
            }
            String token = text.substring(i, end);
            if (recognised(token) && !(allDigits(token) && (token.length() == 8 || decimal(text, i, end)))) {
                assertThat(out.substring(i, end)).as("identifier token %s", token).isNotEqualTo(token);
            }
            i = end;
        }
        // not asserted: idempotence. Masking a window inside a long token can leave a fragment that is itself
        // a shape (No1211011911… → No1211011911****…: "No1211011911" is 2 letters + 10 digits), masked on a second pass.
    }

    private static boolean recognised(String token) {
        try {
            ApplicantId.parse(token);
            return true;
        } catch (org.approvalrules.api.InvalidValueException e) {
            return false;
        }
    }

    private static boolean decimal(String t, int from, int to) {
        return (from >= 2 && t.charAt(from - 1) == '.' && Character.isDigit(t.charAt(from - 2)))
                || (to + 1 < t.length() && t.charAt(to) == '.' && Character.isDigit(t.charAt(to + 1)));
    }

    private static boolean allDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean alnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
