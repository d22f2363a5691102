package org.approvalrules.api.fee;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.money.Money;

/**
 * One band of a progressive fee: units {@code from..to} (inclusive, counted from 1) each cost {@code rate}.
 * The last band of a standard may be open ({@code to == OPEN}). Immutable and thread-safe.
 *
 * <p>Text form {@code "31-100:10.00"}, open {@code "201-:40.00"}; {@code FeeBand.parse(b.toString()).equals(b)}.
 *
 * @param from first unit of the band, at least 1
 * @param to last unit of the band, at least {@code from}, or {@link #OPEN}
 * @param rate what each unit in the band costs, not negative
 */
public record FeeBand(int from, int to, Money rate) {

    /** {@code to} of an open band (no upper end). */
    public static final int OPEN = Integer.MAX_VALUE;

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})-(\\d{1,9})?:(\\S+)");

    public FeeBand {
        InvalidValueException.requireNonNull(rate, "band.rate");
        if (from < 1) {
            throw new InvalidValueException("band.from", from, "档次须从第1件（页）起 / a band starts at unit 1 or later");
        }
        if (to < from) {
            throw new InvalidValueException("band.to", to, "档次上限小于下限" + from + " / band ends before it starts at " + from);
        }
        if (rate.isNegative()) {
            throw new InvalidValueException("band.rate", rate, "单价不能为负 / a rate must not be negative");
        }
    }

    /** A closed band {@code from..to}. */
    public static FeeBand of(int from, int to, Money rate) {
        return new FeeBand(from, to, rate);
    }

    /** An open band from {@code from} on. */
    public static FeeBand from(int from, Money rate) {
        return new FeeBand(from, OPEN, rate);
    }

    /** Parses {@code "31-100:10"} or {@code "201-:40"}. */
    public static FeeBand parse(String text) {
        InvalidValueException.requireNonNull(text, "band");
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidValueException("band", text,
                    "档次格式应为“起-止:单价”，如 31-100:10 或 201-:40 / a band is written from-to:rate, e.g. 31-100:10 or 201-:40");
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? OPEN : Integer.parseInt(m.group(2));
        return new FeeBand(from, to, Money.of(m.group(3)));
    }

    /** Whether the band has no upper end. */
    public boolean isOpen() {
        return to == OPEN;
    }

    /** How many of units {@code 1..quantity} fall in this band. */
    public int unitsWithin(int quantity) {
        return Math.max(0, Math.min(quantity, to) - from + 1);
    }

    @Override
    public String toString() {
        return from + "-" + (isOpen() ? "" : String.valueOf(to)) + ":" + rate;
    }
}
