package org.approvalrules.core.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.CorrectionPolicy;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.DeadlineStatus;
import org.approvalrules.api.deadline.DeadlineTimeline;
import org.approvalrules.api.deadline.DeadlineTimeline.Event;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.LimitKind;
import org.approvalrules.api.deadline.LimitResult;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.RedReason;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.StartRule;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.deadline.TraceStep;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.core.calendar.WorkingDayRanks;

/**
 * One evaluation of one case: a mutable worker used once, either on the hot path (no trace) or in
 * recording mode to build the explanation from exactly the same computation.
 *
 * <p>Day arithmetic is done on epoch days and working-day ranks ({@link WorkingDayRanks}): the input's
 * times are read from its {@link DeadlineTimeline} (epoch days and nanos of day, one array), working days
 * in {@code (x, y]} are {@code rank(y) - rank(x)}, and due dates are read back from the calendar by rank,
 * so the hot path neither walks the input's {@code Optional}/{@code LocalDateTime} objects nor creates
 * intermediate {@code LocalDate}s; those objects are read only to word findings and the explanation.
 */
final class Evaluation {

    /**
     * One reusable worker per thread for the hot path, so that an evaluation allocates only what it
     * returns (a batch would otherwise stream this scratch state through memory for every case).
     */
    private static final ThreadLocal<Evaluation> SCRATCH = ThreadLocal.withInitial(() -> new Evaluation(false));

    // the evaluation's inputs, set by start()
    private DeadlineInput in;
    private DeadlineTimeline tl;
    private WorkingCalendar cal;
    private WorkingDayRanks ranks;
    private DeadlinePolicy policy;
    private Instant asOf;
    private ZoneFacts zone;
    private LocalDateTime now;
    private LocalDate today;
    /** The evaluation instant's local epoch day and nano of day. */
    private long nowDay;
    private long nowNod;
    /** Whether this (thread's scratch) worker is in the middle of an evaluation. */
    private boolean busy;
    private final boolean recording;
    final Explainer explainer;

    private List<Finding> findings;

    // counting base
    private StartRule startRule;
    /** Where counting starts, when not the acceptance (Art. 32, RESTART); null = the acceptance. */
    private LocalDateTime startInstant;
    private StartRule hoursRule;
    private LocalDate base;
    private long baseDay;
    private long baseRank;

    /**
     * Merged suspension intervals in one array of triples: iv[3i] = first stopped epoch day,
     * iv[3i + 1] = resumption epoch day (exclusive), iv[3i + 2] = working days in it (-1 until needed).
     * Sorted and disjoint after {@link #merge()}.
     */
    private long[] iv;
    /** Room for four intervals at least, so a thread's worker rarely grows {@link #iv} again. */
    private static final int MIN_INTERVAL_SLOTS = 3 * 4;
    private int count;
    private boolean paused;
    private int extensionDays;
    /** Suspended working days the last WORKING_DAYS {@link #dueRank} call skipped. */
    private int lastShift;
    /** Counted working days in (base, evaluation date], shared by both limits; -1 = not yet. */
    private int elapsedCache = -1;
    /** Rank of the evaluation date (or the base, if later), set with {@link #elapsedCache}. */
    private long fromRank;
    /** Whether the case was completed as of the evaluation instant. */
    private boolean completed;
    /** The epoch day of the due date the last {@link #limit} call computed. */
    private long lastDueDay;

    /** A worker for one evaluation (recording: to build the explanation). */
    Evaluation(DeadlineInput in, WorkingCalendar cal, DeadlinePolicy policy, Instant asOf, boolean recording) {
        this.recording = recording;
        this.explainer = recording ? new Explainer(cal, policy) : null;
        start(in, cal, policy, asOf);
    }

    private Evaluation(boolean recording) {
        this.recording = recording;
        this.explainer = null;
    }

    /**
     * Evaluates on this thread's reusable worker (a fresh one if the thread is already evaluating,
     * e.g. from inside a calendar that itself evaluates deadlines).
     */
    static DeadlineResult evaluate(DeadlineInput in, WorkingCalendar cal, DeadlinePolicy policy, Instant asOf) {
        Evaluation e = SCRATCH.get();
        if (e.busy) {
            return new Evaluation(in, cal, policy, asOf, false).run();
        }
        e.busy = true;
        try {
            return e.start(in, cal, policy, asOf).run();
        } finally {
            e.clear();
        }
    }

