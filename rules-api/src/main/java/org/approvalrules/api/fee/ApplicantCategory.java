package org.approvalrules.api.fee;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/** Who pays, as far as fee exemptions care (减免对象). */
public enum ApplicantCategory implements Labelled {
    /** 自然人: a person with no exemption status. */
    INDIVIDUAL("自然人", "individual"),
    /** 最低生活保障对象 (城市低保 / 农村特困): exempt from some certificate fees. */
    MINIMUM_INCOME_HOUSEHOLD("最低生活保障对象", "minimum-income household"),
    /** 小微企业. */
    SMALL_MICRO_ENTERPRISE("小微企业", "small or micro enterprise"),
    /** 个体工商户. */
    INDIVIDUAL_BUSINESS("个体工商户", "individual business"),
    /** 其他法人或非法人组织. */
    OTHER_ORGANISATION("其他法人或组织", "other organisation");

    private final BilingualText label;

    ApplicantCategory(String zh, String en) {
        this.label = BilingualText.of(zh, en);
    }

    @Override
    public BilingualText label() {
        return label;
    }
}
