package org.approvalrules.core.supervise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.core.intake.IntakeLogReader;
import org.approvalrules.core.records.Rejects;
import org.approvalrules.core.supervise.SupervisionData.CatalogueItem;

/**
 * Two-end intake (两头受理, 明进暗不进) through the entry point's {@code scanIntake}: every intake log under
 * {@code intake/} (CSV, docs/INTAKE.md) against the move-in register {@code moves.csv}, or, when that is absent, the
 * register derived from the catalogue ({@code in_centre_from}, {@code centre_only}). Without intake logs the domain
 * is not checked. The summary counts the findings per rule, item and department.
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
        List<ItemMove> moves;
        var movesFile = SupervisionFiles.find(run.data, "moves");
        if (movesFile.isPresent()) {
            if (movesFile.get().jsonl()) {
                throw new DataFormatException(movesFile.get().name(), 0, null, null,
                        "进驻登记表暂只读 CSV / the move-in register is read as CSV only, give moves.csv");
            }
            moves = IntakeLogReader.readMoves(movesFile.get().path());
            run.counted(movesFile.get().name(), moves.size());
        } else {
            moves = new ArrayList<>();
            for (CatalogueItem item : run.items.values()) {
                item.inCentreFrom().ifPresent(d -> moves.add(new ItemMove(item.code(), d, item.centreOnly())));
            }
        }
        IntakeScan scan = run.locality.scanIntake(moves);
        for (SupervisionFiles.Source log : logs) {
            if (log.jsonl()) {
                throw new DataFormatException(log.name(), 0, null, null,
                        "受理记录暂只读 CSV / intake logs are read as CSV only (docs/INTAKE.md)");
            }
            run.rejectsOf(log.name());
            long n = IntakeLogReader.read(log.path(), scan::add, renamed(run, log));
            run.counted(log.name(), n);
            run.progress.accept(String.format("intake %s %,d", log.name(), n));
        }
        List<Finding> found = scan.finish();
        run.write(found);
        Map<List<String>, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Finding f : found) {
            String item = f.evidence().getOrDefault("item", "");
            CatalogueItem ci = run.items.get(item);
            String dep = ci == null ? "—" : ci.department();
            rows.computeIfAbsent(List.of(f.ruleId(), item, dep), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rule", f.ruleId());
                m.put("item", item);
                m.put("department", dep);
                m.put("count", 0L);
                return m;
            }).merge("count", 1L, (a, b) -> (Long) a + (Long) b);
        }
        run.section("intake").addAll(rows.values());
    }

    /** The reader names the file by its path; the run names it relative to the data directory. */
    private static Rejects renamed(SupervisionRun run, SupervisionFiles.Source log) {
        return Rejects.continuing(r -> run.reject(new org.approvalrules.core.records.Reject(log.name(), r.line(), r.field(),
                r.reason())));
    }
}
