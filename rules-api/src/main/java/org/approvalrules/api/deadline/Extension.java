package org.approvalrules.api.deadline;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;

/**
 * An approved extension of the decision period (延长审批, A.7 code 1). Art. 42: +10 working days with
 * the agency head's approval; +15 for unified/joint/centralised handling with the same-level
 * government head's approval. Immutable and thread-safe.
 *
 * @param workingDays the days added (1..15; the engine checks the total against the law)
 * @param basis which paragraph of Art. 42 allows it
 * @param approvalReference the approval document or record (批准文号/审批记录)
 * @param approvedOn when it was approved
 */
public record Extension(int workingDays, Basis basis, String approvalReference, LocalDate approvedOn) {

    /** The legal basis of an extension. */
    public enum Basis {
        /** 行政许可法第四十二条第一款: up to 10 working days, agency head's approval. */
        ART_42_ORDINARY(10, "行政许可法第四十二条第一款"),
        /** 行政许可法第四十二条第二款: joint / centralised handling, up to 15 working days. */
        ART_42_JOINT(15, "行政许可法第四十二条第二款");

        private final int maxWorkingDays;
        private final String legalReference;

        Basis(int maxWorkingDays, String legalReference) {
            this.maxWorkingDays = maxWorkingDays;
            this.legalReference = legalReference;
        }

        /** The most the law allows in total under this basis. */
        public int maxWorkingDays() {
            return maxWorkingDays;
        }

        /** The article. */
        public String legalReference() {
            return legalReference;
        }
    }

    public Extension {
        InvalidValueException.requireNonNull(basis, "extension.basis");
        InvalidValueException.requireNonNull(approvalReference, "extension.approvalReference");
        InvalidValueException.requireNonNull(approvedOn, "extension.approvedOn");
        if (workingDays < 1 || workingDays > basis.maxWorkingDays()) {
            throw new InvalidValueException("extension.workingDays", workingDays,
                    basis.legalReference() + "允许延长1至" + basis.maxWorkingDays() + "个工作日 / " + basis
                            + " allows 1.." + basis.maxWorkingDays() + " working days");
        }
        if (approvalReference.isBlank()) {
            throw new InvalidValueException("extension.approvalReference", approvalReference,
                    "延期必须有批准依据 / an extension needs its approval reference");
        }
    }
}
