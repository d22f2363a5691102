package org.approvalrules.core.supervise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.intake.ApprovedChannel;
import org.approvalrules.api.intake.IntakeRegisters;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.api.intake.ResultRecord;
import org.approvalrules.api.intake.StepRecord;
import org.approvalrules.core.intake.IntakeLogReader;
import org.approvalrules.core.intake.IntakeRegisterReader;
import org.approvalrules.core.records.Reject;
import org.approvalrules.core.records.Rejects;
import org.approvalrules.core.supervise.SupervisionData.CatalogueItem;

/**
 * Two-end intake (两头受理, 明进暗不进), handling outside the system (体外循环) and front-office intake (前店后厂)
 * through the entry point's {@code scanIntake(IntakeRegisters)}, its findings streamed as lines made on the judging
 * threads ({@code IntakeScan.finish(Function, Consumer)}) straight to the run's findings.jsonl and counted, never
 * held all at once, with the intake domain's own readers
 * (docs/INTAKE.md): every intake log under {@code intake/} (CSV or JSON Lines) against the registers of the data
 * directory — the move-in register {@code moves} (or, when absent, the register derived from the catalogue the job
 * has read: {@code in_centre_from}, {@code centre_only}), the results issued ({@code results}), the steps of cases
 * ({@code steps}) and the approved channels ({@code channels}). Bad lines of logs, results and steps go to the
 * run's rejects under their names in the data directory; the move-in register and the channels are strict (an
 * error stops the run). Without intake logs the domain is not checked; without results 体外循环 is not, without
 * steps 前店后厂 is not. The summary counts the findings per rule, item and department (the item's, from the
 * catalogue, else from the register's {@code department} column), in that order.
 */
final class IntakeStage implements SupervisionStage {

    @Override
    public String domain() {
        return "intake";
    }

    @Override
    public void run(SupervisionRun run) {
        List<SupervisionFiles.Source> logs = SupervisionFiles.folder(run.data, "intake");
        if (logs.isEmpty()) {
            run.notChecked("intake", "无 intake/ 受理记录：未检查两头受理", "no intake/ logs: two-end intake was not checked");
            return;
        }
        Map<String, String> departments = new HashMap<>();
        List<ItemMove> moves = moves(run, departments);
        // results.csv is counted by the job's reader (completeness), steps.csv by the authorization stage
        List<ResultRecord> results = register(run, "results", IntakeRegisterReader::readResults, "intake.outside-system",
                "无 results 出件记录：未检查体外循环", "no results file: handling outside the system was not checked");
        List<StepRecord> steps = register(run, "steps", IntakeRegisterReader::readSteps, "intake.front-office",
                "无 steps 办理环节：未检查前店后厂", "no steps file: front-office intake was not checked");
        Optional<SupervisionFiles.Source> channelsFile = SupervisionFiles.find(run.data, "channels");
        List<ApprovedChannel> channels = channelsFile.map(f -> SupervisionFiles.named(f,
                () -> IntakeRegisterReader.readChannels(f.path()))).orElse(List.of());
        channelsFile.ifPresent(f -> run.counted(f.name(), channels.size()));
        IntakeScan scan = run.locality.scanIntake(new IntakeRegisters(moves, results, steps, channels));
        long[] total = {0};
        for (SupervisionFiles.Source log : logs) {
            long n = SupervisionFiles.named(log, () -> IntakeLogReader.read(log.path(), scan, renamed(run, log), () -> {
                if ((++total[0] & 0xF_FFFF) == 0) {
                    run.progress.accept(String.format("受理记录 / intake records %,d", total[0]));
                }
            }));
            run.counted(log.name(), n);
            run.progress.accept(String.format("intake %s %,d", log.name(), n));
        }
        // streamed: each finding's line is made on the judging threads (with its department) and goes to
        // findings.jsonl as the scan hands it over, none is held (#16 item 8); counted there too, thread-safe
        run.caseByNumber(); // built here: the judging threads only read it (a finding's department)
        Map<List<String>, LongAdder> rows = new ConcurrentHashMap<>();
        Map<RuleSeverity, LongAdder> written = new ConcurrentHashMap<>();
        scan.finish(f -> {
            String item = f.evidence().getOrDefault("item", "");
            CatalogueItem ci = run.items.get(item);
            String dep = ci != null ? ci.department() : departments.getOrDefault(item, "—");
            rows.computeIfAbsent(List.of(f.ruleId(), item, dep), k -> new LongAdder()).increment();
            written.computeIfAbsent(new RuleSeverity(f.ruleId(), f.severity()), k -> new LongAdder()).increment();
            return run.line(f);
        }, run::writeLine);
        written.forEach((k, n) -> run.counted(k.ruleId(), k.severity(), n.sum()));
        List<List<String>> keys = new ArrayList<>(rows.keySet());
        keys.sort(Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1))
                .thenComparing(k -> k.get(2)));
        for (List<String> k : keys) { // by rule, item and department, as the intake command's summary
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", k.get(0));
            m.put("item", k.get(1));
            m.put("department", k.get(2));
            m.put("count", rows.get(k).sum());
            run.section("intake").add(m);
        }
    }

    /** The key of the findings counted per rule and severity. */
    private record RuleSeverity(String ruleId, Severity severity) {
    }

    /**
     * The move-in register: {@code moves} read strictly (its items' departments into {@code departments} when it
     * has that column), or the catalogue's items in the centre.
     */
    private static List<ItemMove> moves(SupervisionRun run, Map<String, String> departments) {
        Optional<SupervisionFiles.Source> file = SupervisionFiles.find(run.data, "moves");
        if (file.isPresent()) {
            SupervisionFiles.Source f = file.get();
            List<ItemMove> moves = SupervisionFiles.named(f, () -> IntakeLogReader.readMoves(f.path()));
            departments.putAll(SupervisionFiles.named(f, () -> IntakeLogReader.readDepartments(f.path())));
            run.counted(f.name(), moves.size());
            return moves;
        }
        List<ItemMove> moves = new ArrayList<>();
        for (CatalogueItem item : run.items.values()) {
            item.inCentreFrom().ifPresent(d -> moves.add(new ItemMove(item.code(), d, item.centreOnly())));
        }
        return moves;
    }

    /**
     * The records of the optional register {@code base} read by {@code reader} (bad lines to the run's rejects); none,
     * and {@code rule} said to be not checked, when the file is absent.
     */
    private static <T> List<T> register(SupervisionRun run, String base, BiFunction<Path, Rejects, List<T>> reader,
            String rule, String zh, String en) {
        Optional<SupervisionFiles.Source> file = SupervisionFiles.find(run.data, base);
        if (file.isEmpty()) {
            run.notChecked(rule, zh, en);
            return List.of();
        }
        return SupervisionFiles.named(file.get(), () -> reader.apply(file.get().path(), renamed(run, file.get())));
    }

    /** The intake readers name a file by its path; the run names it relative to the data directory. */
    private static Rejects renamed(SupervisionRun run, SupervisionFiles.Source src) {
        run.rejectsOf(src.name());
        return Rejects.continuing(r -> run.reject(new Reject(src.name(), r.line(), r.field(), r.reason())));
    }
}
