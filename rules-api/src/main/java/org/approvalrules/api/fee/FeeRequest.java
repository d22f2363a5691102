package org.approvalrules.api.fee;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;

/**
 * What to assess: one standard, the quantities it counts, who pays with what on file, and the date whose
 * parameter values apply (the case's own date, e.g. the acceptance date; never today's by default).
 * Immutable and thread-safe.
 *
 * <p>A quantity the standard does not count is an error when assessed, so one request cannot be priced
 * both by request and by page (国办函〔2020〕109号). Pieces default to 1; other quantities the standard
 * counts must be given.
 *
 * @param standardId the standard, see {@link FeeStandard#id()} (any text: an id no schedule knows is an unknown standard)
 * @param quantities counts by kind, each 0..{@value #MAX_QUANTITY}
 * @param applicant who pays
 * @param evidence what the applicant has on file for an exemption (may be empty)
 * @param date the date whose values apply
 * @param priorInMonth for a standard that counts {@link QuantityKind#REQUESTS} per applicant per month
 *     (信息处理费按件计收): the requests the same applicant already made in the calendar month of {@code date},
 *     before this one; this request's units are those after them. 0..{@value #MAX_QUANTITY}; must be 0 for a
 *     standard that counts no requests
 */
public record FeeRequest(String standardId, Map<QuantityKind, Integer> quantities, ApplicantCategory applicant,
        Set<ExemptionEvidence> evidence, LocalDate date, int priorInMonth) {

    /** The largest quantity accepted (pages, requests, certificates). */
    public static final int MAX_QUANTITY = 100_000;

    public FeeRequest {
        org.approvalrules.api.item.ItemCodes.requireText(standardId, "request.standardId");
        InvalidValueException.requireNonNull(quantities, "request.quantities");
        InvalidValueException.requireNonNull(applicant, "request.applicant");
        InvalidValueException.requireNonNull(evidence, "request.evidence");
        InvalidValueException.requireNonNull(date, "request.date");
        quantities.forEach((k, v) -> {
            InvalidValueException.requireNonNull(k, "request.quantities");
            InvalidValueException.requireNonNull(v, "request.quantities." + k);
            if (v < 0 || v > MAX_QUANTITY) {
                throw new InvalidValueException("request.quantities." + k, v,
                        "数量须在0至" + MAX_QUANTITY + "之间 / a quantity must be 0.." + MAX_QUANTITY);
            }
        });
        if (priorInMonth < 0 || priorInMonth > MAX_QUANTITY) {
            throw new InvalidValueException("request.priorInMonth", priorInMonth,
                    "当月已申请件数须在0至" + MAX_QUANTITY + "之间 / prior requests in the month must be 0.." + MAX_QUANTITY);
        }
        quantities = quantities.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(quantities));
        evidence = evidence.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(evidence));
    }

    /** A request with no prior requests in the month. */
    public FeeRequest(String standardId, Map<QuantityKind, Integer> quantities, ApplicantCategory applicant,
            Set<ExemptionEvidence> evidence, LocalDate date) {
        this(standardId, quantities, applicant, evidence, date, 0);
    }

    /** A request by an individual with nothing on file. */
    public static FeeRequest of(String standardId, Map<QuantityKind, Integer> quantities, LocalDate date) {
        return new FeeRequest(standardId, quantities, ApplicantCategory.INDIVIDUAL, Set.of(), date);
    }

    /** This request for another applicant with this evidence on file. */
    public FeeRequest by(ApplicantCategory category, ExemptionEvidence... onFile) {
        Set<ExemptionEvidence> e = EnumSet.noneOf(ExemptionEvidence.class);
        Collections.addAll(e, onFile);
        return new FeeRequest(standardId, quantities, category, e, date, priorInMonth);
    }

    /** This request after {@code prior} requests of the same applicant earlier in the month. */
    public FeeRequest afterPriorInMonth(int prior) {
        return new FeeRequest(standardId, quantities, applicant, evidence, date, prior);
    }

    /** This request with {@code n} {@link QuantityKind#REQUESTS} (its other quantities unchanged). */
    public FeeRequest withRequests(int n) {
        Map<QuantityKind, Integer> q = new EnumMap<>(QuantityKind.class);
        q.putAll(quantities);
        q.put(QuantityKind.REQUESTS, n);
        return new FeeRequest(standardId, q, applicant, evidence, date, priorInMonth);
    }

    /** This request on another date. */
    public FeeRequest on(LocalDate other) {
        return new FeeRequest(standardId, quantities, applicant, evidence, other, priorInMonth);
    }

    /** The count of {@code kind}: as given, else 1 for pieces; -1 when not given for another kind. */
    public int quantity(QuantityKind kind) {
        Integer v = quantities.get(kind);
        if (v != null) {
            return v;
        }
        return kind == QuantityKind.PIECES ? 1 : -1;
    }
}
