package org.approvalrules.core.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.DepartmentAcceptanceFact;
import org.approvalrules.api.intake.IntakePairFact;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.ParameterType;
import org.approvalrules.core.rules.FactJudge;

/**
 * Computes the facts of two-end intake (两头受理) in intake logs of any size and order, which the national
 * rules ({@code rules/intake.drl} of the bundled pack) judge: a {@link DepartmentAcceptanceFact} for each
 * department-end acceptance of an item in the move-in register, and an {@link IntakePairFact} pairing each
 * department-end acceptance with the nearest centre-end acceptance of the same applicant and item (with
 * the window in force on the department-end date). The national rules report:
 * <ul>
 *   <li>{@value #DEPARTMENT_AFTER_MOVE_IN} (明进暗不进): a department-end acceptance of a centre-only item on or
 *       after the day it moved into the centre;</li>
 *   <li>{@value #TWO_END} (两头受理): the same applicant and item accepted at the department end and at the
 *       centre end within {@value #WINDOW_DAYS} days of each other (one finding per department-end record,
 *       citing the nearest centre-end record).</li>
 * </ul>
 * The centre end is a centre window, an approved online channel, or a branch centre named in
 * {@value #BRANCH_CENTRES} on the record's date (approved branch centres are not two-end intake); the department
 * end is a department office or a branch centre not in that list. Parameters are read by each record's own
 * acceptance date, never by the clock. It makes no finding itself: a {@link FactJudge} (a locality's
 * compiled rules) does. Immutable and thread-safe; each {@link Session} is for one thread.
 *
 * <p>Memory: a session keeps, per (applicant, item) key seen, one {@code long} and one case-number reference per
 * record: records need not be sorted, so any record may still pair with one read later. Time: O(n log n)
 * for n records (each key's records are sorted once at {@link Session#finish()}); never O(n²).
 */
public final class IntakeDetector {

    /** Department-end acceptance of a centre-only item after its move-in date (明进暗不进). */
    public static final String DEPARTMENT_AFTER_MOVE_IN = "intake.department-after-move-in";
    /** The same applicant and item accepted at both ends within the window (两头受理). */
    public static final String TWO_END = "intake.two-end";
    /** Parameter: the window of days (int, ≥ 0) within which two acceptances are two-end intake. */
    public static final String WINDOW_DAYS = "intake.two-end.window-days";
    /** Parameter: the approved branch centres (list of names), which are not two-end intake. */
    public static final String BRANCH_CENTRES = "intake.branch-centres";

    /** The largest window accepted: a window of years would pair everything and is surely a data error. */
    static final int MAX_WINDOW_DAYS = 3_660;

    private final ParameterSet params;

    /**
     * A detector reading {@value #WINDOW_DAYS} and {@value #BRANCH_CENTRES} from {@code params}
     * (a locality's effective parameters).
     *
     * @throws InvalidValueException when a parameter is missing or of the wrong type
     */
    public IntakeDetector(ParameterSet params) {
        this.params = InvalidValueException.requireNonNull(params, "params");
        require(params, WINDOW_DAYS, ParameterType.INT);
        require(params, BRANCH_CENTRES, ParameterType.LIST);
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
        InvalidValueException.requireNonNull(rules, "rules");
        Session s = session(moves);
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
        Map<String, ItemMove> byItem = new HashMap<>();
        for (ItemMove m : InvalidValueException.requireNonNull(moves, "moves")) {
            ItemMove before = byItem.put(m.itemCode(), m);
            if (before != null) {
                throw new InvalidValueException("moves.itemCode", m.itemCode(),
                        "进驻清单中同一事项出现两次 / the move-in register lists this item twice");
            }
        }
        return new Session(byItem);
    }

    /**
     * Reads one log record by record ({@link #add}) and gives the facts at {@link #finish()}. Not thread-safe.
     */
    public final class Session {

        private final Map<String, ItemMove> moves;
        /** item code → applicant identifier value → that (applicant, item)'s records (no key object per record). */
        private final Map<String, Map<String, Group>> groups = new HashMap<>();
        private final List<RuleFact> facts = new ArrayList<>();
        private long count;
        private boolean finished;

        private Session(Map<String, ItemMove> moves) {
            this.moves = moves;
        }

        /** Adds one record; facts that need no other record are made now, the pairs at {@link #finish()}. */
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
            if (departmentEnd) {
                ItemMove m = moves.get(r.itemCode());
                if (m != null) {
                    facts.add(new DepartmentAcceptanceFact(r, m));
                }
            }
            int window = departmentEnd ? windowDays(day) : 0;
            groups.computeIfAbsent(r.itemCode(), k -> new HashMap<>())
                    .computeIfAbsent(r.applicant().value(), k -> new Group())
                    .add(Entry.pack(day.toEpochDay(), window, departmentEnd), r);
        }

        /** Records added so far. */
        public long records() {
            return count;
        }

        /**
         * Pairs the records of every key and returns all facts: the department-end acceptances in the order
         * read, then the pairs. The session cannot be used afterwards.
         */
        public List<RuleFact> finish() {
            finished = true;
            for (Map<String, Group> byApplicant : groups.values()) {
                for (Group g : byApplicant.values()) {
                    if (g.departments > 0 && g.departments < g.n) {
                        g.pair(this);
                    }
                }
            }
            groups.clear();
            return List.copyOf(facts);
        }

        private boolean departmentEnd(IntakeRecord r, LocalDate day) {
            return switch (r.channel()) {
                case DEPARTMENT -> true;
                case CENTRE_WINDOW, ONLINE -> false;
                case BRANCH_CENTRE -> !params.listAt(BRANCH_CENTRES, day).contains(r.channelName().orElseThrow());
            };
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

    /**
     * A record as one {@code long}: epoch day in the high 32 bits (so entries sort by day), the window (for a
     * department-end record) in bits 1–16, bit 0 set for the department end.
     */
    private static final class Entry {
        private Entry() {
        }

        static long pack(long epochDay, int window, boolean department) {
            return epochDay << 32 | (long) window << 1 | (department ? 1 : 0);
        }

        static long day(long e) {
            return e >> 32;
        }

        static int window(long e) {
            return (int) (e >>> 1) & 0xFFFF;
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
        int departments;

        void add(long entry, IntakeRecord r) {
            if (n == 0) {
                sample = r; // a group of one record (most of a log) keeps only its first record
                n = 1;
                departments = Entry.department(entry) ? 1 : 0;
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
            if (Entry.department(entry)) {
                departments++;
            }
        }

        /** For each department-end record, a pair with the nearest centre-end record (earliest, then lowest case number). */
        void pair(Session s) {
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
                if (!Entry.department(e)) {
                    continue;
                }
                long day = Entry.day(e);
                int w = Entry.window(e);
                int best = nearest(centreDays, c, day);
                s.facts.add(new IntakePairFact(cases[i], LocalDate.ofEpochDay(day), centreCases[best],
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
