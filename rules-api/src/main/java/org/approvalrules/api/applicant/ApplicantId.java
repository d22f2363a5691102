package org.approvalrules.api.applicant;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;

/**
 * The applicant's identifier (GB/T 39046 申请者证件类型 + 申请者证件号码): either a unified social
 * credit code (统一社会信用代码, GB 32100) of an organisation, or a resident identity card number
 * (居民身份证号码, GB 11643) of a person. Both are checked at construction, including their check
 * character. Immutable and thread-safe; equality is by type and value.
 *
 * <p><b>Masking.</b> {@link #toString()} never shows the full identifier: it shows the first 4 and
 * last 2 characters with the 12 in between replaced by {@code *} (e.g. {@code "9135************43"};
 * for a person the first 4 are the province and city of the issuing office, the last 2 the last digit
 * of the sequence number and the check digit, so birth date and sequence stay hidden). The same mask
 * is used in every exception message and must be used in findings ({@link #masked()}). Because the
 * text form is masked, {@code parse(id.toString())} does not round-trip; {@link #value()} returns the
 * raw identifier for the embedder who has to store or transmit it, and the embedder then carries the
 * responsibility of keeping it out of logs and messages.
 *
 * <p><b>Normalisation.</b> Lower-case letters are accepted and normalised to upper case (a hand-typed
 * {@code x} at the end of an ID number, lower-case letters in a credit code), so equal identifiers are
 * equal objects. Whitespace is not trimmed: it is an error, as a stray space usually means a data fault.
 *
 * <p><b>What is checked.</b> Credit code: 18 characters from the GB 32100 character set, characters 3-8
 * (registration division code) digits, and the check character (weights 3^i mod 31, check = 31 − sum mod 31,
 * 31 → 0). The organisation-code part (9-17) is not checked against GB 11714, since codes issued since 2015 do
 * not always satisfy it. ID number: 17 digits, a birth date in characters 7-14 that exists and is from 1800 on
 * (a future date is not rejected: there is no clock here; rules compare with the case date), and the
 * ISO 7064 MOD 11-2 check character ({@code "10X98765432"}). Every single-character substitution of a valid
 * identifier is rejected by these checks.
 *
 * <p><b>Type codes.</b> GB/T 39046 records the identifier type (证件类型) beside the number, but its code
 * table could not be sourced for this project; {@link Type} therefore carries no standard code, and an
 * embedder maps its own codes onto it.
 *
 * @param type which kind of identifier (申请者证件类型)
 * @param value the 18 characters, upper case (申请者证件号码); see the masking note before using it
 */
public record ApplicantId(Type type, String value) {

    /** The kind of identifier (申请者证件类型). */
    public enum Type implements Labelled {
        /** 统一社会信用代码 (GB 32100-2015): organisations, businesses, institutions. */
        CREDIT_CODE("统一社会信用代码", "unified social credit code"),
        /** 居民身份证号码 (GB 11643-1999): natural persons. */
        RESIDENT_ID("居民身份证号码", "resident identity card number");

        private final BilingualText label;

        Type(String chineseName, String englishName) {
            this.label = BilingualText.of(chineseName, englishName);
        }

        @Override
        public BilingualText label() {
            return label;
        }
    }

