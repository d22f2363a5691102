package org.approvalrules.core.supervise;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlineStatus;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.core.kpi.DeadlineKpis;
import org.approvalrules.core.records.Rejects;
import org.approvalrules.core.supervise.SupervisionData.CaseEvent;
import org.approvalrules.core.supervise.SupervisionData.CaseRecord;
import org.approvalrules.core.supervise.SupervisionData.CatalogueItem;

/**
 * Deadlines: every case with its item's statutory and promised limits and its events (application, corrections,
 * special procedures, extensions, decision, delivery) becomes a {@link DeadlineInput}, evaluated in batches
 * through the locality ({@code Locality.evaluate}); findings go to findings.jsonl, statuses are counted per
 * department, and the deadline KPIs are accumulated for {@link KpiStage}. A case that cannot be evaluated (no such
 * item, inconsistent events, a day outside a strict calendar) is rejected at its line in cases.
 */
final class DeadlineStage implements SupervisionStage {
    static final int BATCH = 4096;

    @Override
    public String domain() {
        return "deadlines";
    }

    @Override
    public void run(SupervisionRun run) {
        String casesFile = run.records.keySet().stream().filter(k -> k.startsWith("cases.")).findFirst().orElse("cases.csv");
        Rejects rejects = run.rejectsOf(casesFile);
        Map<String, int[]> counts = new TreeMap<>(); // department → onTrack, yellow, red, paused, decided, decidedLate
        List<DeadlineInput> batch = new ArrayList<>(BATCH);
        List<CaseRecord> batchCases = new ArrayList<>(BATCH);
        long done = 0;
        long total = run.cases.size();
        long started = System.nanoTime();
        for (CaseRecord c : run.cases) {
            DeadlineInput input;
            try {
                input = input(run, c, casesFile);
            } catch (DataFormatException e) {
                rejects.reject(e);
                continue;
            } catch (ApprovalRulesException e) {
                rejects.reject(new DataFormatException(casesFile, c.line(), null, null, e.getMessage(), e));
                continue;
            }
            batch.add(input);
            batchCases.add(c);
            if (batch.size() == BATCH) {
                evaluate(run, batch, batchCases, counts, rejects, casesFile);
                done += batch.size();
                batch.clear();
                batchCases.clear();
                double seconds = (System.nanoTime() - started) / 1e9;
                double rate = done / Math.max(seconds, 1e-3);
                run.progress.accept(String.format("办件 / cases %,d/%,d, %,.0f/s, ETA %.0fs", done, total, rate,
                        (total - done) / Math.max(rate, 1)));
            }
        }
        evaluate(run, batch, batchCases, counts, rejects, casesFile);
        List<Map<String, Object>> section = run.section("deadlines");
        counts.forEach((dep, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("department", dep);
            m.put("onTrack", n[0]);
            m.put("yellow", n[1]);
            m.put("red", n[2]);
            m.put("paused", n[3]);
            m.put("decided", n[4]);
            m.put("decidedLate", n[5]);
            section.add(m);
        });
    }

