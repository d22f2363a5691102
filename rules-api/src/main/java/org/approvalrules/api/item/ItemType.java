package org.approvalrules.api.item;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/** The type of a service item (GB/T 39046 事项类型, code table A.1). */
public enum ItemType implements Labelled {
    /** 01 行政许可. */
    LICENSING("01", "行政许可", "administrative licensing"),
    /** 02 行政处罚. */
    PENALTY("02", "行政处罚", "administrative penalty"),
    /** 03 行政强制. */
    COMPULSION("03", "行政强制", "administrative compulsion"),
    /** 04 行政征收. */
    LEVY("04", "行政征收", "administrative levy"),
    /** 05 行政给付. */
    BENEFIT("05", "行政给付", "administrative benefit"),
    /** 06 行政检查. */
    INSPECTION("06", "行政检查", "administrative inspection"),
    /** 07 行政确认. */
    CONFIRMATION("07", "行政确认", "administrative confirmation"),
    /** 08 行政奖励. */
    REWARD("08", "行政奖励", "administrative reward"),
    /** 09 行政裁决. */
    ADJUDICATION("09", "行政裁决", "administrative adjudication"),
    /** 10 其他行政权力. */
    OTHER_POWER("10", "其他行政权力", "other administrative power"),
    /** 20 公共服务. */
    PUBLIC_SERVICE("20", "公共服务", "public service");

    private final String code;
    private final BilingualText label;

    ItemType(String code, String chineseName, String englishName) {
        this.code = code;
        this.label = BilingualText.of(chineseName, englishName);
    }

    /** The A.1 code, e.g. {@code "01"}. */
    public String code() {
        return code;
    }

    @Override
    public BilingualText label() {
        return label;
    }

    /** The type with A.1 code {@code code} (two digits, e.g. {@code "01"}, {@code "20"}). */
    public static ItemType fromCode(String code) {
        return CodeTables.byCode(values(), ItemType::code, "itemType", code,
                        "未知事项类型代码，应为01至10或20（GB/T 39046 A.1）/ unknown item type code, expected 01..10 or 20 "
                                + "(GB/T 39046 A.1)");
    }
}
