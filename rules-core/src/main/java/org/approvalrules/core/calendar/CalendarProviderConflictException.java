package org.approvalrules.core.calendar;

import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.calendar.CalendarProvider;
import org.approvalrules.api.division.DivisionCode;

/**
 * Two calendar providers with the same priority both answered for one locality; the library does
 * not pick one silently. Names both, so the embedder can raise one's priority or remove the other.
 */
public class CalendarProviderConflictException extends ApprovalRulesException {
    private static final long serialVersionUID = 1L;
    private final DivisionCode locality;
    private final String first;
    private final String second;

    public CalendarProviderConflictException(DivisionCode locality, int priority, CalendarProvider first,
            CalendarProvider second) {
        super("日历提供者冲突：" + first.name() + " 与 " + second.name() + " 优先级同为 " + priority + "，都提供了 " + locality
                + " 的日历，请调整其中一个的 priority() / calendar providers " + first.name() + " and " + second.name()
                + " both answer for " + locality + " at priority " + priority + ": change one's priority() or remove one");
        this.locality = locality;
        this.first = first.name();
        this.second = second.name();
    }

    /** The locality both answered for. */
    public DivisionCode locality() {
        return locality;
    }

    /** Name of the first provider. */
    public String first() {
        return first;
    }

    /** Name of the second provider. */
    public String second() {
        return second;
    }
}
