package org.approvalrules.core.intake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.ApprovedChannel;
import org.approvalrules.api.intake.IntakeRegisters;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.api.intake.ResultRecord;
import org.approvalrules.api.intake.StepRecord;
import org.approvalrules.core.records.Rejects;

/**
 * The files of one intake scan, as a command or the supervise job finds them: intake logs (several, CSV or JSON
 * Lines), the move-in register ({@code moves.csv}, or {@code items.csv} with its {@code in_centre_from} column),
 * and optionally results, steps and approved channels. {@link #scan} reads the registers, streams every log through
 * one scan in the order given and returns an {@link IntakeReport}. Immutable.
 *
 * @param logs the intake logs (at least one)
 * @param moves the move-in register
 * @param results result registers (empty: 体外循环 is not checked, nor the result place of 前店后厂)
 * @param steps the steps of cases (empty: 前店后厂 is not checked)
 * @param channels the approved channels (empty: parameter {@code intake.branch-centres} alone)
 */
public record IntakeFiles(List<Path> logs, Path moves, List<Path> results, Optional<Path> steps, Optional<Path> channels) {

    public IntakeFiles {
        logs = List.copyOf(InvalidValueException.requireNonNull(logs, "logs"));
        if (logs.isEmpty()) {
            throw new InvalidValueException("logs", "", "至少需要一个受理记录文件 / at least one intake log is needed");
        }
        InvalidValueException.requireNonNull(moves, "moves");
        results = List.copyOf(InvalidValueException.requireNonNull(results, "results"));
        InvalidValueException.requireNonNull(steps, "steps");
        InvalidValueException.requireNonNull(channels, "channels");
    }

    /**
     * Reads the registers (the move-in register and channels strictly, results and steps with {@code rejects}), then
     * each log with {@code rejects}, into one scan made by {@code scans} (a locality's
     * {@code scanIntake(IntakeRegisters)}); {@code progress} is told each record read.
     *
     * @throws org.approvalrules.api.DataFormatException for an unreadable file, a bad header or register (and for
     *     the first bad line when {@code rejects} is strict)
     */
    public IntakeReport scan(Function<IntakeRegisters, IntakeScan> scans, Rejects rejects, LongConsumer progress) {
        List<Finding> findings = new ArrayList<>();
        IntakeReport streamed = scan(scans, rejects, progress, findings::add);
        return new IntakeReport(findings, streamed.records(), streamed.logRecords(), streamed.rejected(),
                streamed.movedItems(), streamed.counts(), streamed.notChecked());
    }

    /**
     * As {@link #scan(Function, Rejects, LongConsumer)}, handing each finding to {@code findings} in the same order
     * ({@link IntakeScan#finish(Consumer)}) instead of holding them: the report has the counts per
     * rule, item and department and {@link IntakeReport#total()}, and an empty {@link IntakeReport#findings()}. The
     * memory a scan needs then does not grow with the number of findings (docs/INTAKE.md "Cost").
     */
    public IntakeReport scan(Function<IntakeRegisters, IntakeScan> scans, Rejects rejects, LongConsumer progress,
            Consumer<Finding> findings) {
        return scan(scans, rejects, progress, read -> { }, findings);
    }

    /**
     * As {@link #scan(Function, Rejects, LongConsumer, Consumer)}, telling {@code read} once every file is read and
     * before the first finding (with the records read and lines rejected so far, and no counts yet).
     */
    public IntakeReport scan(Function<IntakeRegisters, IntakeScan> scans, Rejects rejects, LongConsumer progress,
            Consumer<IntakeReport> read, Consumer<Finding> findings) {
        return scan(scans, rejects, progress, read, (scan, counts) -> scan.finish(f -> {
            counts.add(f);
            findings.accept(f);
        }));
    }

