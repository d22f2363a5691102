package org.approvalrules.api.fee;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.money.Money;
import org.approvalrules.api.rules.RuleFact;

/**
 * One recorded charge as the fee rules see it: what was charged and how it was collected
 * ({@link FeeCheck}), the standard in force on the request's date (if any), what is due by it
 * ({@link FeeAssessment}, with the exemption that applies), and whether another charge of the same case
 * already used the standard's exclusive group (信息处理费 by request or by page, never both). The
 * assessment is present when the standard is in force and the charge does not already lack a legal
 * basis. Immutable.
 *
 * @param check the charge, the item, the request and the channel the fee was collected through
 * @param standard the standard named by the charge, in force on the request's date
 * @param assessment what is due by that standard, when assessed
 * @param groupChargedAs the standard of an earlier non-zero charge of the same case in this standard's
 *     exclusive group (this charge is then a second charge of one request), if any
 * @param standardEnded when the named standard had ended by the request's date: its last day in force
 *     ({@link FeeSchedule#ended}); then no standard is in force
 */
public record FeeChargeFact(FeeCheck check, Optional<FeeStandard> standard, Optional<FeeAssessment> assessment,
        Optional<FeeStandard> groupChargedAs, Optional<LocalDate> standardEnded) implements RuleFact {

    public FeeChargeFact {
        InvalidValueException.requireNonNull(check, "fee.check");
        InvalidValueException.requireNonNull(standard, "fee.standard");
        InvalidValueException.requireNonNull(assessment, "fee.assessment");
        InvalidValueException.requireNonNull(groupChargedAs, "fee.groupChargedAs");
        InvalidValueException.requireNonNull(standardEnded, "fee.standardEnded");
        if (standardEnded.isPresent() && standard.isPresent()) {
            throw new InvalidValueException("fee.standardEnded", standardEnded.get(),
                    "已终止的收费标准不能同时有效 / an ended standard is not in force");
        }
        if (standard.isPresent() && !standard.get().id().equals(check.request().standardId())) {
            throw new InvalidValueException("fee.standard", standard.get().id(),
                    "收费标准与收费记录不符（" + check.request().standardId() + "）/ not the charge's standard ("
                            + check.request().standardId() + ")");
        }
        if (assessment.isPresent() && (standard.isEmpty() || !assessment.get().standard().equals(standard.get()))) {
            throw new InvalidValueException("fee.assessment", assessment.get().standard().id(),
                    "核定须按本条收费标准 / the assessment must be by this charge's standard");
        }
        if (groupChargedAs.isPresent() && standard.flatMap(FeeStandard::exclusiveGroup).isEmpty()) {
            throw new InvalidValueException("fee.groupChargedAs", groupChargedAs.get().id(),
                    "收费标准不属于互斥组 / the charge's standard is in no exclusive group");
        }
    }

    /** A fact about a standard that has not ended. */
    public FeeChargeFact(FeeCheck check, Optional<FeeStandard> standard, Optional<FeeAssessment> assessment,
            Optional<FeeStandard> groupChargedAs) {
        this(check, standard, assessment, groupChargedAs, Optional.empty());
    }

    /** Whether the named standard had ended by the request's date. */
    public boolean standardHasEnded() {
        return standardEnded.isPresent();
    }

    /**
     * Whether an exemption applies by the applicant's category but none of the evidence it accepts is on file
     * (whatever was charged).
     */
    public boolean evidenceMissing() {
        return assessment.map(FeeAssessment::evidenceMissing).orElse(false);
    }

    /** The amount charged. */
    public Money charged() {
        return check.charge().amount();
    }

    /** Whether a non-zero amount was charged. */
    public boolean chargedSomething() {
        return check.charge().amount().isPositive();
    }

    /** The item's implementation code (实施编码). */
    public String itemCode() {
        return check.item().implementationCode();
    }

    /** Whether the catalogue says the item charges a fee (是否收费 = 1). */
    public boolean itemCharges() {
        return check.item().feeCharged();
    }

    /** Whether the item was in the centre on the request's date. */
    public boolean itemInCentre() {
        return check.item().inCentreOn(check.request().date());
    }

    /** Whether the fee was collected at the department's own office rather than the centre. */
    public boolean collectedAtDepartment() {
        return check.collectedThrough() == AcceptanceChannel.DEPARTMENT;
    }

    /**
     * Whether the fee was taken at the centre (not at the department's office) but not through the centre's
     * unified collection (统一收费), as recorded.
     */
    public boolean notThroughUnifiedCollection() {
        return !collectedAtDepartment() && check.method().isPresent() && check.method().get() != CollectionMethod.UNIFIED;
    }

    /** The id of the standard the charge names. */
    public String standardId() {
        return check.request().standardId();
    }

    /** Whether that standard is in force on the request's date. */
    public boolean standardInForce() {
        return standard.isPresent();
    }

    /** Whether something was charged on an item that charges nothing or under no standard in force. */
    public boolean withoutLegalBasis() {
        return chargedSomething() && (!itemCharges() || standard.isEmpty());
    }

    /** Whether what is due was assessed. */
    public boolean assessed() {
        return assessment.isPresent();
    }

    /** What is due (zero when not assessed). */
    public Money due() {
        return assessment.map(FeeAssessment::due).orElse(Money.ZERO);
    }

    /** What the standard charges before any exemption (zero when not assessed). */
    public Money gross() {
        return assessment.map(FeeAssessment::gross).orElse(Money.ZERO);
    }

    /** Whether more than is due was charged (false when not assessed). */
    public boolean aboveDue() {
        return assessed() && charged().compareTo(due()) > 0;
    }

    /** Whether less than is due was charged (false when not assessed). */
    public boolean belowDue() {
        return assessed() && charged().compareTo(due()) < 0;
    }

    /** Whether the charge is within what the standard charges before the exemption. */
    public boolean withinGross() {
        return charged().compareTo(gross()) <= 0;
    }

    /** Whether the standard in force charges nothing. */
    public boolean standardFree() {
        return standard.map(FeeStandard::isFree).orElse(false);
    }

    /** Whether an exemption applies to this request (assessed). */
    public boolean exemptionApplies() {
        return assessment.flatMap(FeeAssessment::exemption).isPresent();
    }

    /** The exemption that applies, if any. */
    public Optional<FeeExemption> exemption() {
        return assessment.flatMap(FeeAssessment::exemption);
    }

    /** Whether this is a second non-zero charge of one request in an exclusive group. */
    public boolean secondInGroup() {
        return groupChargedAs.isPresent();
    }

    /** The standard in force ({@link IllegalStateException} when none). */
    public FeeStandard standardInForceOrFail() {
        return standard.orElseThrow(() -> new IllegalStateException("no standard " + standardId() + " in force"));
    }

    /** The standard's legal basis, or "" when none is in force. */
    public String legalBasis() {
        return standard.map(FeeStandard::legalBasis).orElse("");
    }

    /** The parameter values behind the standard (empty when none is in force). */
    public Map<String, String> standardParameters() {
        return standard.map(FeeStandard::parameters).orElse(Map.of());
    }

    /** The parameter values behind the standard and the exemption that applies. */
    public Map<String, String> assessedParameters() {
        Map<String, String> used = new LinkedHashMap<>(standardParameters());
        exemption().ifPresent(e -> used.putAll(e.parameters()));
        return used;
    }

    @Override
    public String subject() {
        return check.subject();
    }

    @Override
    public LocalDate factDate() {
        return check.request().date();
    }
}
