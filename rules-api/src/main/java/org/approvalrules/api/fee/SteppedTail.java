package org.approvalrules.api.fee;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.money.Money;

/**
 * The open end of a progressive fee whose rate rises band by band without limit, e.g. 国办函〔2020〕109号:
 * beyond 30 requests a month, each further band of 10 requests costs 100 元 more per request than the one
 * before (31–40 at 200, 41–50 at 300, …). Band {@code k} (0, 1, …) covers units
 * {@code from + k·width .. from + (k+1)·width − 1} at {@code firstRate + k·increment}. Immutable and thread-safe.
 *
 * <p>Text form {@code "31-:200.00+100.00/10"}; {@code SteppedTail.parse(t.toString()).equals(t)}.
 *
 * @param from first unit of the tail, at least 1
 * @param width units per band, at least 1
 * @param firstRate rate of the first band of the tail, not negative
 * @param increment how much each further band adds to the rate, not negative
 */
public record SteppedTail(int from, int width, Money firstRate, Money increment) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})-:([^+\\s]+)\\+([^/\\s]+)/(\\d{1,9})");

    public SteppedTail {
        InvalidValueException.requireNonNull(firstRate, "tail.firstRate");
        InvalidValueException.requireNonNull(increment, "tail.increment");
        if (from < 1) {
            throw new InvalidValueException("tail.from", from, "档次须从第1件起 / the tail starts at unit 1 or later");
        }
        if (width < 1) {
            throw new InvalidValueException("tail.width", width, "每档件数至少为1 / a band holds at least one unit");
        }
        if (firstRate.isNegative() || increment.isNegative()) {
            throw new InvalidValueException("tail", firstRate + "+" + increment,
                    "单价和递增额不能为负 / rate and increment must not be negative");
        }
    }

    /** Parses {@code "31-:200+100/10"}: from 31, 200 each, plus 100 for every further band of 10. */
    public static SteppedTail parse(String text) {
        InvalidValueException.requireNonNull(text, "tail");
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidValueException("tail", text, "递增档格式应为“起-:单价+递增额/每档件数”，如 31-:200+100/10 / a stepped "
                    + "tail is written from-:rate+increment/width, e.g. 31-:200+100/10");
        }
        return new SteppedTail(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)), Money.of(m.group(2)),
                Money.of(m.group(3)));
    }

    /** Whether {@code text} is written as a stepped tail (has {@code "+"}), not as a plain band. */
    public static boolean looksLikeTail(String text) {
        return text != null && text.contains("+");
    }

    /** Band {@code k} (0-based) of the tail. */
    public FeeBand band(int k) {
        if (k < 0) {
            throw new InvalidValueException("tail.band", k, "档次序号不能为负 / band index must not be negative");
        }
        long start = from + (long) k * width;
        long end = start + width - 1;
        if (end >= FeeBand.OPEN) {
            throw new InvalidValueException("tail.band", k, "档次超出范围 / band out of range");
        }
        return FeeBand.of((int) start, (int) end, firstRate.plus(increment.times(k)));
    }

    @Override
    public String toString() {
        return from + "-:" + firstRate + "+" + increment + "/" + width;
    }
}