    /** Sets the inputs and resets every piece of state from a previous evaluation. */
    private Evaluation start(DeadlineInput in, WorkingCalendar cal, DeadlinePolicy policy, Instant asOf) {
        this.in = in;
        this.tl = in.timeline();
        this.cal = cal;
        this.ranks = WorkingDayRanks.of(cal);
        this.policy = policy;
        this.asOf = asOf;
        this.zone = ZoneFacts.of(cal.zone());
        ZoneFacts.Converted c = zone.converted(asOf);
        this.now = c.local();
        this.today = now.toLocalDate();
        this.nowDay = c.day();
        this.nowNod = c.nanoOfDay();
        findings = null;
        startRule = null;
        startInstant = null;
        hoursRule = null;
        base = null;
        baseDay = 0;
        baseRank = 0;
        count = 0; // iv is kept: its contents below count are never read
        paused = false;
        extensionDays = 0;
        lastShift = 0;
        elapsedCache = -1;
        fromRank = 0;
        completed = false;
        lastDueDay = 0;
        return this;
    }

    /** Drops the references to the last evaluation's objects, so a thread's worker keeps nothing alive. */
    private void clear() {
        in = null;
        tl = null;
        cal = null;
        ranks = null;
        policy = null;
        asOf = null;
        zone = null;
        now = null;
        today = null;
        findings = null;
        startInstant = null;
        base = null;
        busy = false;
    }

    DeadlineResult run() {
        fixBase();
        collectSuspensions();
        collectExtensions();
        long cDay = tl.day(Event.COMPLETION);
        // a completion after now is not yet known as of now
        completed = cDay != DeadlineTimeline.ABSENT && !after(cDay, tl.nanoOfDay(Event.COMPLETION), nowDay, nowNod);
        long evalDay = completed ? cDay : nowDay;

        LimitResult statutory = limit(LimitKind.STATUTORY, in.statutory(), tl.statutoryUnit(), tl.statutoryAmount(), evalDay);
        long statutoryDue = lastDueDay;
        LimitResult promised = tl.hasPromised()
                ? limit(LimitKind.PROMISED, in.promised().get(), tl.promisedUnit(), tl.promisedAmount(), evalDay) : null;
        LimitResult governing = promised != null ? promised : statutory;

        DeadlineStatus status = governing.status();
        RedReason red = null;
        if (statutory.status() == DeadlineStatus.RED) {
            status = DeadlineStatus.RED;
            red = RedReason.PAST_STATUTORY;
        } else if (status == DeadlineStatus.RED) {
            red = RedReason.PAST_PROMISED;
        } else if (status == DeadlineStatus.COMPLETED_ON_TIME && statutory.status() == DeadlineStatus.COMPLETED_LATE) {
            status = DeadlineStatus.COMPLETED_LATE;
        }

        long promisedDue = lastDueDay;
        LocalDate deliveryDue = delivery();
        ranks.requireSpan(baseDay, statutoryDue); // STRICT: no uncovered local year between base and due
        if (promised != null) {
            ranks.requireSpan(baseDay, promisedDue);
        }
        boolean provisional = !ranks.coversSpan(baseDay, statutoryDue)
                || (promised != null && !ranks.coversSpan(baseDay, promisedDue))
                || (deliveryDue != null && !cal.covers(deliveryDue));
        if (tl.procedureCount() > 0) {
            clockGaming(governing);
        }
        if (recording) {
            explainer.coverage(provisional, base, statutory.dueDate());
            explainer.overall(status, red);
        }
        final DeadlineInput input = in;
        final WorkingCalendar calendar = cal;
        final DeadlinePolicy pol = policy;
        final Instant at = asOf;
        return new DeadlineResult(in.caseId(), asOf, startRule, base, statutory, Optional.ofNullable(promised), status,
                Optional.ofNullable(red), Optional.ofNullable(deliveryDue), provisional, cal.id(), cal.version(),
                findings == null ? List.of() : findings,
                () -> new Evaluation(input, calendar, pol, at, true).traceOnly());
    }

    private org.approvalrules.api.deadline.DeadlineTrace traceOnly() {
        run();
        return explainer.trace();
    }

    // ---------------------------------------------------------------- base

