package org.approvalrules.core.intake;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.ApprovedChannel;
import org.approvalrules.api.intake.DepartmentAcceptanceFact;
import org.approvalrules.api.intake.FrontOfficeFact;
import org.approvalrules.api.intake.HandlingPlace;
import org.approvalrules.api.intake.IntakePairFact;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeRegisters;
import org.approvalrules.api.intake.IntakeVolumeFact;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.api.intake.OutsideSystemFact;
import org.approvalrules.api.intake.ResultRecord;
import org.approvalrules.api.intake.StepRecord;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.ParameterType;
import org.approvalrules.core.rules.FactJudge;

/**
 * Computes the facts of two-end intake (两头受理) and its kin in intake logs of any order, which the national
 * rules ({@code rules/intake.drl} of the bundled pack) judge:
 * <ul>
 *   <li>a {@link DepartmentAcceptanceFact} for each department-end case of an item in the move-in register
 *       ({@value #DEPARTMENT_AFTER_MOVE_IN}, 明进暗不进);</li>
 *   <li>an {@link IntakePairFact} pairing each department-end case of an item the register requires in the centre on
 *       that day with the nearest centre-end case of the same applicant and item under another case number, with the
 *       window in force that day ({@value #TWO_END}, 两头受理);</li>
 *   <li>an {@link OutsideSystemFact} for each result or certificate of a centre-only item issued on or after its
 *       move-in date, with the case's earliest acceptance record ({@value #OUTSIDE_SYSTEM}, 体外循环);</li>
 *   <li>a {@link FrontOfficeFact} for each centre-end case with steps ({@value #FRONT_OFFICE}, 前店后厂);</li>
 *   <li>an {@link IntakeVolumeFact} per registered item and month from its move-in date ({@value #VOLUME}).</li>
 * </ul>
 * <b>One case, one number.</b> Records with the same case number, applicant and item are one case (the centre's
 * and the department's systems both export it): it is a centre-end case when any of its records is, and it is
 * never paired with itself. <b>Ends.</b> The centre end is a centre window; a branch centre approved on the
 * record's date ({@value #BRANCH_CENTRES} or the approved channels); an online channel without a name, or named and
 * approved ({@value #ONLINE_CHANNELS} or the approved channels), or named when no approved online channel is known
 * at all. Everything else — a department office, an unapproved branch centre, a named online portal not approved
 * while others are — is the department end. Parameters are read by each record's own acceptance date, never by
 * the clock. It makes no finding itself: a {@link FactJudge} (a locality's compiled rules) does. Immutable and
 * thread-safe; each {@link Session} is for one thread.
 *
 * <p>Memory: records need not be sorted, so any record may still pair with one read later; a session therefore
 * writes each record, compactly, to one of {@value IntakeSpill#PARTITIONS} partitions chosen by a hash of (applicant,
 * item) — in memory up to {@value IntakeSpill#MEMORY_BYTES} bytes, then in temporary files — and at
 * {@link Session#finish()} reads the partitions back one at a time, grouping, pairing and handing over the facts of
 * one partition before reading the next: the heap holds one partition's records (about 1/64 of the log), the
 * registers given, the monthly volume counters and the findings, never the whole log. Time: O(n log n) for n
 * records (each key's records are sorted once).
 */
public final class IntakeDetector {

    /** Department-end acceptance of a centre-only item after its move-in date (明进暗不进). */
    public static final String DEPARTMENT_AFTER_MOVE_IN = "intake.department-after-move-in";
    /** The same applicant and item accepted at both ends under different case numbers within the window (两头受理). */
    public static final String TWO_END = "intake.two-end";
    /** A result issued without an acceptance record, or before the acceptance was recorded (体外循环). */
    public static final String OUTSIDE_SYSTEM = "intake.outside-system";
    /** A centre-accepted case decided and issued at the department (前店后厂). */
    public static final String FRONT_OFFICE = "intake.front-office";
    /** Per item and month, the department end's share of cases above a parameter (volume signal). */
    public static final String VOLUME = "intake.department-volume";
    /** Parameter: the window of days (int, ≥ 0) within which two acceptances are two-end intake. */
    public static final String WINDOW_DAYS = "intake.two-end.window-days";
    /** Parameter: the approved branch centres (list of names), which are not two-end intake. */
    public static final String BRANCH_CENTRES = "intake.branch-centres";
    /** Parameter (optional): the approved online channels (list of names); others, when named, are the department end. */
    public static final String ONLINE_CHANNELS = "intake.online-channels";
    /** Parameter: the department end's largest share of an item's cases in a month before the volume signal. */
    public static final String VOLUME_SHARE = "intake.volume.department-share";
    /** Parameter: the fewest cases of an item in a month for the volume signal. */
    public static final String VOLUME_MIN_CASES = "intake.volume.min-cases";

