package org.approvalrules.core.supervise;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.api.supervise.SupervisionResult;
import org.approvalrules.core.json.FindingsJson;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.records.Reject;
import org.approvalrules.core.records.Rejects;
import org.approvalrules.core.rules.EntryPointAccess;
import org.approvalrules.core.rules.LocalitySnapshot;

/**
 * The state of one supervision run shared by its stages: the locality snapshot, the as-of instant, the data read,
 * the findings written so far ({@code findings.jsonl}, counted by rule and severity), the rejects
 * ({@code rejects.csv}: file, line, field, reason — never a record's content), record counts per file, the domains
 * not checked, and the summary sections each stage adds. For one thread.
 */
final class SupervisionRun implements AutoCloseable {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final ApprovalRules.Locality locality;
    final LocalitySnapshot snapshot;
    final Path data;
    final Path out;
    final Instant asOf;
    final LocalDate asOfDate;
    final Consumer<String> progress;

    final Map<String, Long> records = new TreeMap<>();
    final Map<String, Long> rejects = new TreeMap<>();
    final Map<String, Long> byRule = new TreeMap<>();
    final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    final List<SupervisionResult.NotChecked> notChecked = new ArrayList<>();
    /** Summary sections by name (each a list of JSON-ready maps), in the order stages add them. */
    final Map<String, List<Map<String, Object>>> sections = new java.util.LinkedHashMap<>();
    /** The findings of each rule per department (department → rule → count), for the summary's domain sections. */
    long casesEvaluated;

    /** The catalogue by item code (items.csv, read once per run and shared by the stages). */
    Map<String, SupervisionData.CatalogueItem> items = Map.of();
    /** The 八公开 guide columns the catalogue lacks (then no item has its guide). */
    List<String> absentGuideColumns = List.of();
    /** Department names by code (from the catalogue; departments seen only in cases have their code as name). */
    final Map<String, String> departments = new TreeMap<>();
    /** The cases read (bad ones rejected). */
    List<SupervisionData.CaseRecord> cases = List.of();
    /** The events by case number. */
    Map<String, List<SupervisionData.CaseEvent>> events = Map.of();
    /** The results issued, or null when results.csv is absent. */
    List<SupervisionData.ResultRecord> results;
    /** The deadline KPIs by department, {@code *} for the centre (filled by the deadline stage). */
    final Map<String, org.approvalrules.core.kpi.DeadlineKpis.Accumulator> kpis = new TreeMap<>();

    private final Map<String, java.util.Set<Integer>> rejectedLines = new java.util.HashMap<>();
    /** The cases by number, made once on first use and shared by the stages. */
    private Map<String, SupervisionData.CaseRecord> caseByNumber;
    private final BufferedWriter findings;
    private final CSVPrinter rejectFile;

    SupervisionRun(ApprovalRules.Locality locality, Path data, Instant asOf, Path out, Consumer<String> progress) {
        this.locality = locality;
        this.snapshot = EntryPointAccess.snapshot(locality);
        this.data = data;
        this.out = out;
        this.asOf = asOf;
        this.asOfDate = asOf.atZone(SHANGHAI).toLocalDate();
        this.progress = progress;
        try {
            Files.createDirectories(out);
            this.findings = Files.newBufferedWriter(findingsPath(), StandardCharsets.UTF_8);
            this.rejectFile = new CSVPrinter(Files.newBufferedWriter(rejectPath(), StandardCharsets.UTF_8),
                    CSVFormat.RFC4180.builder().setHeader("file", "line", "field", "reason").get());
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入输出目录 / cannot write the output directory " + out, e);
        }
    }

    Path findingsPath() {
        return out.resolve("findings.jsonl");
    }

    Path rejectPath() {
        return out.resolve("rejects.csv");
    }

    Path summaryPath() {
        return out.resolve("summary.json");
    }

    ParameterSet parameters() {
        return snapshot.parameters();
    }

    /** Rejects of the file {@code name}: each written to rejects.csv and counted under {@code name}. */
    Rejects rejectsOf(String name) {
        rejects.putIfAbsent(name, 0L);
        return Rejects.continuing(this::reject);
    }

