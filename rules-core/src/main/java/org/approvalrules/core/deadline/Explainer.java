package org.approvalrules.core.deadline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.CorrectionPolicy;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineStatus;
import org.approvalrules.api.deadline.DeadlineTrace;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.LimitKind;
import org.approvalrules.api.deadline.RedReason;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.StartRule;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.deadline.TraceStep;
import org.approvalrules.api.deadline.TraceStep.Kind;

/** Collects the explanation while an {@link Evaluation} runs in recording mode. Used once, not shared. */
final class Explainer {

    /** At most this many days are scanned for the skipped-days part of the trace. */
    private static final int MAX_SCAN_DAYS = 800;

    private final WorkingCalendar cal;
    private final DeadlinePolicy policy;
    private final List<TraceStep> head = new ArrayList<>();
    private final List<TraceStep> middle = new ArrayList<>();
    private final List<TraceStep> tail = new ArrayList<>();
    private LocalDate base;
    private LocalDate scanFrom;
    private LocalDate lastDue;

    Explainer(WorkingCalendar cal, DeadlinePolicy policy) {
        this.cal = cal;
        this.policy = policy;
    }

    private static TraceStep step(Kind kind, LocalDate from, LocalDate to, String zh, String en, String ref) {
        return new TraceStep(kind, from, to, BilingualText.of(zh, en), Optional.ofNullable(ref));
    }

    void start(StartRule rule, StartRule hoursRule, LocalDateTime startInstant, LocalDateTime accepted, LocalDate base) {
        this.base = base;
        LocalDate d = startInstant.toLocalDate();
        this.scanFrom = d.isBefore(base) ? d : base; // days skipped to reach the base are explained too
        if (rule == StartRule.ART32_ACCEPTED_AT_RECEIPT) {
            head.add(step(Kind.START, d, d, "补正告知逾期，收件时间 " + startInstant + " 即为受理（原登记受理 " + accepted + "）",
                    "late correction notice: receipt at " + startInstant + " counts as acceptance (recorded " + accepted
                            + ")", "行政许可法第三十二条"));
        } else if (rule == StartRule.CORRECTION_RESTART) {
            head.add(step(Kind.START, d, d, "补正材料于 " + startInstant + " 收到，按本地规定重新计算时限",
                    "corrected materials arrived " + startInstant + "; the locality restarts the count (RESTART)",
                    "地方规定（补正重新计时）/ local rule"));
        }
        String zh;
        String en;
        switch (hoursRule) {
            case ACCEPTED_IN_OFFICE_HOURS:
                zh = startInstant + " 在办公时间（" + cal.officeHours(d) + "）内受理";
                en = "accepted " + startInstant + " within office hours " + cal.officeHours(d);
                break;
            case BEFORE_OFFICE_HOURS_SAME_DAY:
                zh = startInstant + " 在上班前受理，视为当日上班时受理";
                en = "accepted " + startInstant + " before opening, treated as accepted at opening that day";
                break;
            case AFTER_HOURS_NEXT_WORKING_DAY:
                zh = startInstant + " 在下班（" + cal.officeHours(d).close() + "）后受理，视为下一工作日 " + base + " 受理";
                en = "accepted " + startInstant + " after office hours, treated as accepted on the next working day " + base;
                break;
            case NON_WORKING_DAY_NEXT_WORKING_DAY:
                zh = startInstant + " 在非工作日（" + cal.kindOf(d) + "）受理，视为下一工作日 " + base + " 受理";
                en = "accepted " + startInstant + " on a non-working day (" + cal.kindOf(d)
                        + "), treated as accepted on the next working day " + base;
                break;
            default:
                zh = startInstant + " 受理，不适用下班后顺延（本地参数关闭）";
                en = "accepted " + startInstant + "; after-hours rule off for this locality";
        }
        head.add(step(Kind.START, d, base, zh + "；次日起算，受理当日不计入",
                en + "; counting starts the next day (the acceptance day is not counted)",
                "民法典第二百零一条；行政许可法第八十二条"));
    }