    private void fixBase() {
        startInstant = null;
        startRule = null;
        long startDay = tl.day(Event.ACCEPTED);
        long startNod = tl.nanoOfDay(Event.ACCEPTED);
        long noticeDay = tl.day(Event.CORRECTION_NOTICE);
        if (noticeDay != DeadlineTimeline.ABSENT && !after(noticeDay, tl.nanoOfDay(Event.CORRECTION_NOTICE), nowDay, nowNod)) {
            LocalDateTime accepted = in.accepted();
            LocalDateTime notice = in.correctionNotice().get();
            LocalDateTime receipt = in.materialsReceived().orElse(accepted);
            LocalDate lastDay = cal.plusWorkingDays(receipt.toLocalDate(), DeadlineEngine.ART32_NOTICE_WORKING_DAYS);
            if (notice.toLocalDate().isAfter(lastDay)) {
                startRule = StartRule.ART32_ACCEPTED_AT_RECEIPT;
                startInstant = receipt;
                finding(DeadlineEngine.RULE_ART32_LATE_NOTICE, Severity.RED,
                        BilingualText.of("补正告知 " + notice.toLocalDate() + " 晚于收件 " + receipt.toLocalDate()
                                + " 后5个工作日（最迟 " + lastDay + "），自收到申请材料之日起即为受理",
                                "correction notice on " + notice.toLocalDate() + " is later than 5 working days after receipt on "
                                        + receipt.toLocalDate() + " (last day " + lastDay
                                        + "): the case counts as accepted on receipt"),
                        "行政许可法第三十二条", Map.of("receipt", receipt.toString(), "notice", notice.toString(),
                                "lastAllowedDay", lastDay.toString()));
            } else if (notice.isAfter(accepted) && policy.correction() == CorrectionPolicy.RESTART) {
                Optional<LocalDateTime> corrected = in.correctedMaterials();
                if (corrected.isPresent() && !corrected.get().isAfter(now)) {
                    startRule = StartRule.CORRECTION_RESTART;
                    startInstant = corrected.get();
                }
            }
        }
        // RESTART by CORRECTION procedures: the latest resumption known as of now wins
        if (policy.correction() == CorrectionPolicy.RESTART && startRule != StartRule.ART32_ACCEPTED_AT_RECEIPT) {
            for (SpecialProcedure p : in.procedures()) {
                LocalDateTime from = startInstant != null ? startInstant : in.accepted();
                if (p.kind() == ProcedureKind.CORRECTION && !p.start().isAfter(now) && p.resumed().isPresent()
                        && !p.resumed().get().isAfter(now) && p.resumed().get().isAfter(from)) {
                    startRule = StartRule.CORRECTION_RESTART;
                    startInstant = p.resumed().get();
                }
            }
        }
        if (startInstant != null) {
            startDay = startInstant.toLocalDate().toEpochDay();
            startNod = startInstant.toLocalTime().toNanoOfDay();
        }
        hoursRule = hoursRule(startDay, startNod);
        baseDay = hoursRule == StartRule.AFTER_HOURS_NEXT_WORKING_DAY || hoursRule == StartRule.NON_WORKING_DAY_NEXT_WORKING_DAY
                ? ranks.epochDayOfRank(ranks.rank(startDay) + 1) : startDay;
        if (startRule == null) {
            startRule = hoursRule;
        }
        baseRank = ranks.rank(baseDay);
        base = ranks.isWorkingEpochDay(baseDay) ? ranks.dateOfRank(baseRank) : LocalDate.ofEpochDay(baseDay);
        if (recording) {
            explainer.start(startRule, hoursRule, startInstant != null ? startInstant : in.accepted(), in.accepted(), base);
        }
    }

    /** The start rule for a start at local time (day, nano of day). */
    private StartRule hoursRule(long day, long nod) {
        if (!policy.afterHoursFromNextWorkingDay()) {
            return StartRule.ACCEPTANCE_DATE_AS_IS;
        }
        if (!ranks.isWorkingEpochDay(day)) {
            return StartRule.NON_WORKING_DAY_NEXT_WORKING_DAY;
        }
        OfficeHours h = cal.officeHours(ranks.dateOfRank(ranks.rank(day)));
        if (nod >= h.close().toNanoOfDay()) {
            return StartRule.AFTER_HOURS_NEXT_WORKING_DAY;
        }
        return nod < h.open().toNanoOfDay() ? StartRule.BEFORE_OFFICE_HOURS_SAME_DAY : StartRule.ACCEPTED_IN_OFFICE_HOURS;
    }

