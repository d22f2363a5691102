package org.approvalrules.core.fee;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.fee.FeeAssessment;
import org.approvalrules.api.fee.FeeCheck;
import org.approvalrules.api.fee.FeeStandard;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.money.Money;
import org.approvalrules.core.rules.Evidence;

/**
 * Compares recorded charges ({@link org.approvalrules.api.cases.FeeCharge}) with what is due and reports
 * findings, with the standards and exemptions in force on each request's own date. At most one finding
 * on the amount of a charge, the first that holds of:
 *
 * <ol>
 *   <li>{@value #NO_LEGAL_BASIS} (RED): a fee on an item whose 是否收费 is 0, or under a standard not in force
 *       on the date (行政许可法第五十八条、第五十九条);</li>
 *   <li>{@value #FREE_ITEM_CHARGED} (RED): a fee under a standard that charges nothing (e.g. 公共场所卫生许可);</li>
 *   <li>{@value #EXEMPTION_NOT_APPLIED} (RED): an exemption applies and more than the exempted amount was
 *       charged, but not more than the standard;</li>
 *   <li>{@value #OVER_STANDARD} (RED): more than the standard;</li>
 *   <li>{@value #UNDER_STANDARD} (INFO): less than is due;</li>
 * </ol>
 *
 * and, independently, {@value #CHARGED_OUTSIDE_CENTRE} (RED): a non-zero fee for an item that was in the
 * centre on the date, collected through the department's own office ({@link AcceptanceChannel#DEPARTMENT})
 * rather than the centre's fee window, an approved branch centre or online payment. For a whole case,
 * {@link #checkCase} also reports two charges of one exclusive group (信息处理费 by request and by page) as
 * {@value #OVER_STANDARD}. Immutable and thread-safe.
 */
public final class FeeChecker {
    /** More was charged than the standard allows. */
    public static final String OVER_STANDARD = "fee.over-standard";
    /** A fee without a legal basis: the item is free (是否收费 0) or the standard is unknown on the date. */
    public static final String NO_LEGAL_BASIS = "fee.no-legal-basis";
    /** The applicant qualified for an exemption but was charged. */
    public static final String EXEMPTION_NOT_APPLIED = "fee.exemption-not-applied";
    /** A fee for an in-centre item collected outside the centre. */
    public static final String CHARGED_OUTSIDE_CENTRE = "fee.charged-outside-centre";
    /** A fee under a standard that charges nothing. */
    public static final String FREE_ITEM_CHARGED = "fee.free-item-charged";
    /** Less was charged than is due (information for the finance office). */
    public static final String UNDER_STANDARD = "fee.under-standard";

    private static final String LAW_NO_FEE = "行政许可法第五十八条、第五十九条";
    private static final String LAW_CENTRE = "行政许可法第二十六条；国办发〔2016〕108号";

    private final FeeCalculator calculator;

    /** A checker that assesses with {@code calculator}. */
    public FeeChecker(FeeCalculator calculator) {
        this.calculator = InvalidValueException.requireNonNull(calculator, "calculator");
    }

