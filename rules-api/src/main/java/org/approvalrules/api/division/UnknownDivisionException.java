package org.approvalrules.api.division;

import java.util.Set;
import org.approvalrules.api.InvalidValueException;

/**
 * A well-formed division code names no known province-level division (省级行政区), so no calendar
 * or rule pack can be composed for it. The 34 province-level codes of GB/T 2260 are known:
 * 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 (台湾), 81 (香港), 82 (澳门).
 */
public class UnknownDivisionException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    /** The two-digit province parts of the 34 province-level divisions. */
    public static final Set<String> PROVINCE_PARTS = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    public UnknownDivisionException(DivisionCode code) {
        super("divisionCode", code,
                "未知的行政区划：省级代码 " + code.value().substring(0, 2) + " 不是34个省级行政区之一 / unknown division: province part "
                        + code.value().substring(0, 2) + " is not one of the 34 province-level divisions");
    }

    /** Returns {@code code} if it is national or its province part is known, else throws. */
    public static DivisionCode requireKnownProvince(DivisionCode code) {
        InvalidValueException.requireNonNull(code, "divisionCode");
        if (code.equals(DivisionCode.NATIONAL) || PROVINCE_PARTS.contains(code.value().substring(0, 2))) {
            return code;
        }
        throw new UnknownDivisionException(code);
    }
}
