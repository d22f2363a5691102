package org.approvalrules.api.fee;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * A fee exemption (减免) as it stands on one date: which standards it waives, for whom, and on what
 * evidence. It waives the whole fee of the standards it names. Immutable and thread-safe.
 *
 * @param code stable code, e.g. {@code "small-micro"}; {@link org.approvalrules.api.cases.FeeCharge#exemptionCode()}
 *     refers to it
 * @param name Chinese first
 * @param basis the document that grants it, e.g. {@code 财税〔2016〕79号}
 * @param categories the applicants it is for (at least one)
 * @param acceptedEvidence any one of these on file suffices (e.g. a written pledge, since 2021, for small
 *     and micro enterprises); empty when nothing needs to be on file
 * @param standardIds the standards it waives (may be empty: an exemption a locality has switched off)
 * @param layer division code of the layer whose parameters set it
 * @param parameters the parameter values it came from, by parameter id
 */
public record FeeExemption(String code, BilingualText name, String basis, Set<ApplicantCategory> categories,
        Set<ExemptionEvidence> acceptedEvidence, Set<String> standardIds, String layer, Map<String, String> parameters) {

    public FeeExemption {
        FeeIds.require(code, "exemption.code");
        InvalidValueException.requireNonNull(name, "exemption.name");
        ItemCodes.requireText(basis, "exemption.basis");
        InvalidValueException.requireNonNull(categories, "exemption.categories");
        InvalidValueException.requireNonNull(acceptedEvidence, "exemption.acceptedEvidence");
        InvalidValueException.requireNonNull(standardIds, "exemption.standardIds");
        ItemCodes.requireText(layer, "exemption.layer");
        InvalidValueException.requireNonNull(parameters, "exemption.parameters");
        if (categories.isEmpty()) {
            throw new InvalidValueException("exemption.categories", code, "减免须指明适用对象 / an exemption needs a category");
        }
        categories = Collections.unmodifiableSet(EnumSet.copyOf(categories));
        acceptedEvidence = acceptedEvidence.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(acceptedEvidence));
        standardIds.forEach(s -> FeeIds.require(s, "exemption.standardIds"));
        standardIds = Set.copyOf(standardIds);
        parameters = Map.copyOf(parameters);
    }

    /**
     * Whether it waives {@code request}'s fee: the standard is named and the applicant's category matches. The law
     * exempts by the applicant's status; evidence on file ({@link #evidenceOnFile}) is what the window must keep, and
     * its absence is a finding of its own, not a reason to charge.
     */
    public boolean appliesTo(FeeRequest request) {
        InvalidValueException.requireNonNull(request, "request");
        return standardIds.contains(request.standardId()) && categories.contains(request.applicant());
    }

    /** Whether one piece of accepted evidence is on file for {@code request} (true when none is needed). */
    public boolean evidenceOnFile(FeeRequest request) {
        InvalidValueException.requireNonNull(request, "request");
        return acceptedEvidence.isEmpty() || request.evidence().stream().anyMatch(acceptedEvidence::contains);
    }

    /** The accepted evidence as text, e.g. {@code 书面承诺、证明材料 / written pledge, supporting documents}. */
    public BilingualText acceptedEvidenceText() {
        if (acceptedEvidence.isEmpty()) {
            return BilingualText.of("无需凭证", "none needed");
        }
        return BilingualText.of(String.join("、", acceptedEvidence.stream().map(ExemptionEvidence::chineseName).toList()),
                String.join(", ", acceptedEvidence.stream().map(ExemptionEvidence::englishName).toList()));
    }
}