    /** {@link LocalDateTime#isAfter} on (epoch day, nano of day) pairs. */
    private static boolean after(long day, long nod, long otherDay, long otherNod) {
        return DeadlineTimeline.isAfter(day, nod, otherDay, otherNod);
    }

    // ---------------------------------------------------------------- suspensions

    private void collectSuspensions() {
        long tomorrow = nowDay + 1;
        boolean art32Late = startRule == StartRule.ART32_ACCEPTED_AT_RECEIPT;
        long noticeDay = tl.day(Event.CORRECTION_NOTICE);
        if (!art32Late && noticeDay != DeadlineTimeline.ABSENT) {
            long noticeNod = tl.nanoOfDay(Event.CORRECTION_NOTICE);
            if (after(noticeDay, noticeNod, tl.day(Event.ACCEPTED), tl.nanoOfDay(Event.ACCEPTED))
                    && !after(noticeDay, noticeNod, nowDay, nowNod)) {
                long correctedDay = tl.day(Event.CORRECTED_MATERIALS);
                boolean corrected = correctedDay != DeadlineTimeline.ABSENT
                        && !after(correctedDay, tl.nanoOfDay(Event.CORRECTED_MATERIALS), nowDay, nowNod);
                if (policy.correction() == CorrectionPolicy.PAUSE || !corrected) {
                    long a = noticeDay;
                    long b = corrected ? correctedDay : Math.max(a, tomorrow);
                    if (!corrected) {
                        paused = true;
                    }
                    add(a, b);
                    if (recording) {
                        explainer.correction(in.correctionNotice().get(),
                                corrected ? in.correctedMaterials() : Optional.empty(), policy.correction(), a, b);
                    }
                }
            }
        }
        for (int i = 0, n = tl.procedureCount(); i < n; i++) {
            long a = tl.procedureStartDay(i);
            if (after(a, tl.procedureStartNanoOfDay(i), nowDay, nowNod)) {
                if (recording) {
                    explainer.notYetStarted(in.procedures().get(i));
                }
                continue;
            }
            ProcedureKind kind = tl.procedureKind(i);
            boolean correction = kind == ProcedureKind.CORRECTION;
            if (!correction && !policy.stopsClock(kind)) {
                SpecialProcedure p = in.procedures().get(i);
                finding(DeadlineEngine.RULE_KIND_NOT_RECOGNISED, Severity.YELLOW,
                        BilingualText.of("特别程序“" + p.kind().chineseName() + "”（" + p.start().toLocalDate()
                                + "）不在本地可扣除时限的种类内，未扣除",
                                "procedure " + p.kind() + " from " + p.start().toLocalDate()
                                        + " is not a kind this locality lets stop the clock; not deducted"),
                        p.kind().legalReference(), Map.of("kind", p.kind().name(), "start", p.start().toString()));
                if (recording) {
                    explainer.notRecognised(p);
                }
                continue;
            }
            long resumedDay = tl.procedureResumedDay(i);
            boolean resumed = resumedDay != DeadlineTimeline.ABSENT
                    && !after(resumedDay, tl.procedureResumedNanoOfDay(i), nowDay, nowNod);
            if (correction && policy.correction() == CorrectionPolicy.RESTART && resumed) {
                if (recording) {
                    explainer.restartProcedure(in.procedures().get(i));
                }
                continue; // handled as the counting base
            }
            long b = resumed ? resumedDay : Math.max(a, tomorrow);
            if (!resumed) {
                paused = true;
            }
            add(a, b);
            if (recording) {
                explainer.procedure(in.procedures().get(i), resumed, a, b, baseDay);
            }
        }
        merge();
    }

    private void add(long a, long b) {
        a = Math.max(a, baseDay + 1); // days up to the base are never counted anyway
        if (b <= a) {
            return;
        }
        int need = 3 * (tl.procedureCount() + (tl.has(Event.CORRECTION_NOTICE) ? 1 : 0));
        if (iv == null || iv.length < need) {
            iv = new long[Math.max(need, MIN_INTERVAL_SLOTS)];
        }
        iv[3 * count] = a;
        iv[3 * count + 1] = b;
        iv[3 * count + 2] = -1;
        count++;
    }

