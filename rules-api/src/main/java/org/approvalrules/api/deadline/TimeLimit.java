package org.approvalrules.api.deadline;

import org.approvalrules.api.InvalidValueException;

/**
 * A time limit as written in a service item's catalogue entry (法定/承诺办结时限 + 单位).
 * Immutable and thread-safe; {@code toString()} is e.g. {@code "20 WORKING_DAYS"} and
 * {@link #parse(CharSequence)} reads it back.
 *
 * @param amount 0..3650; must be 0 for {@link LimitUnit#IMMEDIATE}
 * @param unit the unit
 */
public record TimeLimit(int amount, LimitUnit unit) {

    /** Largest amount accepted: ten years of days. Anything larger is a data error. */
    public static final int MAX_AMOUNT = 3650;

    /** The immediate limit (即办件). */
    public static final TimeLimit IMMEDIATE = new TimeLimit(0, LimitUnit.IMMEDIATE);

    public TimeLimit {
        InvalidValueException.requireNonNull(unit, "unit");
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw new InvalidValueException("timeLimit.amount", amount,
                    "时限必须在0到" + MAX_AMOUNT + "之间 / time limit amount must be 0.." + MAX_AMOUNT);
        }
        if (unit == LimitUnit.IMMEDIATE && amount != 0) {
            throw new InvalidValueException("timeLimit.amount", amount,
                    "即办件时限必须为0 / an IMMEDIATE limit has amount 0");
        }
    }

    /** {@code n} working days. */
    public static TimeLimit workingDays(int n) {
        return new TimeLimit(n, LimitUnit.WORKING_DAYS);
    }

    /** {@code n} calendar days. */
    public static TimeLimit calendarDays(int n) {
        return new TimeLimit(n, LimitUnit.CALENDAR_DAYS);
    }

    /** Parses {@code "20 WORKING_DAYS"}, {@code "30 CALENDAR_DAYS"} or {@code "IMMEDIATE"}. */
    public static TimeLimit parse(CharSequence text) {
        InvalidValueException.requireNonNull(text, "timeLimit");
        String s = text.toString().trim();
        if (s.equals("IMMEDIATE") || s.equals("0 IMMEDIATE")) {
            return IMMEDIATE;
        }
        String[] parts = s.split("\\s+");
        if (parts.length != 2) {
            throw new InvalidValueException("timeLimit", s,
                    "时限格式应为“数量 单位” / expected \"<amount> <unit>\" such as \"20 WORKING_DAYS\"");
        }
        int amount;
        try {
            amount = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("timeLimit.amount", parts[0], "不是整数 / not an integer");
        }
        LimitUnit unit;
        try {
            unit = LimitUnit.valueOf(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("timeLimit.unit", parts[1],
                    "未知时限单位 / unknown unit, expected WORKING_DAYS, CALENDAR_DAYS or IMMEDIATE");
        }
        return new TimeLimit(amount, unit);
    }

    @Override
    public String toString() {
        return unit == LimitUnit.IMMEDIATE ? "IMMEDIATE" : amount + " " + unit;
    }
}