    /** The largest window accepted: a window of years would pair everything and is surely a data error. */
    static final int MAX_WINDOW_DAYS = 3_660;

    private final ParameterSet params;

    /**
     * A detector reading {@value #WINDOW_DAYS}, {@value #BRANCH_CENTRES} and (when defined) {@value #ONLINE_CHANNELS}
     * from {@code params} (a locality's effective parameters).
     *
     * @throws InvalidValueException when a parameter is missing or of the wrong type
     */
    public IntakeDetector(ParameterSet params) {
        this.params = InvalidValueException.requireNonNull(params, "params");
        require(params, WINDOW_DAYS, ParameterType.INT);
        require(params, BRANCH_CENTRES, ParameterType.LIST);
        if (params.get(ONLINE_CHANNELS).isPresent()) {
            require(params, ONLINE_CHANNELS, ParameterType.LIST);
        }
    }

    private static void require(ParameterSet params, String id, ParameterType type) {
        Parameter p = params.get(id).orElseThrow(() -> new InvalidValueException("parameter", id,
                "两头受理检查需要参数 " + id + " / two-end intake needs parameter " + id));
        if (p.type() != type) {
            throw new InvalidValueException("parameter." + id, p.type(),
                    "参数类型应为 " + type + " / parameter must be of type " + type);
        }
    }

    /** All findings of {@code rules} on {@code records} against the move-in register {@code moves}, in {@link #order}. */
    public List<Finding> detect(Iterable<IntakeRecord> records, Collection<ItemMove> moves, FactJudge rules) {
        return detect(records, IntakeRegisters.of(List.copyOf(InvalidValueException.requireNonNull(moves, "moves"))), rules);
    }

    /** All findings of {@code rules} on {@code records} against {@code registers}, in {@link #order}. */
    public List<Finding> detect(Iterable<IntakeRecord> records, IntakeRegisters registers, FactJudge rules) {
        InvalidValueException.requireNonNull(rules, "rules");
        Session s = session(registers);
        for (IntakeRecord r : records) {
            s.add(r);
        }
        return order(rules.judge(s.finish()));
    }

