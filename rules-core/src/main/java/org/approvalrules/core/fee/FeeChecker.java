package org.approvalrules.core.fee;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.fee.FeeAssessment;
import org.approvalrules.api.fee.FeeChargeFact;
import org.approvalrules.api.fee.FeeCheck;
import org.approvalrules.api.fee.FeeStandard;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.core.rules.FactJudge;

/**
 * Computes the facts of recorded charges ({@link org.approvalrules.api.cases.FeeCharge}) the national fee
 * rules ({@code rules/fees.drl} of the bundled pack) judge: the standard and exemption in force on each
 * request's own date and what is due ({@link FeeChargeFact}). The national rules report, on the amount
 * of a charge, at most one of (the first that holds):
 *
 * <ol>
 *   <li>{@value #NO_LEGAL_BASIS} (RED): a fee on an item whose 是否收费 is 0, or under a standard not in force
 *       on the date (行政许可法第五十八条、第五十九条);</li>
 *   <li>{@value #FREE_ITEM_CHARGED} (RED): a fee under a standard that charges nothing (e.g. 公共场所卫生许可);</li>
 *   <li>{@value #EXEMPTION_NOT_GRANTED} (RED): an exemption applies by the applicant's category (whether or not
 *       its evidence is on file) and more than the exempted amount was charged, but not more than the standard;</li>
 *   <li>{@value #OVER_STANDARD} (RED): more than the standard;</li>
 *   <li>{@value #UNDER_STANDARD} (INFO): less than is due;</li>
 * </ol>
 *
 * and, independently, {@value #EXEMPTION_EVIDENCE_MISSING} (YELLOW): the category qualifies for an exemption
 * but none of its accepted evidence is on file; {@value #CHARGED_OUTSIDE_CENTRE} (RED): a non-zero fee for an item that was in the
 * centre on the date, collected through the department's own office ({@link AcceptanceChannel#DEPARTMENT})
 * rather than the centre's fee window, an approved branch centre or online payment. For a whole case,
 * {@link #facts(List)} also marks each further non-zero charge in an exclusive group already charged
 * (信息处理费 by request and by page), which the rules report as {@value #OVER_STANDARD}. It makes no
 * finding itself: a {@link FactJudge} (a locality's compiled rules) does. Immutable and thread-safe.
 */
public final class FeeChecker {
    /** More was charged than the standard allows. */
    public static final String OVER_STANDARD = "fee.over-standard";
    /** A fee without a legal basis: the item is free (是否收费 0) or the standard is unknown on the date. */
    public static final String NO_LEGAL_BASIS = "fee.no-legal-basis";
    /** The applicant qualified for an exemption by category but was charged. */
    public static final String EXEMPTION_NOT_GRANTED = "fee.exemption-not-granted";
    /** The applicant qualifies for an exemption but none of its accepted evidence is on file. */
    public static final String EXEMPTION_EVIDENCE_MISSING = "fee.exemption-evidence-missing";
    /** A fee for an in-centre item collected outside the centre. */
    public static final String CHARGED_OUTSIDE_CENTRE = "fee.charged-outside-centre";
    /** A fee under a standard that charges nothing. */
    public static final String FREE_ITEM_CHARGED = "fee.free-item-charged";
    /** Less was charged than is due (information for the finance office). */
    public static final String UNDER_STANDARD = "fee.under-standard";

    private final FeeCalculator calculator;

    /** A checker that assesses with {@code calculator}. */
    public FeeChecker(FeeCalculator calculator) {
        this.calculator = InvalidValueException.requireNonNull(calculator, "calculator");
    }

    /** The calculator assessing what is due. */
    public FeeCalculator calculator() {
        return calculator;
    }

    /**
     * The fact of one charge: the standard in force on the request's date, and what is due unless the
     * charge already lacks a legal basis.
     *
     * @throws InvalidValueException when the request's quantities do not fit the standard
     */
    public FeeChargeFact fact(FeeCheck check) {
        return fact(check, Optional.empty());
    }

    private FeeChargeFact fact(FeeCheck check, Optional<FeeStandard> groupChargedAs) {
        InvalidValueException.requireNonNull(check, "check");
        Optional<FeeStandard> standard = calculator.schedule().standard(check.request().standardId(), check.request().date());
        boolean withoutBasis = check.charge().amount().isPositive() && (!check.item().feeCharged() || standard.isEmpty());
        Optional<FeeAssessment> assessed = withoutBasis || standard.isEmpty() ? Optional.empty()
                : Optional.of(calculator.assess(standard.get(), check.request()));
        Optional<java.time.LocalDate> ended = standard.isPresent() ? Optional.empty()
                : calculator.schedule().ended(check.request().standardId(), check.request().date());
        return new FeeChargeFact(check, standard, assessed, groupChargedAs, ended);
    }

    /**
     * The facts of every charge of one case, each further non-zero charge in an exclusive group already
     * charged marked with the standard first charged (one request is charged by request or by page, never
     * both: 国办函〔2020〕109号).
     */
    public List<FeeChargeFact> facts(List<FeeCheck> checks) {
        InvalidValueException.requireNonNull(checks, "checks");
        List<FeeChargeFact> out = new ArrayList<>();
        Map<String, FeeStandard> groups = new LinkedHashMap<>();
        for (FeeCheck c : checks) {
            Optional<FeeStandard> s = calculator.schedule().standard(c.request().standardId(), c.request().date());
            Optional<FeeStandard> first = Optional.empty();
            if (s.isPresent() && s.get().exclusiveGroup().isPresent() && c.charge().amount().isPositive()) {
                first = Optional.ofNullable(groups.putIfAbsent(s.get().exclusiveGroup().get(), s.get()));
            }
            out.add(fact(c, first));
        }
        return out;
    }

    /** The findings of {@code rules} on one charge (empty when it is as due and collected in the centre). */
    public List<Finding> check(FeeCheck check, FactJudge rules) {
        return rules.judge(List.of(fact(check)));
    }

    /** The findings of {@code rules} on every charge of one case ({@link #facts(List)}). */
    public List<Finding> checkCase(List<FeeCheck> checks, FactJudge rules) {
        return rules.judge(facts(checks));
    }
}