    /** Sorts by start (insertion sort: few intervals) and merges overlapping or adjacent ones. */
    private void merge() {
        for (int i = 1; i < count; i++) {
            long s = iv[3 * i];
            long e = iv[3 * i + 1];
            int j = i - 1;
            while (j >= 0 && iv[3 * j] > s) {
                iv[3 * (j + 1)] = iv[3 * j];
                iv[3 * (j + 1) + 1] = iv[3 * j + 1];
                j--;
            }
            iv[3 * (j + 1)] = s;
            iv[3 * (j + 1) + 1] = e;
        }
        int m = 0;
        for (int i = 0; i < count; i++) {
            if (m > 0 && iv[3 * i] <= iv[3 * (m - 1) + 1]) {
                iv[3 * (m - 1) + 1] = Math.max(iv[3 * (m - 1) + 1], iv[3 * i + 1]);
            } else {
                iv[3 * m] = iv[3 * i];
                iv[3 * m + 1] = iv[3 * i + 1];
                m++;
            }
        }
        count = m;
    }

    private void collectExtensions() {
        for (int i = 0, n = tl.extensionCount(); i < n; i++) {
            if (tl.extensionApprovedDay(i) <= nowDay) {
                extensionDays += tl.extensionWorkingDays(i);
                if (recording) {
                    explainer.extension(in.extensions().get(i));
                }
            } else if (recording) {
                explainer.extensionNotYet(in.extensions().get(i));
            }
        }
    }

    // ---------------------------------------------------------------- counting

    /** Working days in merged interval i: the working days in [a, b) are those in (a - 1, b - 1]. */
    private int intervalWorking(int i) {
        long w = iv[3 * i + 2];
        if (w < 0) {
            long beforeStart = ranks.rank(iv[3 * i] - 1);
            w = ranks.rank(iv[3 * i + 1] - 1) - beforeStart;
            iv[3 * i + 2] = w;
        }
        return (int) w;
    }

    /** Working days in (x, y] that are not suspended, x ≤ y given as epoch days with their ranks. */
    private int counted(long x, long xRank, long y, long yRank) {
        return (int) (yRank - xRank) - suspendedIn(x, y);
    }