    /**
     * Rejects {@code r} and counts it, once per file and line: a file read by two domains' readers (results, steps)
     * has each bad line listed once, with the first reader's reason.
     */
    void reject(Reject r) {
        if (r.line() > 0 && !rejectedLines.computeIfAbsent(r.file(), k -> new java.util.HashSet<>()).add(r.line())) {
            return;
        }
        rejects.merge(r.file(), 1L, Long::sum);
        try {
            rejectFile.printRecord(r.file(), r.line(), r.field() == null ? "" : r.field(), r.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void counted(String file, long n) {
        records.merge(file, n, Long::sum);
    }

    void notChecked(String domain, String zh, String en) {
        notChecked.add(new SupervisionResult.NotChecked(domain, zh, en));
    }

    /** Judges {@code facts} with the locality's rules and writes the findings; returns them. */
    List<Finding> judge(Collection<? extends RuleFact> facts) {
        if (facts.isEmpty()) {
            return List.of();
        }
        List<Finding> found = snapshot.evaluate(facts, asOf);
        write(found);
        return found;
    }

    /**
     * Writes findings to findings.jsonl and counts them, each with {@code department} evidence where its department
     * is known ({@link #department(Finding)}).
     */
    void write(List<Finding> found) {
        write(found, null);
    }

    /**
     * Writes findings to findings.jsonl and counts them, each with {@code department} evidence: {@code department}
     * when given (not null), else as {@link #department(Finding)} finds it.
     */
    void write(List<Finding> found, String department) {
        for (Finding given : found) {
            Finding f = withDepartment(given, department != null ? department : department(given));
            writeLine(FindingsJson.line(f));
            counted(f.ruleId(), f.severity(), 1);
        }
    }

    /**
     * The line {@link #write(List)} writes for {@code f} (with its department evidence). Thread-safe once
     * {@link #caseByNumber()} was built: the intake stage makes its lines on the judging threads.
     */
    String line(Finding f) {
        return FindingsJson.line(withDepartment(f, department(f)));
    }

    /** Writes one line made by {@link #line} to findings.jsonl; the caller counts its finding ({@link #counted}). */
    void writeLine(String line) {
        try {
            findings.write(line);
            findings.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts {@code n} findings of {@code ruleId} and {@code severity} written. */
    void counted(String ruleId, Severity severity, long n) {
        byRule.merge(ruleId, n, Long::sum);
        bySeverity.merge(severity, n, Long::sum);
    }

    /**
     * The department a finding is about, or null when it is not known: its {@code department} evidence; its subject
     * when that is a department code; the department of its {@code item} evidence or of the item its subject names
     * (catalogue); the department of the case its subject names (cases).
     */
    String department(Finding f) {
        String d = f.evidence().get("department");
        if (d != null) {
            return d;
        }
        if (departments.containsKey(f.subject())) {
            return f.subject();
        }
        SupervisionData.CatalogueItem item = items.get(f.evidence().getOrDefault("item", f.subject()));
        if (item == null) {
            item = items.get(f.subject());
        }
        if (item != null) {
            return item.department();
        }
        SupervisionData.CaseRecord c = caseByNumber().get(f.subject());
        return c == null ? null : c.department();
    }

    /** The cases read, by number (one map per run: events, completeness, fees and findings' departments use it). */
    Map<String, SupervisionData.CaseRecord> caseByNumber() {
        if (caseByNumber == null) {
            Map<String, SupervisionData.CaseRecord> m = new java.util.HashMap<>(cases.size() * 4 / 3 + 16);
            cases.forEach(c -> m.putIfAbsent(c.number(), c));
            caseByNumber = m;
        }
        return caseByNumber;
    }

    /** {@code f} with evidence {@code department} added (unchanged when it has one already or the department is unknown). */
    static Finding withDepartment(Finding f, String department) {
        if (department == null || department.isBlank() || f.evidence().containsKey("department")) {
            return f;
        }
        Map<String, String> evidence = new java.util.HashMap<>(f.evidence());
        evidence.put("department", department);
        return new Finding(f.ruleId(), f.severity(), f.subject(), f.message(), f.legalReference(), f.layer(),
                f.ruleSetVersion(), f.calendarVersion(), f.parameters(), evidence);
    }

    List<Map<String, Object>> section(String name) {
        return sections.computeIfAbsent(name, k -> new ArrayList<>());
    }

    private boolean closed;

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (CSVPrinter r = rejectFile; BufferedWriter f = findings) {
            r.flush();
            f.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
