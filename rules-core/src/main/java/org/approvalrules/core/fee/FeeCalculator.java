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
 * (standard named, category matching) waives every line of the standard, whether or not its evidence is on
 * file ({@link FeeAssessment#evidenceMissing()} says so); the first applicable one in the schedule's order is
 * used. A component counting {@link QuantityKind#REQUESTS} is priced per applicant per month: the request's
 * units follow its {@link FeeRequest#priorInMonth()} earlier requests, so the 41st request of a month costs
 * what the 41st unit costs (300.00 under 国办函〔2020〕109号), not the month's total. Immutable and thread-safe.
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
        if (request.priorInMonth() > 0 && !standard.quantities().contains(QuantityKind.REQUESTS)) {
            throw new InvalidValueException("request.priorInMonth", request.priorInMonth(),
                    "收费标准" + standard.id() + "不按同一申请人当月累计件数计收，不能给出当月已申请件数 / standard " + standard.id()
                            + " is not counted per applicant per month: prior requests in the month do not apply");
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
            int prior = c.quantity() == QuantityKind.REQUESTS ? request.priorInMonth() : 0;
            if ((long) prior + q > FeeRequest.MAX_QUANTITY) {
                throw new InvalidValueException("request.priorInMonth", prior, "当月已申请件数加本次件数超过" + FeeRequest.MAX_QUANTITY
                        + " / prior plus this request's requests exceed " + FeeRequest.MAX_QUANTITY);
            }
            for (FeeBand b : bands(c.formula(), prior, q)) {
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
        return bands(formula, 0, quantity);
    }

    /**
     * The bands of {@code formula} that units {@code prior+1..prior+quantity} fall in, each cut to those units
     * (none for zero): the units of one request after {@code prior} earlier ones of the same count.
     */
    public static List<FeeBand> bands(FeeFormula formula, int prior, int quantity) {
        InvalidValueException.requireNonNull(formula, "formula");
        if (quantity < 0) {
            throw new InvalidValueException("quantity", quantity, "数量不能为负 / a quantity must not be negative");
        }
        if (prior < 0) {
            throw new InvalidValueException("prior", prior, "已计数量不能为负 / prior units must not be negative");
        }
        List<FeeBand> out = new ArrayList<>();
        if (quantity == 0) {
            return out;
        }
        int first = prior + 1;
        int last = prior + quantity;
        if (formula instanceof FeeFormula.FixedPerUnit f) {
            out.add(FeeBand.of(first, last, f.perUnit()));
        } else if (formula instanceof FeeFormula.FirstFreeThenEach f) {
            cut(out, 1, f.freeUnits(), Money.ZERO, first, last);
            cut(out, f.freeUnits() + 1, FeeBand.OPEN, f.each(), first, last);
        } else {
            FeeFormula.ProgressiveBands p = (FeeFormula.ProgressiveBands) formula;
            for (FeeBand b : p.bands()) {
                cut(out, b.from(), b.to(), b.rate(), first, last);
            }
            if (p.tail().isPresent()) {
                SteppedTail t = p.tail().get();
                for (int k = 0; t.from() + (long) k * t.width() <= last; k++) {
                    FeeBand b = t.band(k);
                    cut(out, b.from(), b.to(), b.rate(), first, last);
                }
            }
        }
        return out;
    }

    /** Adds band {@code from..to} at {@code rate} cut to units {@code first..last}, when they meet. */
    private static void cut(List<FeeBand> out, int from, int to, Money rate, int first, int last) {
        int a = Math.max(from, first);
        int b = Math.min(to, last);
        if (a <= b) {
            out.add(FeeBand.of(a, b, rate));
        }
    }

    /** The sum of {@link #bands}: what {@code formula} charges for {@code quantity} units. */
    public static Money amount(FeeFormula formula, int quantity) {
        return amount(formula, 0, quantity);
    }

    /** What {@code formula} charges for units {@code prior+1..prior+quantity}. */
    public static Money amount(FeeFormula formula, int prior, int quantity) {
        Money sum = Money.ZERO;
        for (FeeBand b : bands(formula, prior, quantity)) {
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
        String basis = c.formula() instanceof FeeFormula.ProgressiveBands p ? p.basisOf(b.from()).orElse(s.legalBasis())
                : s.legalBasis();
        return new FeeLine(c.id(), text, c.quantity(), b.from(), b.to(), b.rate(), amount,
                exemption.map(FeeExemption::code), exemption.isPresent() ? Money.ZERO : amount,
                exemption.map(FeeExemption::basis).orElse(basis));
    }
}