    /**
     * The findings on one charge (empty when it is as due and collected in the centre).
     *
     * @throws InvalidValueException when the request's quantities do not fit the standard
     */
    public List<Finding> check(FeeCheck check) {
        InvalidValueException.requireNonNull(check, "check");
        List<Finding> out = new ArrayList<>();
        Money charged = check.charge().amount();
        String version = calculator.schedule().version();
        Optional<FeeStandard> standard = calculator.schedule().standard(check.request().standardId(), check.request().date());
        String layer = standard.map(FeeStandard::layer).orElse("000000");
        Map<String, String> params = standard.map(FeeStandard::parameters).orElse(Map.of());
        if (charged.isPositive() && check.collectedThrough() == AcceptanceChannel.DEPARTMENT
                && check.item().inCentreOn(check.request().date())) {
            out.add(new Finding(CHARGED_OUTSIDE_CENTRE, Severity.RED, check.subject(), BilingualText.of(
                    "事项" + check.item().implementationCode() + "已进驻中心，收费" + charged + "元却在部门收取，未经中心收费窗口",
                    "item " + check.item().implementationCode() + " is in the centre but the fee of " + charged
                            + " was collected at the department, not the centre's fee window"),
                    LAW_CENTRE, layer, version, "", params, Evidence.of("charged", charged, "collectedThrough",
                            check.collectedThrough(), "item", check.item().implementationCode())));
        }
        if (charged.isPositive() && (!check.item().feeCharged() || standard.isEmpty())) {
            String why = !check.item().feeCharged()
                    ? "事项" + check.item().implementationCode() + "目录载明不收费（是否收费=0）"
                    : "收费标准“" + check.request().standardId() + "”在" + check.request().date() + "无效或不存在";
            String whyEn = !check.item().feeCharged()
                    ? "item " + check.item().implementationCode() + " charges no fee in the catalogue (是否收费 = 0)"
                    : "fee standard '" + check.request().standardId() + "' is unknown or not in force on " + check.request().date();
            out.add(new Finding(NO_LEGAL_BASIS, Severity.RED, check.subject(), BilingualText.of(why + "，却收取" + charged + "元，无收费依据",
                    whyEn + ", yet " + charged + " was charged: no legal basis"), LAW_NO_FEE, layer, version, "",
                    params, Evidence.of("charged", charged, "standard", check.request().standardId(), "date",
                            check.request().date(), "itemCharges", check.item().feeCharged())));
            return List.copyOf(out);
        }
        if (standard.isEmpty()) {
            return List.copyOf(out);
        }
        FeeAssessment a = calculator.assess(standard.get(), check.request());
        Map<String, String> used = new LinkedHashMap<>(params);
        a.exemption().ifPresent(e -> used.putAll(e.parameters()));
        Money due = a.due();
        FeeStandard s = standard.get();
        if (charged.compareTo(due) > 0) {
            if (s.isFree()) {
                out.add(new Finding(FREE_ITEM_CHARGED, Severity.RED, check.subject(), BilingualText.of(
                        s.name().zh() + "不收费，却收取" + charged + "元",
                        s.name().en() + " is free, yet " + charged + " was charged"),
                        s.legalBasis(), layer, version, "", used, Evidence.of("charged", charged, "due", due)));
            } else if (a.exemption().isPresent() && charged.compareTo(a.gross()) <= 0) {
                var e = a.exemption().get();
                out.add(new Finding(EXEMPTION_NOT_APPLIED, Severity.RED, check.subject(), BilingualText.of(
                        "申请人为" + check.request().applicant().chineseName() + "，符合“" + e.name().zh() + "”（" + e.basis()
                                + "），应收" + due + "元，实收" + charged + "元，未落实减免",
                        "the applicant (" + check.request().applicant().englishName() + ") qualifies for exemption " + e.code()
                                + " (" + e.basis() + "): " + due + " due, " + charged + " charged"),
                        e.basis(), e.layer(), version, "", used, Evidence.of("charged", charged, "due", due,
                                "gross", a.gross(), "exemption", e.code())));
            } else {
                out.add(new Finding(OVER_STANDARD, Severity.RED, check.subject(), BilingualText.of(
                        s.name().zh() + "按标准应收" + due + "元，实收" + charged + "元，超标准收费" + charged.minus(due) + "元",
                        s.name().en() + ": " + due + " due by the standard, " + charged + " charged, "
                                + charged.minus(due) + " over the standard"),
                        s.legalBasis() + "；行政许可法第五十九条", layer, version, "", used,
                        Evidence.of("charged", charged, "due", due, "over", charged.minus(due))));
            }
        } else if (charged.compareTo(due) < 0) {
            out.add(new Finding(UNDER_STANDARD, Severity.INFO, check.subject(), BilingualText.of(
                    s.name().zh() + "按标准应收" + due + "元，实收" + charged + "元，少收" + due.minus(charged) + "元",
                    s.name().en() + ": " + due + " due, " + charged + " charged, " + due.minus(charged) + " short"),
                    s.legalBasis(), layer, version, "", used,
                    Evidence.of("charged", charged, "due", due, "short", due.minus(charged))));
        }
        return List.copyOf(out);
    }

    /**
     * The findings on every charge of one case, plus {@value #OVER_STANDARD} for each further non-zero charge
     * in an exclusive group already charged (one request is charged by request or by page, never both:
     * 国办函〔2020〕109号).
     */
    public List<Finding> checkCase(List<FeeCheck> checks) {
        InvalidValueException.requireNonNull(checks, "checks");
        List<Finding> out = new ArrayList<>();
        Map<String, FeeStandard> groups = new LinkedHashMap<>();
        for (FeeCheck c : checks) {
            out.addAll(check(c));
            Optional<FeeStandard> s = calculator.schedule().standard(c.request().standardId(), c.request().date());
            if (s.isEmpty() || s.get().exclusiveGroup().isEmpty() || !c.charge().amount().isPositive()) {
                continue;
            }
            FeeStandard first = groups.putIfAbsent(s.get().exclusiveGroup().get(), s.get());
            if (first != null) {
                out.add(new Finding(OVER_STANDARD, Severity.RED, c.subject(), BilingualText.of(
                        "同一申请已按“" + first.name().zh() + "”收费，又按“" + s.get().name().zh() + "”收费，不得同时按两种方式计收",
                        "one request charged both as " + first.id() + " and as " + s.get().id() + ": never both"),
                        s.get().legalBasis(), s.get().layer(), calculator.schedule().version(), "",
                        s.get().parameters(), Evidence.of("chargedAs", first.id(), "alsoChargedAs", s.get().id(),
                                "group", s.get().exclusiveGroup().get())));
            }
        }
        return List.copyOf(out);
    }
}
