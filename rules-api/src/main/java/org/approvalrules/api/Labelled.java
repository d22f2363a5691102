package org.approvalrules.api;

/**
 * A constant with a bilingual name (Chinese first, English alongside), as the library's enums for
 * domain terms are: powers, channels, item and handling types.
 */
public interface Labelled {

    /** The name, e.g. {@code 审批权 / approval}. */
    BilingualText label();

    /** The Chinese name, e.g. {@code "审批权"}. */
    default String chineseName() {
        return label().zh();
    }

    /** The English name, e.g. {@code "approval"}. */
    default String englishName() {
        return label().en();
    }
}
