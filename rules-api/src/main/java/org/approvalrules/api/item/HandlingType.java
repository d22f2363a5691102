package org.approvalrules.api.item;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/** Whether an item (or a case) is done on the spot or by a promised date (GB/T 39046 办件类型, code table A.6). */
public enum HandlingType implements Labelled {
    /** 1 即办件: done on the spot or the same day. */
    IMMEDIATE("1", "即办件", "immediate case"),
    /** 2 承诺件: done by the promised date. */
    PROMISED("2", "承诺件", "promised case"),
    /** 9 其他. */
    OTHER("9", "其他", "other");

    private final String code;
    private final BilingualText label;

    HandlingType(String code, String chineseName, String englishName) {
        this.code = code;
        this.label = BilingualText.of(chineseName, englishName);
    }

    /** The A.6 code, {@code "1"}, {@code "2"} or {@code "9"}. */
    public String code() {
        return code;
    }

    @Override
    public BilingualText label() {
        return label;
    }

    /** The handling type with A.6 code {@code code}. */
    public static HandlingType fromCode(String code) {
        return CodeTables.byCode(values(), HandlingType::code, "handlingType", code,
                        "未知办件类型代码，应为1、2或9（GB/T 39046 A.6）/ unknown handling type code, expected 1, 2 or 9 "
                                + "(GB/T 39046 A.6)");
    }
}
