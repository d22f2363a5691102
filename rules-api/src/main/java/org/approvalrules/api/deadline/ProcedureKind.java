package org.approvalrules.api.deadline;

/**
 * Kinds of special procedure (特别程序, GB/T 39046 A.7) during which the clock stops.
 * Art. 45 of the Administrative Licensing Law lists the statutory ones; localities name others.
 */
public enum ProcedureKind {
    /** 听证. */
    HEARING("听证", "行政许可法第四十五条"),
    /** 招标. */
    BIDDING("招标", "行政许可法第四十五条"),
    /** 拍卖. */
    AUCTION("拍卖", "行政许可法第四十五条"),
    /** 检验. */
    INSPECTION("检验", "行政许可法第四十五条"),
    /** 检测. */
    TESTING("检测", "行政许可法第四十五条"),
    /** 检疫. */
    QUARANTINE("检疫", "行政许可法第四十五条"),
    /** 鉴定. */
    APPRAISAL("鉴定", "行政许可法第四十五条"),
    /** 专家评审. */
    EXPERT_REVIEW("专家评审", "行政许可法第四十五条"),
    /** 现场勘查 (named by local rules). */
    ON_SITE_SURVEY("现场勘查", "地方规定 / local rule"),
    /** 补正: applicant correcting materials (Art. 32); PAUSE or RESTART by locality policy. */
    CORRECTION("补正", "行政许可法第三十二条"),
    /** 其他: another procedure a locality names; the reason must say which. */
    OTHER("其他特别程序", "地方规定 / local rule");

    private final String chineseName;
    private final String legalReference;

    ProcedureKind(String chineseName, String legalReference) {
        this.chineseName = chineseName;
        this.legalReference = legalReference;
    }

    /** The Chinese name, e.g. {@code "专家评审"}. */
    public String chineseName() {
        return chineseName;
    }

    /** The article that allows the clock to stop, e.g. {@code "行政许可法第四十五条"}. */
    public String legalReference() {
        return legalReference;
    }
}
