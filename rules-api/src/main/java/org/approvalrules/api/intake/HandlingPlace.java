package org.approvalrules.api.intake;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/** Where a step of a case was handled or its result issued (地点 / 出件地点). */
public enum HandlingPlace implements Labelled {
    /** 窗口: a window of the government service centre (or an approved branch centre). */
    WINDOW("窗口", "centre window"),
    /** 部门: the department's own office. */
    DEPARTMENT("部门", "department office"),
    /** 网上: online. */
    ONLINE("网上", "online"),
    /** 邮寄: by mail. */
    MAIL("邮寄", "by mail");

    private final BilingualText label;

    HandlingPlace(String chineseName, String englishName) {
        this.label = BilingualText.of(chineseName, englishName);
    }

    @Override
    public BilingualText label() {
        return label;
    }

    /** The place {@code text} names by constant name (any case) or Chinese name, or null when it names none. */
    public static HandlingPlace parse(String text) {
        HandlingPlace p = Labelled.byName(HandlingPlace.class, text);
        return p == null && ("中心".equals(text.strip()) || "中心窗口".equals(text.strip())) ? WINDOW : p;
    }
}
