package org.approvalrules.api.applicant;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;
import org.approvalrules.api.privacy.Masking;

/**
 * The applicant's identifier (GB/T 39046 申请者证件类型 + 申请者证件号码). Immutable and thread-safe.
 *
 * <p><b>Kinds.</b> A unified social credit code (统一社会信用代码, GB 32100) of an organisation and a resident
 * identity card number (居民身份证号码, GB 11643) of a person are checked at construction, including their check
 * character. A number valid under both schemes whose structure does not tell them apart is
 * {@link Type#ID_CARD_OR_CREDIT_CODE}. A 15-digit legacy identity card ({@link Type#LEGACY_ID_CARD}: 15 digits
 * whose characters 7–12 are a birth date 19YYMMDD), passports ({@link Type#PASSPORT}), 港澳台 permits
 * ({@link Type#HK_MACAO_TAIWAN_PERMIT}) and other documents ({@link Type#OTHER}) are opaque: 5 to 32 ASCII
 * letters and digits, not checked further.
 *
 * <p><b>Reading a number.</b> With the recorded 证件类型 ({@link #parse(CharSequence, IdType)}), the type decides.
 * Without it ({@link #parse(CharSequence)}), the text decides, and a valid identifier is never rejected:
 * <ul>
 *   <li>18 characters: valid as exactly one of credit code / ID number → that kind; valid as both → by structure
 *       ({@link #resolve}): an ID number starts with a province code (11–15, 21–23, 31–37, 41–46, 50–54, 61–65,
 *       71, 81–83) and has a birth year 1900–2099 in characters 7–10; a credit code starts with a registration
 *       authority and category of GB 32100 (11, 12, 13, 19, 21, 29, 31–35, 39, 41, 49, 51–53, 59, 61, 62, 69, 71,
 *       72, 79, 81, 89, 91–93 among the all-digit ones) and its characters 3–4 are a province code or 10 (central
 *       authorities). When exactly one reading is plausible it is taken, otherwise the kind is
 *       {@code ID_CARD_OR_CREDIT_CODE}. Valid as neither → rejected, with the reason of the likelier reading;</li>
 *   <li>15 digits → {@code LEGACY_ID_CARD} (rejected when characters 7–12 are not a date);</li>
 *   <li>{@code H}/{@code M} + 8 or 10 digits, {@code C} + 8 digits or a letter and 7 digits, {@code T} + 8 digits,
 *       or 8 digits → {@code HK_MACAO_TAIWAN_PERMIT}; any other 1–2 letters + 7–8 digits → {@code PASSPORT};</li>
 *   <li>anything else is rejected, asking for the 证件类型.</li>
 * </ul>
 *
 * <p><b>Equality.</b> Two identifiers are equal when their numbers are equal, whatever kind each was resolved
 * to: the same number read with and without a 证件类型 is the same applicant. {@link #type()} is information,
 * not identity.
 *
 * <p><b>Masking.</b> {@link #toString()} never shows the full identifier: {@link Masking#maskWhole} keeps the
 * first 4 and last 2 characters of 15 or more ({@code "9135************43"}; for a person the province and city
 * of the issuing office and the last two characters, so birth date and sequence stay hidden), the first 2 and
 * last 2 of 8 to 14 ({@code "E1*****78"}), and nothing of shorter ones. Because the text form is masked,
 * {@code parse(id.toString())} does not round-trip; {@link #value()} returns the raw identifier for the embedder
 * who has to store or transmit it, and the embedder then carries the responsibility of keeping it out of logs
 * and messages. Every exception of the library masks its message ({@link Masking#mask}).
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
 * @param type which kind of identifier (申请者证件类型, as resolved)
 * @param value the identifier, upper case (申请者证件号码); see the masking note before using it
 */
public record ApplicantId(Type type, String value) {