    void correction(LocalDateTime notice, Optional<LocalDateTime> corrected, CorrectionPolicy p, long a, long b) {
        LocalDate from = LocalDate.ofEpochDay(a);
        LocalDate to = LocalDate.ofEpochDay(b - 1);
        String until = corrected.map(c -> "至 " + c.toLocalDate() + " 收到补正材料").orElse("补正材料尚未收到，暂停中");
        String untilEn = corrected.map(c -> "until corrected materials arrived " + c.toLocalDate())
                .orElse("corrected materials not yet received: paused");
        middle.add(step(Kind.SUSPENSION, from, to.isBefore(from) ? from : to,
                "补正：" + notice.toLocalDate() + " 告知补正，" + until + "（" + p + "）",
                "correction: notice " + notice.toLocalDate() + ", " + untilEn + " (" + p + ")", "行政许可法第三十二条"));
    }

    void notYetStarted(SpecialProcedure p) {
        LocalDate d = p.start().toLocalDate();
        middle.add(step(Kind.IGNORED_PROCEDURE, d, d, "特别程序“" + p.kind().chineseName() + "”在评估时点之后开始，尚不计入",
                "procedure " + p.kind() + " starts after the evaluation instant; not yet known", null));
    }

    void notRecognised(SpecialProcedure p) {
        LocalDate d = p.start().toLocalDate();
        middle.add(step(Kind.IGNORED_PROCEDURE, d, p.resumed().map(LocalDateTime::toLocalDate).orElse(d),
                "特别程序“" + p.kind().chineseName() + "”不在本地可扣除种类（" + policy.localProcedureKinds() + "）内，未扣除",
                "procedure " + p.kind() + " is not among this locality's clock-stopping kinds; not deducted",
                p.kind().legalReference()));
    }

    void restartProcedure(SpecialProcedure p) {
        LocalDate d = p.start().toLocalDate();
        middle.add(step(Kind.SUSPENSION, d, p.resumed().get().toLocalDate(),
                "补正（重新计时）：" + d + " 至 " + p.resumed().get().toLocalDate() + "，自补正材料收到次日重新起算",
                "correction (RESTART): counting restarts the day after " + p.resumed().get().toLocalDate(),
                p.kind().legalReference()));
    }

    void procedure(SpecialProcedure p, boolean resumed, long a, long b, long baseDay) {
        LocalDate from = LocalDate.ofEpochDay(a);
        LocalDate last = LocalDate.ofEpochDay(b - 1);
        int wd = b - 1 > Math.max(a - 1, baseDay) ? cal.workingDaysBetween(LocalDate.ofEpochDay(Math.max(a - 1, baseDay)), last) : 0;
        String zh = "特别程序“" + p.kind().chineseName() + "”" + from + (resumed ? " 起，" + LocalDate.ofEpochDay(b) + " 恢复计时" : " 起，尚未结束（暂停中）")
                + "，区间内 " + wd + " 个工作日不计入" + (p.reason().isBlank() ? "" : "；理由：" + p.reason());
        String en = "procedure " + p.kind() + " from " + from + (resumed ? ", clock resumed " + LocalDate.ofEpochDay(b) : ", still open (paused)")
                + ": " + wd + " working day(s) in [" + from + ", " + LocalDate.ofEpochDay(b) + ") not counted";
        middle.add(step(Kind.SUSPENSION, from, last.isBefore(from) ? from : last, zh, en, p.kind().legalReference()));
    }

    void extension(Extension e) {
        middle.add(step(Kind.EXTENSION, e.approvedOn(), e.approvedOn(),
                "延长 " + e.workingDays() + " 个工作日，批准：" + e.approvalReference(),
                "extended by " + e.workingDays() + " working days, approval " + e.approvalReference(),
                e.basis().legalReference()));
    }

    void extensionNotYet(Extension e) {
        middle.add(step(Kind.EXTENSION, e.approvedOn(), e.approvedOn(),
                "延期 " + e.approvalReference() + " 在评估时点之后批准，尚不计入",
                "extension " + e.approvalReference() + " approved after the evaluation instant; not yet counted",
                e.basis().legalReference()));
    }

