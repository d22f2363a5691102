package org.approvalrules.api.fee;

import java.util.List;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.money.Money;

/**
 * What is due for a {@link FeeRequest} under a {@link FeeStandard}, line by line. Immutable and thread-safe.
 *
 * @param request what was assessed
 * @param standard the standard in force on the request's date
 * @param lines the lines, by component and band (a zero quantity has no line)
 * @param exemption the exemption applied, empty when none
 */
public record FeeAssessment(FeeRequest request, FeeStandard standard, List<FeeLine> lines,
        Optional<FeeExemption> exemption) {

    public FeeAssessment {
        InvalidValueException.requireNonNull(request, "assessment.request");
        InvalidValueException.requireNonNull(standard, "assessment.standard");
        InvalidValueException.requireNonNull(lines, "assessment.lines");
        InvalidValueException.requireNonNull(exemption, "assessment.exemption");
        lines = List.copyOf(lines);
    }

    /** What the standard charges before any exemption (应收金额). */
    public Money gross() {
        return lines.stream().map(FeeLine::amount).reduce(Money.ZERO, Money::plus);
    }

    /** What is due after exemptions (实收应为). */
    public Money due() {
        return lines.stream().map(FeeLine::due).reduce(Money.ZERO, Money::plus);
    }

    /** Whether an exemption applies by the applicant's category but none of its accepted evidence is on file. */
    public boolean evidenceMissing() {
        return exemption.isPresent() && !exemption.get().evidenceOnFile(request);
    }

    /** What the exemption waives ({@code gross − due}). */
    public Money exempted() {
        return gross().minus(due());
    }
}