    /** The kind of identifier. */
    public enum Type implements Labelled {
        /** 统一社会信用代码 (GB 32100-2015): organisations, businesses, institutions. */
        CREDIT_CODE("统一社会信用代码", "unified social credit code"),
        /** 居民身份证号码 (GB 11643-1999): natural persons. */
        RESIDENT_ID("居民身份证号码", "resident identity card number"),
        /** Valid both as a 居民身份证号码 and as a 统一社会信用代码, and its structure does not tell which. */
        ID_CARD_OR_CREDIT_CODE("居民身份证号码或统一社会信用代码", "identity card number or credit code"),
        /** A 15-digit identity card number of the first generation (opaque). */
        LEGACY_ID_CARD("15位居民身份证号码", "15-digit identity card number"),
        /** A passport number (opaque). */
        PASSPORT("护照号码", "passport number"),
        /** A 港澳台 permit: 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 往来港澳/台湾通行证 (opaque). */
        HK_MACAO_TAIWAN_PERMIT("港澳台通行证号码", "Hong Kong, Macao or Taiwan permit number"),
        /** Any other document number (opaque). */
        OTHER("其他证件号码", "other identifier");

        private final BilingualText label;

        Type(String chineseName, String englishName) {
            this.label = BilingualText.of(chineseName, englishName);
        }

        @Override
        public BilingualText label() {
            return label;
        }