    void due(LimitKind kind, TimeLimit limit, int ext, LocalDate base, LocalDate due, LocalDateTime dueLocal, int suspended) {
        if (lastDue == null || due.isAfter(lastDue)) {
            lastDue = due;
        }
        String name = kind == LimitKind.STATUTORY ? "法定时限" : "承诺时限";
        String how;
        String howEn;
        switch (limit.unit()) {
            case IMMEDIATE:
                how = "即办，受理当日办结";
                howEn = "immediate: due the (deemed) acceptance day";
                break;
            case CALENDAR_DAYS:
                how = limit.amount() + " 个自然日" + (ext > 0 ? " + 延长 " + ext : "") + "，期末逢非工作日顺延至下一工作日";
                howEn = limit.amount() + " calendar days" + (ext > 0 ? " + " + ext + " extension" : "")
                        + "; a last day off moves to the next working day";
                break;
            default:
                how = limit.amount() + " 个工作日" + (ext > 0 ? " + 延长 " + ext : "");
                howEn = limit.amount() + " working days" + (ext > 0 ? " + " + ext + " extension" : "");
        }
        tail.add(step(Kind.DUE, base, due, name + "：" + how + (suspended > 0 ? "，扣除特别程序 " + suspended + " 个工作日" : "")
                        + " → 截止 " + dueLocal.toLocalDate() + " " + dueLocal.toLocalTime() + "（下班时间）",
                (kind == LimitKind.STATUTORY ? "statutory: " : "promised: ") + howEn
                        + (suspended > 0 ? ", " + suspended + " suspended working day(s) not counted" : "") + " → due "
                        + dueLocal + " (end of business)",
                kind == LimitKind.STATUTORY ? "行政许可法第四十二条、第八十二条；民法典第二百零三条" : "承诺办结时限 / promised limit"));
    }

    void status(LimitKind kind, DeadlineStatus status, LocalDateTime now, LocalDateTime completion, int elapsed,
            int remaining, int total) {
        String thresholds = policy.yellowRemainingWorkingDays().isPresent() || policy.yellowRemainingShare().isPresent()
                ? "黄牌阈值：" + policy.yellowRemainingWorkingDays().stream().mapToObj(k -> "剩余≤" + k + "个工作日").findFirst().orElse("")
                        + (policy.yellowRemainingWorkingDays().isPresent() && policy.yellowRemainingShare().isPresent() ? "或" : "")
                        + policy.yellowRemainingShare().stream().mapToObj(p -> "剩余≤" + Math.round(p * 100) + "%").findFirst().orElse("")
                : "未设黄牌阈值";
        String thresholdsEn = "yellow when remaining ≤ " + policy.yellowRemainingWorkingDays().stream().mapToObj(Integer::toString)
                .findFirst().orElse("-") + " working days or ≤ "
                + policy.yellowRemainingShare().stream().mapToObj(p -> Math.round(p * 100) + "%").findFirst().orElse("-")
                + " of " + total;
        LocalDate at = (completion != null ? completion : now).toLocalDate();
        tail.add(step(Kind.STATUS, at, at,
                (kind == LimitKind.STATUTORY ? "法定" : "承诺") + "：" + (completion != null ? "于 " + completion + " 办结" : "截至 " + now)
                        + "，已用 " + elapsed + " 个工作日，剩余 " + remaining + "；" + thresholds + " → " + status,
                (kind == LimitKind.STATUTORY ? "statutory: " : "promised: ")
                        + (completion != null ? "completed " + completion : "as of " + now) + ", " + elapsed
                        + " working day(s) used, " + remaining + " remaining; " + thresholdsEn + " → " + status,
                null));
    }

    void delivery(LocalDateTime decided, LocalDate due, LocalDateTime dueLocal, Optional<LocalDateTime> delivered, boolean late) {
        tail.add(step(Kind.DELIVERY, decided.toLocalDate(), due,
                "决定 " + decided.toLocalDate() + " 后10个工作日内送达，截止 " + dueLocal
                        + delivered.map(d -> "；" + d + " 送达").orElse("") + (late ? "（逾期）" : ""),
                "delivery due within 10 working days of the decision, by " + dueLocal
                        + delivered.map(d -> "; delivered " + d).orElse("") + (late ? " (late)" : ""),
                "行政许可法第四十四条"));
    }

    void coverage(boolean provisional, LocalDate base, LocalDate due) {
        if (provisional) {
            String gaps = "";
            String gapsEn = "";
            if (cal instanceof org.approvalrules.core.calendar.CompiledCalendar c && base != null && due != null) {
                java.util.List<String> in = new ArrayList<>();
                c.uncoveredYears().forEach((y, layer) -> {
                    if (y >= base.getYear() && y <= due.getYear()) {
                        in.add(y + "（" + layer + "）");
                    }
                });
                if (!in.isEmpty()) {
                    gaps = "；地方图层未收录 " + String.join("、", in) + " 的通知，按全国安排及推算的地方节日临时推定";
                    gapsEn = "; local layer notices missing for " + String.join(", ", in)
                            + ": national arrangement and estimated local holidays assumed";
                }
            }
            tail.add(step(Kind.COVERAGE, base, due,
                    "部分日期未被日历 " + cal.id() + " 覆盖（覆盖范围 " + cal.coverage() + "）" + gaps
                            + "；范围外按仅周末休息临时推定；通知发布后须重算",
                    "some dates are not covered by calendar " + cal.id() + " (coverage " + cal.coverage() + ")" + gapsEn
                            + "; outside the coverage weekends only — PROVISIONAL, recompute when the notice is published",
                    null));
        }
    }

