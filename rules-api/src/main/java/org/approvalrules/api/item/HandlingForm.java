package org.approvalrules.api.item;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/** A way an item can be handled (GB/T 39046 办理形式, code table A.5). */
public enum HandlingForm implements Labelled {
    /** 1 窗口办理. */
    WINDOW("1", "窗口办理", "at the window"),
    /** 2 网上办理 (电脑端). */
    ONLINE_PC("2", "电脑端办理", "online, computer"),
    /** 3 移动端办理. */
    MOBILE("3", "移动端办理", "online, mobile"),
    /** 4 快递 (寄递) 办理. */
    EXPRESS_MAIL("4", "快递办理", "by express mail"),
    /** 9 其他. */
    OTHER("9", "其他", "other");

    private final String code;
    private final BilingualText label;

    HandlingForm(String code, String chineseName, String englishName) {
        this.code = code;
        this.label = BilingualText.of(chineseName, englishName);
    }

    /** The A.5 code. */
    public String code() {
        return code;
    }

    @Override
    public BilingualText label() {
        return label;
    }

    /** The form with A.5 code {@code code}. */
    public static HandlingForm fromCode(String code) {
        return CodeTables.byCode(values(), HandlingForm::code, "handlingForm", code,
                        "未知办理形式代码，应为1、2、3、4或9（GB/T 39046 A.5）/ unknown handling form code, expected 1, 2, 3, 4 "
                                + "or 9 (GB/T 39046 A.5)");
    }
}