    /** Suspended working days in (x, y], as epoch days. */
    private int suspendedIn(long x, long y) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            long lo = Math.max(x, iv[3 * i] - 1);
            long hi = Math.min(y, iv[3 * i + 1] - 1);
            if (hi > lo) {
                total += lo == iv[3 * i] - 1 && hi == iv[3 * i + 1] - 1 ? intervalWorking(i) : workingDays(lo, hi);
            }
        }
        return total;
    }

    /** Working days in (x, y], as epoch days. */
    private int workingDays(long x, long y) {
        long xRank = ranks.rank(x);
        return (int) (ranks.rank(y) - xRank);
    }

    /** The rank of the due date (a working day) of {@code limit} with {@code amount} days. */
    private long dueRank(LimitUnit unit, int amount) {
        switch (unit) {
            case IMMEDIATE:
                return ranks.nextOrSameWorkingRank(baseDay);
            case WORKING_DAYS: {
                if (amount == 0) {
                    return ranks.nextOrSameWorkingRank(baseDay);
                }
                int shift = 0;
                for (int i = 0; i < count; i++) {
                    long beforeStart = iv[3 * i] - 1;
                    if (ranks.rank(beforeStart) - baseRank - shift >= amount) {
                        break;
                    }
                    shift += intervalWorking(i);
                }
                lastShift = shift; // every interval counted here lies wholly before the due date
                return baseRank + amount + shift;
            }
            case CALENDAR_DAYS: {
                long shift = 0;
                for (int i = 0; i < count; i++) {
                    if (iv[3 * i] - 1 - baseDay - shift >= amount) {
                        break;
                    }
                    shift += iv[3 * i + 1] - iv[3 * i];
                }
                return ranks.nextOrSameWorkingRank(baseDay + amount + shift);
            }
            default:
                throw new IllegalStateException("unit " + unit);
        }
    }

    /** The result of {@code limit}, whose unit and amount the caller read from the timeline. */
    private LimitResult limit(LimitKind kind, TimeLimit limit, LimitUnit unit, int limitAmount, long evalDay) {
        int ext = unit == LimitUnit.IMMEDIATE ? 0 : extensionDays;
        int amount = limitAmount + ext;
        long dueRank = dueRank(unit, amount);
        LocalDate due = ranks.dateOfRank(dueRank);
        long dueDay = ranks.epochDayOfRank(dueRank);
        LocalTime close = cal.officeHours(due).close();
        long closeNod = close.toNanoOfDay();
        Instant dueInstant = zone.instant(due, dueDay, close);
        lastDueDay = dueDay;
        long from = Math.max(evalDay, baseDay);
        if (elapsedCache < 0) {
            fromRank = ranks.rank(from);
            elapsedCache = counted(baseDay, baseRank, from, fromRank);
        }
        int elapsed = elapsedCache;
        boolean working = unit == LimitUnit.WORKING_DAYS && amount > 0;
        // for WORKING_DAYS the counted days in (base, due] are exactly the amount, and the suspended ones the shift
        int total = working ? amount : counted(baseDay, baseRank, dueDay, dueRank);
        int remaining = from > dueDay ? -counted(dueDay, dueRank, from, fromRank) : total - elapsed;
        int suspended = working ? lastShift : suspendedIn(baseDay, dueDay);
        DeadlineStatus status;
        if (completed) {
            status = after(tl.day(Event.COMPLETION), tl.nanoOfDay(Event.COMPLETION), dueDay, closeNod)
                    ? DeadlineStatus.COMPLETED_LATE : DeadlineStatus.COMPLETED_ON_TIME;
        } else if (after(nowDay, nowNod, dueDay, closeNod)) {
            status = DeadlineStatus.RED;
        } else if (paused) {
            status = DeadlineStatus.PAUSED;
        } else if (isYellow(remaining, total)) {
            status = DeadlineStatus.YELLOW;
        } else {
            status = DeadlineStatus.ON_TRACK;
        }
        if (recording) {
            explainer.due(kind, limit, ext, base, due, due.atTime(close), suspended);
            explainer.status(kind, status, now, completed ? in.completion().get() : null, elapsed, remaining, total);
        }
        return new LimitResult(kind, limit, ext, due, dueInstant, elapsed, remaining, suspended, status);
    }

    private boolean isYellow(int remaining, int total) {
        if (policy.yellowRemainingWorkingDays().isPresent() && remaining <= policy.yellowRemainingWorkingDays().getAsInt()) {
            return true;
        }
        return policy.yellowRemainingShare().isPresent()
                && remaining <= policy.yellowRemainingShare().getAsDouble() * total;
    }

    // ---------------------------------------------------------------- Art. 44, clock gaming

    private LocalDate delivery() {
        long decidedDay = tl.day(Event.DECIDED);
        if (decidedDay == DeadlineTimeline.ABSENT || after(decidedDay, tl.nanoOfDay(Event.DECIDED), nowDay, nowNod)) {
            return null; // not decided, or not yet as of now
        }
        long dueRank = ranks.rank(decidedDay) + DeadlineEngine.ART44_DELIVERY_WORKING_DAYS;
        LocalDate due = ranks.dateOfRank(dueRank);
        long dueDay = ranks.epochDayOfRank(dueRank);
        long closeNod = cal.officeHours(due).close().toNanoOfDay();
        long deliveredDay = tl.day(Event.DELIVERED);
        boolean delivered = deliveredDay != DeadlineTimeline.ABSENT
                && !after(deliveredDay, tl.nanoOfDay(Event.DELIVERED), nowDay, nowNod);
        boolean late = delivered ? after(deliveredDay, tl.nanoOfDay(Event.DELIVERED), dueDay, closeNod)
                : after(nowDay, nowNod, dueDay, closeNod);
        if (late || recording) {
            LocalDateTime decided = in.decided().get();
            if (late) {
                String when = delivered ? LocalDate.ofEpochDay(deliveredDay).toString() : null;
                finding(DeadlineEngine.RULE_ART44_LATE_DELIVERY, Severity.RED,
                        BilingualText.of("决定于 " + decided.toLocalDate() + "，应于 " + due + " 前送达，"
                                        + (when != null ? "实际 " + when + " 送达" : "截至 " + today + " 仍未送达"),
                                "decided on " + decided.toLocalDate() + ", delivery due by " + due + "; "
                                        + (when != null ? "delivered on " + when : "still not delivered on " + today)),
                        "行政许可法第四十四条", Map.of("decided", decided.toString(), "deliveryDue", due.toString()));
            }
            if (recording) {
                explainer.delivery(decided, due, due.atTime(cal.officeHours(due).close()),
                        delivered ? in.delivered() : Optional.empty(), late);
            }
        }
        return due;
    }

    private void clockGaming(LimitResult governing) {
        long acceptedDay = tl.day(Event.ACCEPTED);
        long acceptedNod = tl.nanoOfDay(Event.ACCEPTED);
        for (int i = 0, n = tl.procedureCount(); i < n; i++) {
            long startDay = tl.procedureStartDay(i);
            long startNod = tl.procedureStartNanoOfDay(i);
            if (after(startDay, startNod, nowDay, nowNod)) {
                continue;
            }
            if (startDay == acceptedDay && startNod == acceptedNod) {
                SpecialProcedure p = in.procedures().get(i);
                finding(DeadlineEngine.RULE_AT_ACCEPTANCE, Severity.YELLOW,
                        BilingualText.of("特别程序“" + p.kind().chineseName() + "”恰好在受理时刻 " + p.start() + " 开始",
                                "procedure " + p.kind() + " starts exactly at acceptance " + p.start()),
                        p.kind().legalReference(), Map.of("kind", p.kind().name(), "start", p.start().toString()));
            }
            long recordedDay = tl.procedureRecordedDay(i);
            if (recordedDay == DeadlineTimeline.ABSENT
                    || after(recordedDay, tl.procedureRecordedNanoOfDay(i), nowDay, nowNod)) {
                continue;
            }
            SpecialProcedure p = in.procedures().get(i);
            LocalDateTime recorded = p.recordedAt().get();
            if (startDay < recordedDay) {
                finding(DeadlineEngine.RULE_BACK_DATED, Severity.YELLOW,
                        BilingualText.of("特别程序“" + p.kind().chineseName() + "”于 " + recorded + " 录入，开始时间却倒填为 "
                                + p.start(), "procedure " + p.kind() + " recorded on " + recorded
                                        + " but back-dated to start on " + p.start()),
                        p.kind().legalReference(), Map.of("kind", p.kind().name(), "start", p.start().toString(),
                                "recordedAt", recorded.toString()));
            }
            LocalDateTime dueBefore = dueKnownBefore(i, recorded, governing);
            if (recorded.isAfter(dueBefore)) {
                finding(DeadlineEngine.RULE_RECORDED_AFTER_EXPIRY, Severity.RED,
                        BilingualText.of("特别程序“" + p.kind().chineseName() + "”于 " + recorded + " 录入，此前期限已于 "
                                + dueBefore + " 届满", "procedure " + p.kind() + " recorded on " + recorded
                                        + " after the deadline had already passed at " + dueBefore),
                        p.kind().legalReference(), Map.of("kind", p.kind().name(), "recordedAt", recorded.toString(),
                                "dueBefore", dueBefore.toString()));
            }
        }
    }

    /** The governing due instant (local) computed without procedure {@code idx} and those recorded at or after it. */
    private LocalDateTime dueKnownBefore(int idx, LocalDateTime recorded, LimitResult governing) {
        List<SpecialProcedure> kept = new ArrayList<>();
        List<SpecialProcedure> ps = in.procedures();
        for (int j = 0; j < ps.size(); j++) {
            SpecialProcedure q = ps.get(j);
            if (j != idx && (q.recordedAt().isEmpty() || q.recordedAt().get().isBefore(recorded))) {
                kept.add(q);
            }
        }
        DeadlineInput without = in.toBuilder().procedures(kept).build();
        Evaluation e = new Evaluation(without, cal, policy, asOf, false);
        e.fixBase();
        e.collectSuspensions();
        e.collectExtensions();
        TimeLimit limit = governing.limit();
        LocalDate due = ranks.dateOfRank(
                e.dueRank(limit.unit(), limit.amount() + (limit.unit() == LimitUnit.IMMEDIATE ? 0 : e.extensionDays)));
        return due.atTime(cal.officeHours(due).close());
    }

    /** A finding of the engine's own checks; {@code evidence} holds the dates its message states. */
    private void finding(String ruleId, Severity severity, BilingualText message, String legalReference,
            Map<String, String> evidence) {
        if (findings == null) {
            findings = new ArrayList<>(2);
        }
        findings.add(new Finding(ruleId, severity, in.caseId(), message, legalReference, "000000",
                DeadlineEngine.ruleSetVersion(cal), cal.version(), Map.of(), evidence));
    }
}
