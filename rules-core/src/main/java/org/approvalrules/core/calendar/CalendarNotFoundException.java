package org.approvalrules.core.calendar;

import java.util.List;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.division.DivisionCode;

/** No calendar provider answered for a locality. Names the locality and the providers asked. */
public class CalendarNotFoundException extends ApprovalRulesException {
    private static final long serialVersionUID = 1L;
    private final DivisionCode locality;
    private final List<String> providersAsked;

    public CalendarNotFoundException(DivisionCode locality, List<String> providersAsked) {
        super("没有日历提供者能提供 " + locality + " 的工作日历（已询问：" + providersAsked + "）/ no calendar provider has a "
                + "calendar for " + locality + " (asked: " + providersAsked + ")");
        this.locality = locality;
        this.providersAsked = List.copyOf(providersAsked);
    }

    /** The locality asked for. */
    public DivisionCode locality() {
        return locality;
    }

    /** Names of the providers asked, highest priority first. */
    public List<String> providersAsked() {
        return providersAsked;
    }
}