    void overall(DeadlineStatus status, RedReason red) {
        LocalDate d = lastDue != null ? lastDue : base;
        tail.add(step(Kind.STATUS, d, d, "总体状态：" + status + (red != null ? "（" + (red == RedReason.PAST_STATUTORY
                ? "已超法定时限" : "已超承诺时限") + "）" : "") + "；日历 " + cal.id() + " 版本 " + cal.version(),
                "overall: " + status + (red != null ? " (" + red + ")" : "") + "; calendar " + cal.id() + " version "
                        + cal.version() + ", engine " + DeadlineEngine.VERSION,
                null));
    }

    /**
     * Groups the non-working days (and counted weekend working days) from the day after the start
     * instant's date (which may precede the base) to the last due date into runs.
     */
    private List<TraceStep> days() {
        List<TraceStep> out = new ArrayList<>();
        if (base == null || lastDue == null) {
            return out;
        }
        LocalDate d = scanFrom.plusDays(1);
        LocalDate end = lastDue.isAfter(scanFrom.plusDays(MAX_SCAN_DAYS)) ? scanFrom.plusDays(MAX_SCAN_DAYS) : lastDue;
        DayExplanation runStart = null;
        LocalDate runEnd = null;
        for (; !d.isAfter(end); d = d.plusDays(1)) {
            DayExplanation e = cal.explain(d);
            boolean interesting = !e.kind().isWorking() || e.kind() == DayKind.ADJUSTED_WORKDAY;
            if (runStart != null && (!interesting || !sameRun(runStart, e) || !runEnd.plusDays(1).equals(d))) {
                out.add(run(runStart, runEnd));
                runStart = null;
            }
            if (interesting && runStart == null) {
                runStart = e;
            }
            if (interesting) {
                runEnd = d;
            }
        }
        if (runStart != null) {
            out.add(run(runStart, runEnd));
        }
        if (lastDue.isAfter(end)) {
            out.add(step(Kind.SKIPPED_DAYS, end, lastDue, "（其后日期从略）", "(later days omitted)", null));
        }
        return out;
    }

    private static boolean sameRun(DayExplanation a, DayExplanation b) {
        return a.kind() == b.kind() && a.name().equals(b.name()) && a.layer().equals(b.layer())
                && a.source().equals(b.source()) && a.provisional() == b.provisional();
    }

    private TraceStep run(DayExplanation e, LocalDate to) {
        String name = e.name().map(n -> n + " ").orElse("");
        String layer = "layer " + e.layer() + (e.layer().equals("000000") ? "（全国）" : "（地方）");
        String src = e.source().orElse(null);
        String prov = e.provisional() ? "（临时推定 / provisional）" : "";
        switch (e.kind()) {
            case ADJUSTED_WORKDAY:
                return new TraceStep(Kind.ADJUSTED_WORKDAYS, e.date(), to,
                        BilingualText.of((name.contains("调休") ? name.trim() : name + "调休上班") + "，计入工作日；" + layer + prov,
                                name + "adjusted working day (counted); " + layer + prov),
                        Optional.ofNullable(src));
            case HOLIDAY:
                return new TraceStep(Kind.SKIPPED_DAYS, e.date(), to,
                        BilingualText.of(name + "放假，不计入；" + layer + prov, name + "holiday, not counted; " + layer + prov),
                        Optional.ofNullable(src));
            default:
                return new TraceStep(Kind.SKIPPED_DAYS, e.date(), to,
                        BilingualText.of("周末，不计入" + prov, "weekend, not counted" + prov), Optional.ofNullable(src));
        }
    }

    DeadlineTrace trace() {
        List<TraceStep> all = new ArrayList<>(head);
        all.addAll(middle);
        all.addAll(days());
        all.addAll(tail);
        return new DeadlineTrace(all);
    }
}