    /** {@code findings} ordered by rule id, then subject, then Chinese message (a new list). */
    public static List<Finding> order(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparing(Finding::ruleId).thenComparing(Finding::subject)
                .thenComparing(f -> f.message().zh()));
        return out;
    }

    /** A streaming session over one log, against the move-in register {@code moves} (one entry per item). */
    public Session session(Collection<ItemMove> moves) {
        return session(IntakeRegisters.of(List.copyOf(InvalidValueException.requireNonNull(moves, "moves"))));
    }

    /** A streaming session over logs, against {@code registers} (the move-in register lists each item once). */
    public Session session(IntakeRegisters registers) {
        return session(registers, IntakeSpill.MEMORY_BYTES);
    }

    /** As {@link #session(IntakeRegisters)}, the records going to temporary files beyond {@code memoryBytes}. */
    Session session(IntakeRegisters registers, long memoryBytes) {
        InvalidValueException.requireNonNull(registers, "registers");
        Map<String, ItemMove> byItem = new HashMap<>();
        for (ItemMove m : registers.moves()) {
            ItemMove before = byItem.put(m.itemCode(), m);
            if (before != null) {
                throw new InvalidValueException("moves.itemCode", m.itemCode(),
                        "进驻清单中同一事项出现两次 / the move-in register lists this item twice");
            }
        }
        return new Session(byItem, registers, new IntakeSpill(memoryBytes));
    }

    /**
     * Reads logs record by record ({@link #add}) and gives the facts at {@link #finish()}. Not thread-safe.
     */
    public final class Session {

        private final Map<String, ItemMove> moves;
        private final List<ApprovedChannel> channels;
        private final boolean onlineListed;
        /** The records, partitioned by (applicant, item), in memory or in temporary files. */
        private final IntakeSpill spill;
        /** Case numbers with results or steps → what the log says about them. */
        private final Map<String, Track> tracked = new HashMap<>();
        private long count;
        private boolean finished;

        private Session(Map<String, ItemMove> moves, IntakeRegisters registers, IntakeSpill spill) {
            this.moves = moves;
            this.spill = spill;
            this.channels = registers.channels();
            this.onlineListed = channels.stream().anyMatch(c -> c.kind() == AcceptanceChannel.ONLINE);
            for (ResultRecord r : registers.results()) {
                tracked.computeIfAbsent(r.caseNumber(), k -> new Track()).results.add(r);
            }
            for (StepRecord s : registers.steps()) {
                tracked.computeIfAbsent(s.caseNumber(), k -> new Track()).step(s);
            }
        }

        /** Adds one record; the facts are made at {@link #finish()}. */
        public void add(IntakeRecord r) {
            InvalidValueException.requireNonNull(r, "record");
            if (finished) {
                throw new IllegalStateException("session already finished");
            }
            count++;
            LocalDate day = r.acceptedAt().toLocalDate();
            try {
                add(r, day);
            } catch (InvalidValueException e) {
                throw new InvalidValueException("caseNumber", r.caseNumber(), "办件 " + r.caseNumber() + "（受理于 " + day
                        + "）无法检查 / case accepted on " + day + " cannot be checked: " + e.getMessage());
            }
        }

        private void add(IntakeRecord r, LocalDate day) {
            boolean departmentEnd = departmentEnd(r, day);
            ItemMove m = moves.get(r.itemCode());
            boolean required = departmentEnd && m != null && m.centreOnly() && !day.isBefore(m.movedIn());
            Track t = tracked.get(r.caseNumber());
            if (t != null) {
                t.accepted(r, departmentEnd);
            }
            int window = required ? windowDays(day) : 0;
            spill.write(r, Entry.pack(day.toEpochDay(), window, required, departmentEnd));
        }

        /** Of two records of one case number, the earlier (then by channel and name): independent of order. */
        private static DepartmentAcceptanceFact earlier(DepartmentAcceptanceFact a, DepartmentAcceptanceFact b) {
            Comparator<DepartmentAcceptanceFact> c = Comparator.<DepartmentAcceptanceFact, LocalDateTime>comparing(
                            f -> f.record().acceptedAt())
                    .thenComparing(f -> f.record().channel())
                    .thenComparing(f -> f.record().channelName().orElse(""));
            return c.compare(a, b) <= 0 ? a : b;
        }

        /** Records added so far. */
        public long records() {
            return count;
        }

        /**
         * Groups the records into cases, pairs them and returns all facts: department-end acceptances and pairs
         * partition by partition, then results, front-office cases and the monthly volumes. The session cannot be
         * used afterwards.
         */
        public List<RuleFact> finish() {
            List<RuleFact> all = new ArrayList<>();
            finish(all::addAll);
            return List.copyOf(all);
        }

        /**
         * As {@link #finish()}, handing the facts to {@code batches} in batches (one per partition of records, then
         * one with the results, front-office cases and volumes), so that a caller judges each batch and keeps only
         * the findings. Every fact of one (applicant, item) is in one batch.
         */
        public void finish(Consumer<List<RuleFact>> batches) {
            finished = true;
            Map<String, TreeMap<YearMonth, long[]>> volumes = new TreeMap<>();
            spill.drain((records, entries) -> batches.accept(partition(records, entries, volumes)));
            List<RuleFact> facts = new ArrayList<>();
            tracked.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> e.getValue().facts(e.getKey(), moves, facts));
            volumes.forEach((item, months) -> months.forEach((month, n) ->
                    facts.add(new IntakeVolumeFact(item, month, n[0], n[1]))));
            tracked.clear();
            batches.accept(List.copyOf(facts));
        }

        /** The department-end and pair facts of one partition's records; counts its cases into {@code volumes}. */
        private List<RuleFact> partition(List<IntakeRecord> records, long[] entries,
                Map<String, TreeMap<YearMonth, long[]>> volumes) {
            Map<String, Map<String, Group>> groups = new HashMap<>();
            Map<String, DepartmentAcceptanceFact> departmentCases = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                IntakeRecord r = records.get(i);
                long e = entries[i];
                ItemMove m = moves.get(r.itemCode());
                if (Entry.department(e) && m != null) {
                    departmentCases.merge(caseKey(r.applicant().value(), r.itemCode(), r.caseNumber()),
                            new DepartmentAcceptanceFact(r, m), Session::earlier);
                }
                groups.computeIfAbsent(r.itemCode(), k -> new HashMap<>())
                        .computeIfAbsent(r.applicant().value(), k -> new Group()).add(e, r);
            }
            List<RuleFact> pairs = new ArrayList<>();
            Set<String> alsoCentre = new HashSet<>();
            for (Map.Entry<String, Map<String, Group>> byItem : groups.entrySet()) {
                ItemMove m = moves.get(byItem.getKey());
                for (Group g : byItem.getValue().values()) {
                    g.finish(this, m, pairs, alsoCentre, volumes);
                }
            }
            List<RuleFact> facts = new ArrayList<>();
            departmentCases.entrySet().stream().filter(f -> !alsoCentre.contains(f.getKey())).map(Map.Entry::getValue)
                    .sorted(Comparator.comparing(DepartmentAcceptanceFact::subject)).forEach(facts::add);
            pairs.sort(Comparator.comparing(RuleFact::subject));
            facts.addAll(pairs);
            return facts;
        }

        private boolean departmentEnd(IntakeRecord r, LocalDate day) {
            return switch (r.channel()) {
                case DEPARTMENT -> true;
                case CENTRE_WINDOW -> false;
                case BRANCH_CENTRE -> !approved(r, day, BRANCH_CENTRES);
                case ONLINE -> r.channelName().isPresent() && !approved(r, day, ONLINE_CHANNELS)
                        && (onlineListed || !listAt(ONLINE_CHANNELS, day).isEmpty());
            };
        }

        private boolean approved(IntakeRecord r, LocalDate day, String parameter) {
            String name = r.channelName().orElseThrow();
            if (listAt(parameter, day).contains(name)) {
                return true;
            }
            for (ApprovedChannel c : channels) {
                if (c.approves(r.channel(), name, day)) {
                    return true;
                }
            }
            return false;
        }

        private List<String> listAt(String parameter, LocalDate day) {
            return params.get(parameter).isPresent() ? params.listAt(parameter, day) : List.of();
        }

        private int windowDays(LocalDate day) {
            int w = params.intAt(WINDOW_DAYS, day);
            if (w < 0 || w > MAX_WINDOW_DAYS) {
                throw new InvalidValueException("parameter." + WINDOW_DAYS, w,
                        "窗口天数应在 0–" + MAX_WINDOW_DAYS + " 之间 / the window must be 0–" + MAX_WINDOW_DAYS + " days");
            }
            return w;
        }
    }

    /** One case: applicant, item and case number. */
    static String caseKey(String applicant, String item, String caseNumber) {
        return applicant + '\u0000' + item + '\u0000' + caseNumber;
    }

    /** What the logs and registers say about one case number that has results or steps. */
    private static final class Track {
        final List<ResultRecord> results = new ArrayList<>(1);
        String stepItem;
        int decisionSteps;
        int decisionsAtDepartment;
        /** Place of the latest certification or delivery step, and its time. */
        HandlingPlace issuePlace;
        LocalDateTime issueAt;
        /** The earliest acceptance record of the case and its channel. */
        LocalDateTime acceptedAt;
        AcceptanceChannel acceptedThrough;
        /** The earliest centre-end acceptance day. */
        LocalDate centreOn;

        void step(StepRecord s) {
            stepItem = stepItem == null || s.itemCode().compareTo(stepItem) < 0 ? s.itemCode() : stepItem;
            if (s.decision()) {
                decisionSteps++;
                decisionsAtDepartment += s.place() == HandlingPlace.DEPARTMENT ? 1 : 0;
            } else if (s.step() == Power.CERTIFICATION || s.step() == Power.DELIVERY) {
                boolean later = issueAt == null || s.at().isAfter(issueAt)
                        || s.at().equals(issueAt) && s.place().compareTo(issuePlace) > 0;
                if (later) {
                    issueAt = s.at();
                    issuePlace = s.place();
                }
            }
        }

        void accepted(IntakeRecord r, boolean departmentEnd) {
            boolean earlier = acceptedAt == null || r.acceptedAt().isBefore(acceptedAt)
                    || r.acceptedAt().equals(acceptedAt) && r.channel().compareTo(acceptedThrough) < 0;
            if (earlier) {
                acceptedAt = r.acceptedAt();
                acceptedThrough = r.channel();
            }
            LocalDate day = r.acceptedAt().toLocalDate();
            if (!departmentEnd && (centreOn == null || day.isBefore(centreOn))) {
                centreOn = day;
            }
        }

        void facts(String caseNumber, Map<String, ItemMove> moves, List<RuleFact> out) {
            List<ResultRecord> sorted = new ArrayList<>(results);
            sorted.sort(Comparator.comparing(ResultRecord::issuedAt).thenComparing(ResultRecord::kind)
                    .thenComparing(ResultRecord::place).thenComparing(ResultRecord::itemCode));
            for (ResultRecord r : sorted) {
                ItemMove m = moves.get(r.itemCode());
                if (m != null && m.centreOnly() && !r.issuedAt().toLocalDate().isBefore(m.movedIn())) {
                    out.add(new OutsideSystemFact(r, m, Optional.ofNullable(acceptedAt), Optional.ofNullable(acceptedThrough)));
                }
            }
            if (stepItem != null && centreOn != null) {
                Optional<HandlingPlace> place = sorted.isEmpty() ? Optional.ofNullable(issuePlace)
                        : Optional.of(sorted.get(0).place());
                out.add(new FrontOfficeFact(caseNumber, stepItem, centreOn, decisionSteps, decisionsAtDepartment, place));
            }
        }
    }

    /**
     * A record as one {@code long}: epoch day in the high 32 bits (so entries sort by day), the window (for a
     * department-end record of an item required in the centre) in bits 2–17, bit 1 set when the item is required in
     * the centre that day, bit 0 set for the department end.
     */
    private static final class Entry {
        private Entry() {
        }

        static long pack(long epochDay, int window, boolean required, boolean department) {
            return epochDay << 32 | (long) window << 2 | (required ? 2 : 0) | (department ? 1 : 0);
        }

        static long day(long e) {
            return e >> 32;
        }

        static int window(long e) {
            return (int) (e >>> 2) & 0xFFFF;
        }

        static boolean required(long e) {
            return (e & 2) != 0;
        }

        static boolean department(long e) {
            return (e & 1) != 0;
        }
    }

    /** The records of one (applicant, item), in the order read; arrays only from the second record on. */
    private static final class Group {
        /** Null while the group has one record (then {@link #first} and {@link #sample} hold it). */
        long[] entries;
        String[] cases;
        /** Any one record of the key, for the item code and the masked applicant in messages. */
        IntakeRecord sample;
        /** The first record's entry, while the group has one record. */
        long first;
        int n;

        void add(long entry, IntakeRecord r) {
            if (n == 0) {
                sample = r; // a group of one record (most of a log) keeps only its first record
                n = 1;
                first = entry;
                return;
            }
            if (n == 1) {
                entries = new long[] {first, 0, 0, 0};
                cases = new String[] {sample.caseNumber(), null, null, null};
            } else if (n == entries.length) {
                entries = Arrays.copyOf(entries, n * 2);
                cases = Arrays.copyOf(cases, n * 2);
            }
            entries[n] = entry;
            cases[n] = r.caseNumber();
            n++;
        }

        /**
         * Merges records of one case number into one case (a centre-end case if any record is; its earliest record
         * of that end), counts the cases per month for a registered item, and pairs each department-end case of an
         * item required in the centre with the nearest centre-end case.
         */
        void finish(IntakeDetector.Session s, ItemMove move, List<RuleFact> pairs, Set<String> alsoCentre,
                Map<String, TreeMap<YearMonth, long[]>> volumes) {
            if (n == 1) {
                count(move, first, volumes);
                return;
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // by case number, the centre end first, then by day: the first of each case number stands for the case
            Arrays.sort(order, Comparator.<Integer, String>comparing(i -> cases[i])
                    .thenComparingLong(i -> entries[i] & 1).thenComparingLong(i -> entries[i]));
            long[] merged = new long[n];
            String[] mergedCases = new String[n];
            int m = 0;
            int departments = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (m > 0 && mergedCases[m - 1].equals(cases[i])) {
                    if (!Entry.department(merged[m - 1]) && Entry.department(entries[i])) {
                        alsoCentre.add(caseKey(sample.applicant().value(), sample.itemCode(), cases[i]));
                    }
                    continue;
                }
                merged[m] = entries[i];
                mergedCases[m] = cases[i];
                departments += Entry.department(entries[i]) ? 1 : 0;
                count(move, entries[i], volumes);
                m++;
            }
            if (departments > 0 && departments < m) {
                pair(merged, mergedCases, m, departments, pairs);
            }
        }

        private void count(ItemMove move, long e, Map<String, TreeMap<YearMonth, long[]>> volumes) {
            if (move == null) {
                return;
            }
            LocalDate day = LocalDate.ofEpochDay(Entry.day(e));
            if (day.isBefore(move.movedIn())) {
                return;
            }
            long[] c = volumes.computeIfAbsent(move.itemCode(), k -> new TreeMap<>())
                    .computeIfAbsent(YearMonth.from(day), k -> new long[2]);
            c[Entry.department(e) ? 0 : 1]++;
        }

        /** For each department-end case required in the centre, a pair with the nearest centre-end case (earliest, then lowest case number). */
        private void pair(long[] entries, String[] cases, int n, int departments, List<RuleFact> pairs) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.<Integer>comparingLong(i -> Entry.day(entries[i])).thenComparing(i -> cases[i]));
            long[] centreDays = new long[n - departments];
            String[] centreCases = new String[n - departments];
            int c = 0;
            for (Integer i : order) {
                if (!Entry.department(entries[i])) {
                    centreDays[c] = Entry.day(entries[i]);
                    centreCases[c] = cases[i];
                    c++;
                }
            }
            String masked = sample.applicant().masked();
            for (int i = 0; i < n; i++) {
                long e = entries[i];
                if (!Entry.department(e) || !Entry.required(e)) {
                    continue;
                }
                long day = Entry.day(e);
                int w = Entry.window(e);
                int best = nearest(centreDays, c, day);
                pairs.add(new IntakePairFact(cases[i], LocalDate.ofEpochDay(day), centreCases[best],
                        LocalDate.ofEpochDay(centreDays[best]), sample.itemCode(), masked, w));
            }
        }

        /** Index of the first of the days closest to {@code day} in sorted {@code days[0..c)}, c ≥ 1. */
        private static int nearest(long[] days, int c, long day) {
            int lo = 0;
            int hi = c; // first index with days[i] >= day
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (days[mid] < day) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo == c) {
                return firstOf(days, c - 1);
            }
            if (lo == 0) {
                return 0;
            }
            long before = day - days[lo - 1];
            long after = days[lo] - day;
            return before <= after ? firstOf(days, lo - 1) : lo;
        }

        /** The first index holding the same day as {@code days[i]}. */
        private static int firstOf(long[] days, int i) {
            while (i > 0 && days[i - 1] == days[i]) {
                i--;
            }
            return i;
        }
    }
}
