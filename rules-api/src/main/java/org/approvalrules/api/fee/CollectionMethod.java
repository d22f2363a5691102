package org.approvalrules.api.fee;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/**
 * How a fee was collected (收费方式). In a government service centre fees of in-centre items are collected
 * through the centre's unified collection (统一收费: the fee window or the unified payment platform, money
 * paid straight to the treasury), never by the department itself.
 */
public enum CollectionMethod implements Labelled {
    /** 统一收费: through the centre's unified collection (fee window or unified payment platform). */
    UNIFIED("统一收费", "unified collection"),
    /** 部门自收: collected by the department itself, at its own office or account. */
    DEPARTMENT("部门自收", "collected by the department"),
    /** 窗口现金自收: cash taken at a service window, outside the unified collection. */
    CASH_AT_WINDOW("窗口现金自收", "cash taken at a window");

    private final BilingualText label;

    CollectionMethod(String zh, String en) {
        this.label = BilingualText.of(zh, en);
    }

    @Override
    public BilingualText label() {
        return label;
    }
}
