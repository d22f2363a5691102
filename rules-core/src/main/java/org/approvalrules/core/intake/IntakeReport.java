package org.approvalrules.core.intake;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.approvalrules.api.finding.Finding;

/**
 * What an intake scan over files found: the findings (ordered by rule id, subject, message), the records read per
 * file, the lines rejected, counts per rule, item and department, and what was not checked for want of a file.
 * Immutable.
 *
 * @param findings every finding, or none when the scan streamed them to a consumer
 *     ({@link IntakeFiles#scan(java.util.function.Function, org.approvalrules.core.records.Rejects,
 *     java.util.function.LongConsumer, java.util.function.Consumer)}): then {@link #total()} says how many
 * @param records records read per file (logs, results, steps), in the order read
 * @param logRecords intake records scanned (all logs)
 * @param rejected lines rejected (all files)
 * @param movedItems entries of the move-in register
 * @param counts findings per rule, item and department
 * @param notChecked the rules not checked, and why
 */
public record IntakeReport(List<Finding> findings, Map<String, Long> records, long logRecords, long rejected, int movedItems,
        List<Count> counts, List<NotChecked> notChecked) {

    public IntakeReport {
        findings = List.copyOf(findings);
        records = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(records));
        counts = List.copyOf(counts);
        notChecked = List.copyOf(notChecked);
    }

    /** Findings in all (the sum of {@link #counts}; also when the findings were streamed and not held). */
    public long total() {
        return counts.stream().mapToLong(Count::count).sum();
    }

    /** Whether every line of every file was used. */
    public boolean complete() {
        return rejected == 0;
    }

    /** Findings per rule id. */
    public Map<String, Long> byRule() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach(c -> out.merge(c.rule(), c.count(), Long::sum));
        return out;
    }

    /**
     * Findings of one rule on one item of one department.
     *
     * @param rule the rule id
     * @param item the item code ("" when a finding names none)
     * @param department the item's department from the register ("" when unknown)
     * @param count how many
     */
    public record Count(String rule, String item, String department, long count) {
    }

    /**
     * A rule not checked for want of a file.
     *
     * @param rule the rule id
     * @param reasonZh why, in Chinese
     * @param reasonEn why, in English
     */
    public record NotChecked(String rule, String reasonZh, String reasonEn) {
    }
}
