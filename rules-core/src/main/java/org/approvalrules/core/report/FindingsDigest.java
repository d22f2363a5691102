package org.approvalrules.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;

/**
 * One pass over a run's findings: counts of all of them (by severity, rule and department) and the rows the
 * table shows, at most {@code maxRows}, the most severe first (RED, then YELLOW, then INFO, each in the
 * order read). Memory is bounded by {@code maxRows} whatever the number of findings. Not thread-safe.
 */
final class FindingsDigest {
    /** A finding kept for the table, with its line in findings.jsonl (0 when not read from a file). */
    record Row(long line, Finding finding, String department) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ReportSummary summary;
    private final int maxRows;
    private final Map<Severity, List<Row>> kept = new EnumMap<>(Severity.class);
    private final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    private final Map<String, Long> byRule = new TreeMap<>();
    private final Map<String, Long> byDepartment = new TreeMap<>();
    private final Map<String, String> departmentByName = new TreeMap<>();
    private long total;
    private long otherVersions;

    FindingsDigest(ReportSummary summary, int maxRows) {
        this.summary = summary;
        this.maxRows = maxRows;
        for (Severity s : Severity.values()) {
            kept.put(s, new ArrayList<>());
            bySeverity.put(s, 0L);
        }
        summary.departments().forEach((code, name) -> {
            if (!name.isEmpty()) {
                departmentByName.put(name, code);
            }
        });
    }

    /** Adds one finding (line: its line in the file, 0 if none). */
    void add(Finding f, long line) {
        total++;
        bySeverity.merge(f.severity(), 1L, Long::sum);
        byRule.merge(f.ruleId(), 1L, Long::sum);
        String department = department(f);
        if (!department.isEmpty()) {
            byDepartment.merge(department, 1L, Long::sum);
        }
        if (!f.ruleSetVersion().equals(summary.ruleSetVersion())
                || !(f.calendarVersion().isEmpty() || f.calendarVersion().equals(summary.calendarVersion()))) {
            otherVersions++;
        }
        List<Row> rows = kept.get(f.severity());
        if (rows.size() < maxRows) {
            rows.add(new Row(line, f, department));
        }
    }

    /** Reads findings.jsonl (named {@code file} in errors) to its end; blank lines are skipped. */
    void addAll(BufferedReader in, String file) {
        long n = 0;
        try {
            for (String s = in.readLine(); s != null; s = in.readLine()) {
                n++;
                if (!s.isBlank()) {
                    add(parse(s, file, n), n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of findings.jsonl as a finding (docs/FINDINGS.md), or an error naming file, line and field. */
    static Finding parse(String line, String file, long lineNumber) {
        int ln = (int) Math.min(Integer.MAX_VALUE, lineNumber);
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new DataFormatException(file, ln, null, null,
                    "不是有效的 JSON / not valid JSON: " + e.getOriginalMessage());
        }
        JsonFields o = JsonFields.of(file, ln, "", node);
        String severity = o.text("severity");
        Severity sev;
        try {
            sev = Severity.valueOf(severity);
        } catch (IllegalArgumentException e) {
            throw o.error("severity", node.get("severity"), "严重程度应为 INFO、YELLOW 或 RED / severity must be INFO, YELLOW or RED");
        }
        try {
            return new Finding(o.text("ruleId"), sev, o.text("subject"),
                    BilingualText.of(o.text("messageZh"), o.text("messageEn")), o.text("legalReference"),
                    o.text("layer"), o.text("ruleSetVersion"), o.text("calendarVersion"), o.textMap("parameters"),
                    o.textMap("evidence"));
        } catch (InvalidValueException e) {
            throw new DataFormatException(file, ln, e.getMessage(), null, "不是有效的发现 / not a valid finding", e);
        }
    }

    /**
     * The department a finding is about: its evidence {@code department}, else its subject when that is a
     * department code or name of the summary, else "" (unknown).
     */
    private String department(Finding f) {
        String d = f.evidence().get("department");
        if (d != null && !d.isEmpty()) {
            return departmentByName.getOrDefault(d, d);
        }
        if (summary.departments().containsKey(f.subject())) {
            return f.subject();
        }
        return departmentByName.getOrDefault(f.subject(), "");
    }

    /** The rows to show, most severe first, at most maxRows. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Severity s : List.of(Severity.RED, Severity.YELLOW, Severity.INFO)) {
            for (Row r : kept.get(s)) {
                if (rows.size() == maxRows) {
                    return rows;
                }
                rows.add(r);
            }
        }
        return rows;
    }

    long total() {
        return total;
    }

    Map<Severity, Long> bySeverity() {
        return bySeverity;
    }

    Map<String, Long> byRule() {
        return byRule;
    }

    Map<String, Long> byDepartment() {
        return byDepartment;
    }

    /** How many findings carry a rule-set or calendar version other than the summary's. */
    long otherVersions() {
        return otherVersions;
    }
}
