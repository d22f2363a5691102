package org.approvalrules.api.supervise;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.approvalrules.api.InvalidValueException;

/**
 * What a supervision run (电子监察) wrote and counted. A run with rejected records is not {@link #complete()}:
 * it must never be presented as a complete picture. Immutable.
 *
 * @param locality the locality supervised
 * @param records records read per file name (e.g. {@code cases.csv → 10000}), files absent are not listed
 * @param rejects bad records per file name (their lines and reasons are in {@link #rejectFile()})
 * @param findingsBySeverity findings per severity name
 * @param findingsByRule findings per rule id
 * @param casesEvaluated cases whose deadlines were evaluated
 * @param notChecked each domain not checked, with why (Chinese / English)
 * @param summaryJson the {@code summary.json} written
 * @param findingsJsonl the {@code findings.jsonl} written
 * @param rejectFile the reject file ({@code rejects.csv}; written even when empty)
 * @param report the report written, when the report stage wrote one
 */
public record SupervisionResult(String locality, Map<String, Long> records, Map<String, Long> rejects,
        Map<String, Long> findingsBySeverity, Map<String, Long> findingsByRule, long casesEvaluated,
        List<NotChecked> notChecked, Path summaryJson, Path findingsJsonl, Path rejectFile, java.util.Optional<Path> report) {

    /**
     * A domain the run did not check.
     *
     * @param domain e.g. {@code fees}
     * @param reasonZh why, in Chinese
     * @param reasonEn why, in English
     */
    public record NotChecked(String domain, String reasonZh, String reasonEn) {
        public NotChecked {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(reasonZh, "reasonZh");
            Objects.requireNonNull(reasonEn, "reasonEn");
        }
    }

    public SupervisionResult {
        InvalidValueException.requireNonNull(locality, "locality");
        records = sorted(records, "records");
        rejects = sorted(rejects, "rejects");
        findingsBySeverity = sorted(findingsBySeverity, "findingsBySeverity");
        findingsByRule = sorted(findingsByRule, "findingsByRule");
        notChecked = List.copyOf(InvalidValueException.requireNonNull(notChecked, "notChecked"));
        InvalidValueException.requireNonNull(summaryJson, "summaryJson");
        InvalidValueException.requireNonNull(findingsJsonl, "findingsJsonl");
        InvalidValueException.requireNonNull(rejectFile, "rejectFile");
        InvalidValueException.requireNonNull(report, "report");
    }

    private static Map<String, Long> sorted(Map<String, Long> m, String field) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(InvalidValueException.requireNonNull(m, field)));
    }

    /** Bad records, all files together. */
    public long rejectCount() {
        return rejects.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether nothing was rejected: only then is the run complete. */
    public boolean complete() {
        return rejectCount() == 0;
    }

    /** All findings. */
    public long findingCount() {
        return findingsBySeverity.values().stream().mapToLong(Long::longValue).sum();
    }
}
