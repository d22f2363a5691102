package org.approvalrules.core.fee;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.fee.FeeAssessment;
import org.approvalrules.api.fee.FeeBand;
import org.approvalrules.api.fee.FeeComponent;
import org.approvalrules.api.fee.FeeExemption;
import org.approvalrules.api.fee.FeeFormula;
import org.approvalrules.api.fee.FeeLine;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.FeeSchedule;
import org.approvalrules.api.fee.FeeStandard;
import org.approvalrules.api.fee.QuantityKind;
import org.approvalrules.api.fee.SteppedTail;
import org.approvalrules.api.money.Money;

/**
 * Computes what is due for a {@link FeeRequest}, exactly in fen (rate × whole units, summed; no division,
 * no rounding), with the standard and exemptions of a {@link FeeSchedule} in force on the request's own
 * date. Each line names its component, band, rate, exemption and reference. An exemption that applies
 * (standard named, category matching, accepted evidence on file) waives every line of the standard; the
 * first applicable one in the schedule's order is used. Immutable and thread-safe.
 */
public final class FeeCalculator {
    private final FeeSchedule schedule;

    /** A calculator over {@code schedule}. */
    public FeeCalculator(FeeSchedule schedule) {
        this.schedule = InvalidValueException.requireNonNull(schedule, "schedule");
    }

    /** The schedule used. */
    public FeeSchedule schedule() {
        return schedule;
    }

    /**
     * What is due for {@code request}.
     *
     * @throws UnknownFeeStandardException when no standard with that id is in force on the request's date
     * @throws InvalidValueException when the request gives a quantity the standard does not count (e.g.
     *     pages for the by-request 信息处理费: never both), or omits one it counts
     */
    public FeeAssessment assess(FeeRequest request) {
        InvalidValueException.requireNonNull(request, "request");
        FeeStandard standard = schedule.standard(request.standardId(), request.date())
                .orElseThrow(() -> new UnknownFeeStandardException(request.standardId(), request.date()));
        return assess(standard, request);
    }

    /** What is due for {@code request} under {@code standard} (the exemptions are the schedule's on the request's date). */
    public FeeAssessment assess(FeeStandard standard, FeeRequest request) {
        InvalidValueException.requireNonNull(standard, "standard");
        InvalidValueException.requireNonNull(request, "request");
        for (QuantityKind k : request.quantities().keySet()) {
            if (!standard.quantities().contains(k)) {
                throw new InvalidValueException("request.quantities." + k, request.quantities().get(k),
                        "收费标准" + standard.id() + "不按“" + k.chineseName() + "”计收（计收单位：" + standard.quantities()
                                + "）/ standard " + standard.id() + " does not count " + k.englishName());
            }
        }
        Optional<FeeExemption> exemption = schedule.exemptions(request.date()).stream()
                .filter(e -> e.appliesTo(request)).findFirst();
        List<FeeLine> lines = new ArrayList<>();
        for (FeeComponent c : standard.components()) {
            int q = request.quantity(c.quantity());
            if (q < 0) {
                throw new InvalidValueException("request.quantities." + c.quantity(), "",
                        "收费标准" + standard.id() + "需要“" + c.quantity().chineseName() + "”数量 / standard " + standard.id()
                                + " needs the number of " + c.quantity().englishName());
            }
            for (FeeBand b : bands(c.formula(), q)) {
                lines.add(line(standard, c, b, q, exemption));
            }
        }
        return new FeeAssessment(request, standard, lines, exemption);
    }

    /**
     * The bands of {@code formula} that units {@code 1..quantity} fall in, each cut to the units within
     * {@code quantity} (none for zero). A fixed rate is one band; first-free is a free band then a paid one.
     */
    public static List<FeeBand> bands(FeeFormula formula, int quantity) {
        InvalidValueException.requireNonNull(formula, "formula");
        if (quantity < 0) {
            throw new InvalidValueException("quantity", quantity, "数量不能为负 / a quantity must not be negative");
        }
        List<FeeBand> out = new ArrayList<>();
        if (quantity == 0) {
            return out;
        }
        if (formula instanceof FeeFormula.FixedPerUnit f) {
            out.add(FeeBand.of(1, quantity, f.perUnit()));
        } else if (formula instanceof FeeFormula.FirstFreeThenEach f) {
            if (f.freeUnits() > 0) {
                out.add(FeeBand.of(1, Math.min(quantity, f.freeUnits()), Money.ZERO));
            }
            if (quantity > f.freeUnits()) {
                out.add(FeeBand.of(f.freeUnits() + 1, quantity, f.each()));
            }
        } else {
            FeeFormula.ProgressiveBands p = (FeeFormula.ProgressiveBands) formula;
            for (FeeBand b : p.bands()) {
                if (b.from() > quantity) {
                    break;
                }
                out.add(FeeBand.of(b.from(), Math.min(b.to(), quantity), b.rate()));
            }
            if (p.tail().isPresent()) {
                SteppedTail t = p.tail().get();
                for (int k = 0; t.from() + (long) k * t.width() <= quantity; k++) {
                    FeeBand b = t.band(k);
                    out.add(FeeBand.of(b.from(), Math.min(b.to(), quantity), b.rate()));
                }
            }
        }
        return out;
    }

    /** The sum of {@link #bands}: what {@code formula} charges for {@code quantity} units. */
    public static Money amount(FeeFormula formula, int quantity) {
        Money sum = Money.ZERO;
        for (FeeBand b : bands(formula, quantity)) {
            sum = sum.plus(b.rate().times(b.to() - b.from() + 1));
        }
        return sum;
    }

    private static FeeLine line(FeeStandard s, FeeComponent c, FeeBand b, int quantity, Optional<FeeExemption> exemption) {
        Money amount = b.rate().times(b.to() - b.from() + 1);
        String unitZh = c.quantity() == QuantityKind.PAGES ? "页" : c.quantity() == QuantityKind.CERTIFICATES ? "本" : "件";
        String range = b.from() == b.to() ? "第" + b.from() + unitZh : "第" + b.from() + "至" + b.to() + unitZh;
        String rangeEn = b.from() == b.to() ? c.quantity().englishName() + " " + b.from()
                : c.quantity().englishName() + " " + b.from() + " to " + b.to();
        String rateZh = b.rate().isZero() ? "免费" : "每" + unitZh + b.rate() + "元";
        String rateEn = b.rate().isZero() ? "free" : "at " + b.rate() + " each";
        String exemptZh = exemption.map(e -> "，依" + e.basis() + "减免（" + e.name().zh() + "）").orElse("");
        String exemptEn = exemption.map(e -> ", waived (" + e.code() + ", " + e.basis() + ")").orElse("");
        BilingualText text = BilingualText.of(c.name().zh() + "：" + range + "，" + rateZh + exemptZh,
                c.name().en() + ": " + rangeEn + " " + rateEn + exemptEn);
        return new FeeLine(c.id(), text, c.quantity(), b.from(), b.to(), b.rate(), amount,
                exemption.map(FeeExemption::code), exemption.isPresent() ? Money.ZERO : amount,
                exemption.map(FeeExemption::basis).orElse(s.legalBasis()));
    }
}
