package org.approvalrules.testkit.applicant;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.applicant.ApplicantId.Type;
import org.approvalrules.api.applicant.IdType;
import org.approvalrules.api.privacy.Masking;

/**
 * A frozen copy of {@code ApplicantId.parse} as it was before its checks were made cheaper (character table, date by
 * arithmetic, no copy of upper-case text): the reference {@link ApplicantIdFastPathPropertyTest} compares with. The
 * constructor's own re-check is folded in: a kind and value it returns are those {@code new ApplicantId} accepted.
 */
final class ApplicantIdReference {

    /** What a parse gives: the kind and value, or the masked value and the reason. */
    record Result(Type type, String value, String masked, String problem) {
    }

    private ApplicantIdReference() {
    }

    private static Result made(Type type, String value) {
        String p = problem(type, upperAscii(value));
        return p == null ? new Result(type, upperAscii(value), null, null) : failed(value, p);
    }

    private static Result failed(String s, String problem) {
        return new Result(null, null, Masking.maskWhole(s), problem);
    }

    /** The 31 characters of GB 32100, in the order of their numeric values 0..30 (no I, O, S, V, Z). */
    static final String CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
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


    static Result parse(CharSequence text, IdType idType) {
        if (idType == null) {
            return parse(text);
        }
                String s = upperAscii(text.toString());
        Type kind = idType.kind();
        if (kind == Type.RESIDENT_ID && s.length() == LEGACY_LENGTH) {
            kind = Type.LEGACY_ID_CARD;
        }
        String problem = problem(kind, s);
        if (problem != null) {
            return failed(s, idType.code() + " " + idType.chineseName() + "：" + problem);
        }
        return made(kind, s);
    }

    static Result parse(CharSequence text) {
                String s = upperAscii(text.toString());
        if (s.length() == LENGTH) {
            String asCredit = problem(Type.CREDIT_CODE, s);
            String asPerson = problem(Type.RESIDENT_ID, s);
            if (asCredit == null && asPerson == null) {
                return made(resolve(s), s);
            }
            if (asCredit == null) {
                return made(Type.CREDIT_CODE, s);
            }
            if (asPerson == null) {
                return made(Type.RESIDENT_ID, s);
            }
            boolean looksPersonal = allDigits(s, 0, 17);
            return failed(s, looksPersonal ? asPerson : asCredit);
        }
        Type kind = shape(s);
        if (kind == null) {
            return failed(s, "无法识别的证件号码（应为18位身份证号码或统一社会信用代码、15位身份证号码、"
                    + "护照或港澳台通行证号码），请给出证件类型 / unrecognised identifier (expected an 18-character ID number or "
                    + "credit code, a 15-digit ID number, a passport or permit number): give the identifier type");
        }
        return made(kind, s);
    }

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

    private static String upperAscii(String s) {
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

    static char creditCodeCheckChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException(
                        "含统一社会信用代码字符集以外的字符 / contains a character outside the credit-code character set");
            }
            sum += v * CREDIT_CODE_WEIGHTS[i];
        }
        return CREDIT_CODE_CHARSET.charAt((31 - sum % 31) % 31);
    }

    static char residentIdCheckChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (!isDigit(c)) {
                throw new IllegalArgumentException(
                        "身份证号码前17位必须是数字 / the first 17 characters of an ID number must be digits");
            }
            sum += (c - '0') * RESIDENT_ID_WEIGHTS[i];
        }
        return RESIDENT_ID_CHECK.charAt(sum % 11);
    }
}