    /** The 31 characters of GB 32100, in the order of their numeric values 0..30 (no I, O, S, V, Z). */
    public static final String CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] RESIDENT_ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_ID_CHECK = "10X98765432";
    /** Earliest birth year accepted in a resident ID number. */
    private static final int MIN_BIRTH_YEAR = 1800;
    private static final int LENGTH = 18;

    public ApplicantId {
        InvalidValueException.requireNonNull(type, "applicantId.type");
        InvalidValueException.requireNonNull(value, "applicantId");
        value = upperAscii(value);
        String problem = problem(type, value);
        if (problem != null) {
            throw new InvalidValueException("applicantId", mask(value), problem);
        }
    }

    /** An identifier of the given type; throws {@link InvalidValueException} (masked value) when invalid. */
    public static ApplicantId of(Type type, CharSequence value) {
        InvalidValueException.requireNonNull(value, "applicantId");
        return new ApplicantId(type, value.toString());
    }

    /** A unified social credit code (统一社会信用代码). */
    public static ApplicantId creditCode(CharSequence value) {
        return of(Type.CREDIT_CODE, value);
    }

    /** A resident identity card number (居民身份证号码). */
    public static ApplicantId residentId(CharSequence value) {
        return of(Type.RESIDENT_ID, value);
    }

    /**
     * Recognises the type from the text: valid as exactly one type → that type. Text valid as both
     * (an all-digit credit code that also passes the ID-number checks: rare but possible) is rejected
     * as ambiguous, never guessed; use {@link #of(Type, CharSequence)} with the recorded 证件类型.
     */
    public static ApplicantId parse(CharSequence text) {
        InvalidValueException.requireNonNull(text, "applicantId");
        String s = upperAscii(text.toString());
        String asCredit = problem(Type.CREDIT_CODE, s);
        String asPerson = problem(Type.RESIDENT_ID, s);
        if (asCredit == null && asPerson == null) {
            throw new InvalidValueException("applicantId", mask(s),
                    "既是有效的统一社会信用代码又是有效的身份证号码，请指明证件类型 / valid both as a credit code and as an ID "
                            + "number: give the identifier type");
        }
        if (asCredit == null) {
            return new ApplicantId(Type.CREDIT_CODE, s);
        }
        if (asPerson == null) {
            return new ApplicantId(Type.RESIDENT_ID, s);
        }
        boolean looksPersonal = s.length() == LENGTH && s.substring(0, 17).chars().allMatch(ApplicantId::isDigit);
        throw new InvalidValueException("applicantId", mask(s), looksPersonal ? asPerson : asCredit);
    }

    /** Whether {@code text} is a valid identifier of {@code type} (upper or lower case). Never throws on bad text. */
    public static boolean isValid(Type type, CharSequence text) {
        InvalidValueException.requireNonNull(type, "applicantId.type");
        return text != null && problem(type, upperAscii(text.toString())) == null;
    }

    /** Whether {@code text} is a valid identifier of either type. */
    public static boolean isValid(CharSequence text) {
        return isValid(Type.CREDIT_CODE, text) || isValid(Type.RESIDENT_ID, text);
    }

    /**
     * The mask used everywhere an identifier is shown: text of 18 or more characters keeps its first 4
     * and last 2 characters and shows {@code *} for the rest; shorter text is all {@code *}, since too
     * little of it would be hidden. Null gives {@code "null"}.
     */
    public static String mask(CharSequence text) {
        if (text == null) {
            return "null";
        }
        int n = text.length();
        if (n < LENGTH) {
            return "*".repeat(n);
        }
        return text.subSequence(0, 4) + "*".repeat(n - 6) + text.subSequence(n - 2, n);
    }

    /** The masked form, the same as {@link #toString()}, e.g. {@code "9135************43"}. */
    public String masked() {
        return mask(value);
    }

    /** The check character GB 32100 gives for the first 17 characters of a credit code. */
    public static char creditCodeCheckChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new InvalidValueException("applicantId", mask(first17),
                        "含统一社会信用代码字符集以外的字符 / contains a character outside the credit-code character set");
            }
            sum += v * CREDIT_CODE_WEIGHTS[i];
        }
        return CREDIT_CODE_CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** The check character ISO 7064 MOD 11-2 gives for the first 17 digits of an ID number. */
    public static char residentIdCheckChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (!isDigit(c)) {
                throw new InvalidValueException("applicantId", mask(first17),
                        "身份证号码前17位必须是数字 / the first 17 characters of an ID number must be digits");
            }
            sum += (c - '0') * RESIDENT_ID_WEIGHTS[i];
        }
        return RESIDENT_ID_CHECK.charAt(sum % 11);
    }

    /** What is wrong with {@code s} as an identifier of {@code type} (bilingual), or null when valid. */
    private static String problem(Type type, String s) {
        if (s.length() != LENGTH) {
            return type.chineseName() + "必须是18位 / a " + type.englishName() + " must have 18 characters, had " + s.length();
        }
        return type == Type.CREDIT_CODE ? creditCodeProblem(s) : residentIdProblem(s);
    }

    private static String creditCodeProblem(String s) {
        for (int i = 0; i < LENGTH; i++) {
            if (CREDIT_CODE_CHARSET.indexOf(s.charAt(i)) < 0) {
                return "第" + (i + 1) + "位不在统一社会信用代码字符集内（不用I、O、S、V、Z）/ character " + (i + 1)
                        + " is outside the credit-code character set (no I, O, S, V, Z)";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!isDigit(s.charAt(i))) {
                return "第3至8位（登记管理机关行政区划码）必须是数字 / characters 3-8 (registration division code) must be digits";
            }
        }
        if (creditCodeCheckChar(s) != s.charAt(17)) {
            return "统一社会信用代码校验码错误（GB 32100）/ wrong credit-code check character (GB 32100)";
        }
        return null;
    }

    private static String residentIdProblem(String s) {
        for (int i = 0; i < 17; i++) {
            if (!isDigit(s.charAt(i))) {
                return "身份证号码前17位必须是数字 / the first 17 characters of an ID number must be digits";
            }
        }
        char last = s.charAt(17);
        if (!isDigit(last) && last != 'X') {
            return "身份证号码第18位必须是数字或X / the 18th character of an ID number must be a digit or X";
        }
        if (!validBirthDate(s)) {
            return "身份证号码第7至14位不是有效出生日期（" + MIN_BIRTH_YEAR + "年起）/ characters 7-14 of an ID number are not "
                    + "a valid birth date (from " + MIN_BIRTH_YEAR + ")";
        }
        if (residentIdCheckChar(s) != last) {
            return "身份证号码校验码错误（ISO 7064 MOD 11-2）/ wrong ID-number check digit (ISO 7064 MOD 11-2)";
        }
        return null;
    }

    private static boolean validBirthDate(String s) {
        int year = Integer.parseInt(s.substring(6, 10));
        int month = Integer.parseInt(s.substring(10, 12));
        int day = Integer.parseInt(s.substring(12, 14));
        if (year < MIN_BIRTH_YEAR) {
            return false;
        }
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * Upper-cases ASCII letters only. {@code String.toUpperCase} would also turn a 17-character text
     * with a ligature such as {@code "ﬀ"} into 18 valid characters, silently repairing bad input.
     */
    private static String upperAscii(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            if (cs[i] >= 'a' && cs[i] <= 'z') {
                cs[i] = (char) (cs[i] - ('a' - 'A'));
            }
        }
        return new String(cs);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The masked identifier ({@link #masked()}); never the full value. */
    @Override
    public String toString() {
        return masked();
    }
}