    private static void evaluate(SupervisionRun run, List<DeadlineInput> batch, List<CaseRecord> cases,
            Map<String, int[]> counts, Rejects rejects, String casesFile) {
        if (batch.isEmpty()) {
            return;
        }
        List<CaseEvaluation> results;
        try {
            results = run.locality.evaluate(batch, run.asOf);
        } catch (ApprovalRulesException e) {
            // one case spoils the batch (e.g. a day outside a strict calendar): evaluate one by one, reject that one
            results = new ArrayList<>(batch.size());
            List<CaseRecord> kept = new ArrayList<>(batch.size());
            List<DeadlineInput> keptInputs = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                try {
                    results.add(run.locality.evaluate(List.of(batch.get(i)), run.asOf).get(0));
                    kept.add(cases.get(i));
                    keptInputs.add(batch.get(i));
                } catch (ApprovalRulesException one) {
                    rejects.reject(new DataFormatException(casesFile, cases.get(i).line(), null, null, one.getMessage(), one));
                }
            }
            cases = kept;
            batch = keptInputs;
        }
        for (int i = 0; i < results.size(); i++) {
            CaseEvaluation e = results.get(i);
            CaseRecord c = cases.get(i);
            run.write(e.findings(), c.department());
            int[] n = counts.computeIfAbsent(c.department(), k -> new int[6]);
            DeadlineStatus s = e.status();
            switch (s) {
                case ON_TRACK -> n[0]++;
                case YELLOW -> n[1]++;
                case RED -> n[2]++;
                case PAUSED -> n[3]++;
                case COMPLETED_ON_TIME -> n[4]++;
                case COMPLETED_LATE -> {
                    n[4]++;
                    n[5]++;
                }
                default -> throw new IllegalStateException("unknown status " + s);
            }
            run.kpis.computeIfAbsent(c.department(), k -> DeadlineKpis.accumulator()).add(batch.get(i), e.deadline());
            run.kpis.computeIfAbsent(KpiStage.CENTRE, k -> DeadlineKpis.accumulator()).add(batch.get(i), e.deadline());
            run.casesEvaluated++;
        }
    }

    /** The deadline input of case {@code c}: its item's limits and its events. */
    static DeadlineInput input(SupervisionRun run, CaseRecord c, String casesFile) {
        CatalogueItem item = run.items.get(c.item());
        if (item == null) {
            throw new DataFormatException(casesFile, c.line(), SupervisionData.CASE_ITEM.name(), c.item(),
                    "事项目录（items）中无此实施编码 / no such item code in the catalogue (items)");
        }
        DeadlineInput.Builder b = DeadlineInput.builder(c.number(), c.accepted(), item.statutory()).locality(run.locality.code());
        item.promised().ifPresent(b::promised);
        Optional<LocalDateTime> decided = c.decided();
        Optional<LocalDateTime> delivered = c.delivered();
        List<CaseEvent> events = new ArrayList<>(run.events.getOrDefault(c.number(), List.of()));
        events.sort(Comparator.comparingLong(CaseEvent::seconds).thenComparingInt(CaseEvent::nanos));
        Map<ProcedureKind, LocalDateTime> open = new EnumMap<>(ProcedureKind.class);
        Map<ProcedureKind, String> reasons = new HashMap<>();
        boolean corrected = false;
        for (CaseEvent ev : events) {
            Event e = new Event(ev);
            switch (e.kind()) {
                case APPLICATION -> b.applied(e.at());
                case ACCEPTANCE -> {
                    // the acceptance time is the case's own
                }
                case CORRECTION_REQUESTED -> {
                    if (!corrected) {
                        b.correctionNotice(e.at());
                        corrected = true;
                    }
                }
                case CORRECTION_RECEIVED -> b.correctedMaterials(e.at());
                case PROCEDURE_START -> {
                    ProcedureKind k = e.procedure().orElseThrow();
                    if (open.putIfAbsent(k, e.at()) != null) {
                        throw eventError(run, e, "同种特别程序尚未结束又开始 / the same procedure starts again before it ended");
                    }
                    reasons.put(k, e.reference());
                }
                case PROCEDURE_END -> {
                    ProcedureKind k = e.procedure().orElseThrow();
                    LocalDateTime start = open.remove(k);
                    if (start == null) {
                        throw eventError(run, e, "特别程序结束而无开始 / a procedure ends that never started");
                    }
                    b.procedure(new SpecialProcedure(k, start, Optional.of(e.at()), Optional.empty(),
                            reason(k, reasons.get(k))));
                }
                case EXTENSION -> b.extension(new Extension(e.days().orElseThrow(), Extension.Basis.ART_42_ORDINARY,
                        e.reference(), e.at().toLocalDate()));
                case DECISION -> {
                    if (decided.isEmpty()) {
                        decided = Optional.of(e.at());
                    }
                }
                case DELIVERY -> {
                    if (delivered.isEmpty()) {
                        delivered = Optional.of(e.at());
                    }
                }
                default -> throw new IllegalStateException("unknown event " + e.kind());
            }
        }
        open.forEach((k, start) -> b.procedure(new SpecialProcedure(k, start, Optional.empty(), Optional.empty(),
                reason(k, reasons.get(k)))));
        decided.ifPresent(b::decided);
        delivered.ifPresent(b::delivered);
        return b.build();
    }

    /** An event with its time as a LocalDateTime, for the one case being built. */
    private record Event(CaseEvent event, LocalDateTime at) {
        Event(CaseEvent event) {
            this(event, event.at());
        }

        SupervisionData.EventKind kind() {
            return event.kind();
        }

        Optional<ProcedureKind> procedure() {
            return event.procedure();
        }

        Optional<Integer> days() {
            return event.days();
        }

        String reference() {
            return event.reference();
        }

        int line() {
            return event.line();
        }
    }

    private static String reason(ProcedureKind k, String given) {
        return given == null ? "" : given;
    }

    private static DataFormatException eventError(SupervisionRun run, Event e, String reason) {
        String file = run.records.keySet().stream().filter(k -> k.startsWith("events.")).findFirst().orElse("events.csv");
        return new DataFormatException(file, e.line(), SupervisionData.KIND.name(), e.kind().name(), reason);
    }
}