    /**
     * As {@link #scan(Function, Rejects, LongConsumer, Consumer, Consumer)}, handing {@code lines} a text made of
     * each finding by {@code text} instead of the finding, in the same order ({@link IntakeScan#finish(Function,
     * Consumer)}: {@code text} may be called on several threads at once while the findings are judged, so it must be
     * thread-safe; {@code lines} is called on the calling thread).
     */
    public IntakeReport scan(Function<IntakeRegisters, IntakeScan> scans, Rejects rejects, LongConsumer progress,
            Consumer<IntakeReport> read, Function<? super Finding, String> text, Consumer<String> lines) {
        return scan(scans, rejects, progress, read, (scan, counts) -> scan.finish(f -> {
            counts.add(f);
            return text.apply(f);
        }, lines));
    }

    /** How the findings of a scan are finished: {@code counts} is told each finding (on any thread). */
    private interface Finish {
        void finish(IntakeScan scan, Counts counts);
    }

    private IntakeReport scan(Function<IntakeRegisters, IntakeScan> scans, Rejects rejects, LongConsumer progress,
            Consumer<IntakeReport> read, Finish finish) {
        List<ItemMove> register = IntakeLogReader.readMoves(moves);
        Map<String, String> departments = IntakeLogReader.readDepartments(moves);
        Map<String, Long> records = new LinkedHashMap<>();
        List<ResultRecord> issued = new ArrayList<>();
        for (Path p : results) {
            List<ResultRecord> r = IntakeRegisterReader.readResults(p, rejects);
            records.merge(p.toString(), (long) r.size(), Long::sum);
            issued.addAll(r);
        }
        List<StepRecord> stepRecords = steps.map(p -> IntakeRegisterReader.readSteps(p, rejects)).orElse(List.of());
        steps.ifPresent(p -> records.put(p.toString(), (long) stepRecords.size()));
        List<ApprovedChannel> approved = channels.map(IntakeRegisterReader::readChannels).orElse(List.of());
        IntakeScan scan = scans.apply(new IntakeRegisters(register, issued, stepRecords, approved));
        long[] n = new long[1];
        for (Path log : logs) {
            long passed = IntakeLogReader.read(log, scan, rejects, () -> progress.accept(++n[0]));
            records.merge(log.toString(), passed, Long::sum);
        }
        read.accept(new IntakeReport(List.of(), records, scan.records(), rejects.count(), register.size(), List.of(),
                notChecked()));
        Counts counts = new Counts(departments);
        finish.finish(scan, counts);
        return new IntakeReport(List.of(), records, scan.records(), rejects.count(), register.size(), counts.sorted(),
                notChecked());
    }

    private List<IntakeReport.NotChecked> notChecked() {
        List<IntakeReport.NotChecked> out = new ArrayList<>();
        if (results.isEmpty()) {
            out.add(new IntakeReport.NotChecked(IntakeDetector.OUTSIDE_SYSTEM, "未提供出件记录（results），未检查体外循环",
                    "no results register given: handling outside the system not checked"));
        }
        if (steps.isEmpty()) {
            out.add(new IntakeReport.NotChecked(IntakeDetector.FRONT_OFFICE, "未提供办理环节（steps），未检查前店后厂",
                    "no steps given: front-office intake not checked"));
        }
        return out;
    }

    /**
     * Counts per rule, item and department (the item's department from the register; "" when unknown). Thread-safe.
     */
    private static final class Counts {
        private final Map<String, String> departments;
        private final Map<List<String>, LongAdder> counts = new ConcurrentHashMap<>();

        Counts(Map<String, String> departments) {
            this.departments = departments;
        }

        void add(Finding f) {
            String item = f.evidence().getOrDefault("item", "");
            counts.computeIfAbsent(List.of(f.ruleId(), item, departments.getOrDefault(item, "")), k -> new LongAdder())
                    .increment();
        }

        List<IntakeReport.Count> sorted() {
            List<IntakeReport.Count> out = new ArrayList<>();
            counts.forEach((k, v) -> out.add(new IntakeReport.Count(k.get(0), k.get(1), k.get(2), v.sum())));
            out.sort(Comparator.comparing(IntakeReport.Count::rule).thenComparing(IntakeReport.Count::item)
                    .thenComparing(IntakeReport.Count::department));
            return List.copyOf(out);
        }
    }
}