        /** Whether numbers of this kind are taken as given (only length and characters checked). */
        public boolean opaque() {
            return this == PASSPORT || this == HK_MACAO_TAIWAN_PERMIT || this == OTHER;
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

    private static final int LEGACY_LENGTH = 15;
    private static final int OPAQUE_MIN = 5;
    private static final int OPAQUE_MAX = 32;
    /** First two digits of a province-level division (GB/T 2260), including 71 台湾 and 81–83 港澳台居住证. */
    private static final java.util.Set<String> PROVINCES = java.util.Set.of("11", "12", "13", "14", "15", "21", "22",
            "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53",
            "54", "61", "62", "63", "64", "65", "71", "81", "82", "83");
    /** All-digit registration authority + category codes of GB 32100-2015 (its annex; see the class comment). */
    private static final java.util.Set<String> CREDIT_CATEGORIES = java.util.Set.of("11", "12", "13", "19", "21", "29",
            "31", "32", "33", "34", "35", "39", "41", "49", "51", "52", "53", "59", "61", "62", "69", "71", "72", "79",
            "81", "89", "91", "92", "93");

    public ApplicantId {
        InvalidValueException.requireNonNull(type, "applicantId.type");
        InvalidValueException.requireNonNull(value, "applicantId");
        value = upperAscii(value);
        String problem = problem(type, value);
        if (problem != null) {
            throw new InvalidValueException("applicantId", mask(value), problem);
        }
    }

    /** An identifier of the given kind; throws {@link InvalidValueException} (masked value) when invalid. */
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
     * Reads a number with its recorded 证件类型: the type decides the kind (a 居民身份证 of 15 digits is a
     * {@link Type#LEGACY_ID_CARD}; of 18 characters it must be a valid ID number, even when it is also a valid
     * credit code). A null type reads the number by its text alone ({@link #parse(CharSequence)}).
     *
     * @throws InvalidValueException (masked value) when the number is not valid for the type
     */
    public static ApplicantId parse(CharSequence text, IdType idType) {
        if (idType == null) {
            return parse(text);
        }
        InvalidValueException.requireNonNull(text, "applicantId");
        String s = upperAscii(text.toString());
        Type kind = idType.kind();
        if (kind == Type.RESIDENT_ID && s.length() == LEGACY_LENGTH) {
            kind = Type.LEGACY_ID_CARD;
        }
        String problem = problem(kind, s);
        if (problem != null) {
            throw new InvalidValueException("applicantId", mask(s), idType.code() + " " + idType.chineseName() + "：" + problem);
        }
        return new ApplicantId(kind, s);
    }

    /**
     * Reads a number without its 证件类型: the text decides (see the class comment). A number valid both as a
     * credit code and as an ID number is resolved by its structure or kept as {@link Type#ID_CARD_OR_CREDIT_CODE};
     * it is never rejected for that alone.
     *
     * @throws InvalidValueException (masked value) when the text is no identifier this class recognises
     */
    public static ApplicantId parse(CharSequence text) {
        InvalidValueException.requireNonNull(text, "applicantId");
        String s = upperAscii(text.toString());
        if (s.length() == LENGTH) {
            String asCredit = problem(Type.CREDIT_CODE, s);
            String asPerson = problem(Type.RESIDENT_ID, s);
            if (asCredit == null && asPerson == null) {
                return new ApplicantId(resolve(s), s);
            }
            if (asCredit == null) {
                return new ApplicantId(Type.CREDIT_CODE, s);
            }
            if (asPerson == null) {
                return new ApplicantId(Type.RESIDENT_ID, s);
            }
            boolean looksPersonal = allDigits(s, 0, 17);
            throw new InvalidValueException("applicantId", mask(s), looksPersonal ? asPerson : asCredit);
        }
        Type kind = shape(s);
        if (kind == null) {
            throw new InvalidValueException("applicantId", mask(s), "无法识别的证件号码（应为18位身份证号码或统一社会信用代码、15位身份证号码、"
                    + "护照或港澳台通行证号码），请给出证件类型 / unrecognised identifier (expected an 18-character ID number or "
                    + "credit code, a 15-digit ID number, a passport or permit number): give the identifier type");
        }
        return new ApplicantId(kind, s);
    }

    /**
     * The kind of a number valid both as a credit code and as an ID number, by its structure: the reading whose
     * structure is plausible when only one is (see the class comment), else {@link Type#ID_CARD_OR_CREDIT_CODE}.
     */
    static Type resolve(String s) {
        int year = Integer.parseInt(s.substring(6, 10));
        boolean person = PROVINCES.contains(s.substring(0, 2)) && year >= 1900 && year <= 2099;
        String authority = s.substring(2, 4);
        boolean credit = CREDIT_CATEGORIES.contains(s.substring(0, 2))
                && (PROVINCES.contains(authority) || authority.equals("10"));
        if (person == credit) {
            return Type.ID_CARD_OR_CREDIT_CODE;
        }
        return person ? Type.RESIDENT_ID : Type.CREDIT_CODE;
    }

    /** The kind of a text that is not 18 characters long, by its shape, or null when it has none we know. */
    private static Type shape(String s) {
        int n = s.length();
        if (n == LEGACY_LENGTH && allDigits(s, 0, n)) {
            return Type.LEGACY_ID_CARD;
        }
        int letters = 0;
        while (letters < n && s.charAt(letters) >= 'A' && s.charAt(letters) <= 'Z') {
            letters++;
        }
        int digits = n - letters;
        if (!allDigits(s, letters, n)) {
            return null;
        }
        if (letters == 0) {
            return n == 8 ? Type.HK_MACAO_TAIWAN_PERMIT : null;
        }
        char first = s.charAt(0);
        boolean permit = ((first == 'H' || first == 'M') && letters == 1 && (digits == 8 || digits == 10))
                || (first == 'C' && ((letters == 1 && digits == 8) || (letters == 2 && digits == 7)))
                || (first == 'T' && letters == 1 && digits == 8);
        if (permit) {
            return Type.HK_MACAO_TAIWAN_PERMIT;
        }
        return letters <= 2 && digits >= 7 && digits <= 8 ? Type.PASSPORT : null;
    }

    /** Whether {@code text} is a valid identifier of {@code type} (upper or lower case). Never throws on bad text. */
    public static boolean isValid(Type type, CharSequence text) {
        InvalidValueException.requireNonNull(type, "applicantId.type");
        return text != null && problem(type, upperAscii(text.toString())) == null;
    }

    /** Whether {@code text} is a valid 18-character identifier: a credit code or an ID number (or both). */
    public static boolean isValid(CharSequence text) {
        return isValid(Type.CREDIT_CODE, text) || isValid(Type.RESIDENT_ID, text);
    }

    /**
     * The mask used everywhere an identifier is shown ({@link Masking#maskWhole}): 15 or more characters keep
     * their first 4 and last 2, 8 to 14 their first 2 and last 2, shorter text is all {@code *}.
     * Null gives {@code "null"}.
     */
    public static String mask(CharSequence text) {
        return Masking.maskWhole(text);
    }

    /** The masked form, the same as {@link #toString()}, e.g. {@code "9135************43"}. */
    public String masked() {
        return mask(value);
    }

    /** Equal when the numbers are equal, whatever kind each was resolved to (see the class comment). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicantId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
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
        switch (type) {
            case LEGACY_ID_CARD:
                return legacyProblem(s);
            case PASSPORT, HK_MACAO_TAIWAN_PERMIT, OTHER:
                return opaqueProblem(type, s);
            default:
                break;
        }
        if (s.length() != LENGTH) {
            return type.chineseName() + "必须是18位 / a " + type.englishName() + " must have 18 characters, had " + s.length();
        }
        if (type == Type.ID_CARD_OR_CREDIT_CODE) {
            String p = creditCodeProblem(s);
            return p != null ? p : residentIdProblem(s);
        }
        return type == Type.CREDIT_CODE ? creditCodeProblem(s) : residentIdProblem(s);
    }

    private static String legacyProblem(String s) {
        if (s.length() != LEGACY_LENGTH || !allDigits(s, 0, LEGACY_LENGTH)) {
            return "15位身份证号码必须是15位数字 / a 15-digit ID number must be 15 digits";
        }
        try {
            LocalDate.of(1900 + Integer.parseInt(s.substring(6, 8)), Integer.parseInt(s.substring(8, 10)),
                    Integer.parseInt(s.substring(10, 12)));
            return null;
        } catch (DateTimeException e) {
            return "15位身份证号码第7至12位不是有效出生日期 / characters 7-12 of a 15-digit ID number are not a valid birth date";
        }
    }

    private static String opaqueProblem(Type type, String s) {
        if (s.length() < OPAQUE_MIN || s.length() > OPAQUE_MAX) {
            return type.chineseName() + "应为" + OPAQUE_MIN + "至" + OPAQUE_MAX + "位 / a " + type.englishName() + " must have "
                    + OPAQUE_MIN + " to " + OPAQUE_MAX + " characters, had " + s.length();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isDigit(c) && !(c >= 'A' && c <= 'Z')) {
                return type.chineseName() + "只能含字母和数字 / a " + type.englishName() + " may contain only letters and digits";
            }
        }
        return null;
    }

    private static String creditCodeProblem(String s) {
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            int v = creditValue(s.charAt(i));
            if (v < 0) {
                return "第" + (i + 1) + "位不在统一社会信用代码字符集内（不用I、O、S、V、Z）/ character " + (i + 1)
                        + " is outside the credit-code character set (no I, O, S, V, Z)";
            }
            if (i < 17) {
                sum += v * CREDIT_CODE_WEIGHTS[i];
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!isDigit(s.charAt(i))) {
                return "第3至8位（登记管理机关行政区划码）必须是数字 / characters 3-8 (registration division code) must be digits";
            }
        }
        if (CREDIT_CODE_CHARSET.charAt((31 - sum % 31) % 31) != s.charAt(17)) {
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

    /** Whether characters 7-14 (all digits: checked before) are a date from {@value #MIN_BIRTH_YEAR} on. */
    private static boolean validBirthDate(String s) {
        int year = number(s, 6, 10);
        int month = number(s, 10, 12);
        int day = number(s, 12, 14);
        return year >= MIN_BIRTH_YEAR && month >= 1 && month <= 12 && day >= 1
                && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year));
    }

    /** The decimal number of the digits {@code s[from, to)}. */
    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /** The GB 32100 value of {@code c} (its position in {@link #CREDIT_CODE_CHARSET}), or -1. */
    private static int creditValue(char c) {
        return c < CREDIT_VALUES.length ? CREDIT_VALUES[c] : -1;
    }

    /** {@link #CREDIT_CODE_CHARSET} inverted: the value of each ASCII character, -1 for those outside the set. */
    private static final byte[] CREDIT_VALUES = new byte[128];

    static {
        java.util.Arrays.fill(CREDIT_VALUES, (byte) -1);
        for (int i = 0; i < CREDIT_CODE_CHARSET.length(); i++) {
            CREDIT_VALUES[CREDIT_CODE_CHARSET.charAt(i)] = (byte) i;
        }
    }

    /**
     * Upper-cases ASCII letters only. {@code String.toUpperCase} would also turn a 17-character text
     * with a ligature such as {@code "ﬀ"} into 18 valid characters, silently repairing bad input.
     */
    private static String upperAscii(String s) {
        int first = 0;
        while (first < s.length() && (s.charAt(first) < 'a' || s.charAt(first) > 'z')) {
            first++;
        }
        if (first == s.length()) {
            return s; // nothing to change: most identifiers are written in upper case
        }
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            if (cs[i] >= 'a' && cs[i] <= 'z') {
                cs[i] = (char) (cs[i] - ('a' - 'A'));
            }
        }
        return new String(cs);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
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
