package org.approvalrules.core.supervise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.supervise.SupervisionResult;

/**
 * The supervision job (电子监察, docs/DATA-FORMAT.md, docs/ARCHITECTURE.md "The supervision job"): one locality's data
 * directory in, {@code findings.jsonl}, {@code summary.json}, {@code rejects.csv} (and {@code report.html} when the
 * report writer is present) out. Reads the catalogue and the cases (both required), events and results (optional),
 * then runs the stages in order — deadlines, completeness, catalogue, KPIs, intake, authorization, fees — each
 * judging its facts with the locality's rules, so every finding carries one rule-set and calendar version. A bad
 * record is rejected (file, line, field, reason) and counted, and the run is then not complete; a missing required
 * file, an unreadable file, a bad header or records of another locality stop the run with a
 * {@link DataFormatException} naming the file.
 */
public final class SupervisionJob {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SupervisionJob() {
    }

    /** The stages in the order they run. */
    static List<SupervisionStage> stages() {
        return List.of(new DeadlineStage(), new CompletenessStage(), new CatalogueStage(), new KpiStage(), new IntakeStage(),
                new AuthorizationStage(), new FeeStage());
    }

    /**
     * Runs the job.
     *
     * @param locality the locality snapshot to judge with
     * @param data the data directory
     * @param asOf what is known: deadlines and KPIs as of this instant
     * @param out the output directory (created when absent; the job's files in it are replaced)
     * @param progress receives a short progress line after each stage and every few thousand cases
     */
    public static SupervisionResult run(ApprovalRules.Locality locality, Path data, Instant asOf, Path out,
            Consumer<String> progress) {
        InvalidValueException.requireNonNull(locality, "locality");
        InvalidValueException.requireNonNull(data, "data");
        InvalidValueException.requireNonNull(asOf, "asOf");
        InvalidValueException.requireNonNull(out, "out");
        Consumer<String> say = progress == null ? s -> { } : progress;
        if (!Files.isDirectory(data)) {
            throw new DataFormatException(data.toString(), 0, null, null, Files.exists(data)
                    ? "不是目录 / is not a directory" : "数据目录不存在 / data directory not found");
        }
        SupervisionFiles.Source items = required(data, "items");
        SupervisionFiles.Source cases = required(data, "cases");
        Optional<SupervisionFiles.Source> events = SupervisionFiles.find(data, "events");
        Optional<SupervisionFiles.Source> results = SupervisionFiles.find(data, "results");
        Map<String, Long> stageMillis = new LinkedHashMap<>();
        Map<String, Long> stageCpuMillis = new LinkedHashMap<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (SupervisionRun run = new SupervisionRun(locality, data, asOf, out, say)) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            try {
                SupervisionData.Catalogue catalogue = SupervisionData.items(items, locality.code(), run.rejectsOf(items.name()));
                run.items = catalogue.items();
                run.absentGuideColumns = catalogue.absentGuideColumns();
                run.counted(items.name(), run.items.size());
                run.items.values().forEach(i -> run.departments.merge(i.department(), i.departmentName().orElse(i.department()),
                        (a, b) -> a.equals(i.department()) ? b : a));
                long[] n = {0};
                run.cases = SupervisionData.cases(cases, locality.code(), run.rejectsOf(cases.name()), () -> {
                    if ((++n[0] & 0xFFFF) == 0) {
                        say.accept(String.format("read %s %,d", cases.name(), n[0]));
                    }
                });
                run.counted(cases.name(), run.cases.size());
                run.cases.forEach(c -> run.departments.putIfAbsent(c.department(), c.department()));
                if (events.isPresent()) {
                    run.events = SupervisionData.events(events.get(), run.caseByNumber().keySet(),
                            run.rejectsOf(events.get().name()));
                    run.counted(events.get().name(), run.events.values().stream().mapToLong(List::size).sum());
                }
                if (results.isPresent()) {
                    run.results = SupervisionData.results(results.get(), run.rejectsOf(results.get().name()));
                    run.counted(results.get().name(), run.results.size());
                }
            } catch (SupervisionData.MixedLocalityException e) {
                throw e.error;
            }
            stageMillis.put("read", (System.nanoTime() - t0) / 1_000_000);
            stageCpuMillis.put("read", (threads.getCurrentThreadCpuTime() - c0) / 1_000_000);
            say.accept("read: " + run.records);
            for (SupervisionStage stage : stages()) {
                long t = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                stage.run(run);
                stageMillis.put(stage.domain(), (System.nanoTime() - t) / 1_000_000);
                stageCpuMillis.put(stage.domain(), (threads.getCurrentThreadCpuTime() - c) / 1_000_000);
                say.accept(stage.domain() + " done");
            }
            run.close();
            writeSummary(run, stageMillis, stageCpuMillis);
            Path report = ReportStage.write(run.summaryPath(), run.findingsPath(), out);
            Map<String, Long> sev = new TreeMap<>();
            run.bySeverity.forEach((s, c) -> sev.put(s.name(), c));
            return new SupervisionResult(locality.code().value(), run.records, run.rejects, sev, run.byRule,
                    run.casesEvaluated, run.notChecked, run.summaryPath(), run.findingsPath(), run.rejectPath(),
                    Optional.of(report));
        }
    }

    private static SupervisionFiles.Source required(Path data, String base) {
        return SupervisionFiles.find(data, base).orElseThrow(() -> new DataFormatException(base + ".csv", 0, null, null,
                "缺少必需文件（或 " + base + ".jsonl） / required file missing (or " + base + ".jsonl)"));
    }

    /** summary.json, exactly the contract of docs/DATA-FORMAT.md "summary.json". */
    private static void writeSummary(SupervisionRun run, Map<String, Long> stageMillis, Map<String, Long> stageCpuMillis) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("locality", run.locality.code().value());
        s.put("asOf", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(run.asOf.atZone(SupervisionRun.SHANGHAI)
                .toOffsetDateTime()));
        s.put("ruleSetVersion", run.locality.ruleSetVersion());
        s.put("calendarVersion", run.locality.calendarVersion());
        long rejectTotal = run.rejects.values().stream().mapToLong(Long::longValue).sum();
        s.put("complete", rejectTotal == 0);
        Map<String, Object> rejects = new LinkedHashMap<>();
        rejects.put("total", rejectTotal);
        rejects.put("file", "rejects.csv");
        Map<String, Long> byFile = new TreeMap<>();
        run.rejects.forEach((f, c) -> {
            if (c > 0) {
                byFile.put(f, c);
            }
        });
        rejects.put("byFile", byFile);
        s.put("rejects", rejects);
        s.put("records", run.records);
        s.put("notChecked", run.notChecked.stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", n.domain());
            m.put("reasonZh", n.reasonZh());
            m.put("reasonEn", n.reasonEn());
            return m;
        }).toList());
        Map<String, Object> findings = new LinkedHashMap<>();
        findings.put("total", run.bySeverity.values().stream().mapToLong(Long::longValue).sum());
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (Severity sev : List.of(Severity.RED, Severity.YELLOW, Severity.INFO)) {
            bySeverity.put(sev.name(), run.bySeverity.getOrDefault(sev, 0L));
        }
        findings.put("bySeverity", bySeverity);
        findings.put("byRule", run.byRule);
        s.put("findings", findings);
        s.put("departments", run.departments.entrySet().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", e.getKey());
            m.put("name", e.getValue());
            return m;
        }).toList());
        for (String section : List.of("deadlines", "kpis", "authorization", "intake", "fees", "completeness", "catalogue")) {
            s.put(section, run.sections.getOrDefault(section, List.of()));
        }
        s.put("casesEvaluated", run.casesEvaluated);
        s.put("stageMillis", stageMillis);
        s.put("stageCpuMillis", stageCpuMillis); // the job's thread only (not the JIT or the garbage collector)
        try {
            JSON.writeValue(run.summaryPath().toFile(), s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
