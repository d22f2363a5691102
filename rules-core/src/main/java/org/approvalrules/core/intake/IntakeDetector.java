package org.approvalrules.core.intake;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
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
 * writes each record, compactly (about 50 bytes), to one of {@value IntakeSpill#PARTITIONS} partitions chosen by a
 * hash of (applicant, item) — in memory up to {@value IntakeSpill#MEMORY_BYTES} bytes, then in temporary files — and
 * at {@link Session#finish()} reads the partitions back one at a time per thread (a partition file over
 * {@value IntakeSpill#PARTITION_BYTES} bytes is first split again by another hash of the same key), grouping,
 * pairing and handing over the facts of one partition before reading the next: the heap holds one bounded partition's
 * records per thread ({@link Session#finish(int, BatchSink)}), the registers given, the item and channel-name tables
 * and the monthly volume counters, never the whole log. Time: O(n log n) for n records (each partition's records
 * are sorted once by the hash of their key).
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
        out.sort(ORDER);
        return out;
    }

    /** The order of {@link #order}: rule id, subject, Chinese message. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::ruleId).thenComparing(Finding::subject)
            .thenComparing(f -> f.message().zh());

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
        return session(registers, memoryBytes, IntakeSpill.PARTITION_BYTES);
    }

    /**
     * As {@link #session(IntakeRegisters, long)}, a partition file over {@code partitionBytes} being split again
     * before it is read (small values: for tests).
     */
    Session session(IntakeRegisters registers, long memoryBytes, long partitionBytes) {
        InvalidValueException.requireNonNull(registers, "registers");
        Map<String, ItemMove> byItem = new HashMap<>();
        for (ItemMove m : registers.moves()) {
            ItemMove before = byItem.put(m.itemCode(), m);
            if (before != null) {
                throw new InvalidValueException("moves.itemCode", m.itemCode(),
                        "进驻清单中同一事项出现两次 / the move-in register lists this item twice");
            }
        }
        return new Session(byItem, registers, new IntakeSpill(memoryBytes, partitionBytes));
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
        /** Item codes met, numbered from 0 (the spill stores the number), with their register entries. */
        private final Map<String, Integer> itemIds = new HashMap<>();
        private final List<String> itemCodes = new ArrayList<>();
        private final List<ItemMove> itemMoves = new ArrayList<>();
        /** Channel names met, numbered from 1 (0: no name). */
        private final Map<String, Integer> nameIds = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        /** Whether a named channel is the department end, by (name number × 4 + channel) and day. */
        private final Map<Integer, Map<Long, Boolean>> ends = new HashMap<>();
        /** The two-end window by day. */
        private final Map<Long, Integer> windows = new HashMap<>();
        private long count;
        private boolean finished;

        private Session(Map<String, ItemMove> moves, IntakeRegisters registers, IntakeSpill spill) {
            this.moves = moves;
            this.spill = spill;
            this.channels = registers.channels();
            this.onlineListed = channels.stream().anyMatch(c -> c.kind() == AcceptanceChannel.ONLINE);
            names.add("");
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
            LocalDateTime at = r.acceptedAt();
            add(r.caseNumber(), r.itemCode(), r.applicant(), r.channel(), r.channelName().orElse(null),
                    at.toEpochSecond(ZoneOffset.UTC), at.getNano());
        }

        /**
         * Adds one record given by its fields, as {@link #add(IntakeRecord)} does but without building the record
         * (the readers' path): the fields are checked as {@link IntakeRecord} checks them.
         *
         * @param channelName the channel's name, or null when none
         * @param localSecond the acceptance time as seconds from 1970-01-01T00:00 local time
         * @param nano its nanoseconds
         */
        public void add(String caseNumber, String itemCode, ApplicantId applicant, AcceptanceChannel channel,
                String channelName, long localSecond, int nano) {
            IntakeRecord.check(caseNumber, itemCode, applicant, channel, Optional.ofNullable(channelName));
            if (finished) {
                throw new IllegalStateException("session already finished");
            }
            count++;
            long day = Math.floorDiv(localSecond, SECONDS_PER_DAY);
            try {
                add(caseNumber, itemCode, applicant, channel, channelName, localSecond, nano, day);
            } catch (InvalidValueException e) {
                LocalDate d = LocalDate.ofEpochDay(day);
                throw new InvalidValueException("caseNumber", caseNumber, "办件 " + caseNumber + "（受理于 " + d
                        + "）无法检查 / case accepted on " + d + " cannot be checked: " + e.getMessage());
            }
        }

        private void add(String caseNumber, String itemCode, ApplicantId applicant, AcceptanceChannel channel,
                String channelName, long localSecond, int nano, long day) {
            int item = itemId(itemCode);
            int name = channelName == null ? 0 : nameIds.computeIfAbsent(channelName, k -> {
                names.add(k);
                return names.size() - 1;
            });
            boolean departmentEnd = departmentEnd(channel, name, day);
            ItemMove m = itemMoves.get(item);
            boolean required = departmentEnd && m != null && m.centreOnly() && day >= m.movedIn().toEpochDay();
            Track t = tracked.isEmpty() ? null : tracked.get(caseNumber);
            if (t != null) {
                t.accepted(LocalDateTime.ofEpochSecond(localSecond, nano, ZoneOffset.UTC), channel, departmentEnd);
            }
            int window = required ? windowDays(day) : 0;
            spill.write(caseNumber, item, itemCode, applicant.type().ordinal(), applicant.value(), channel.ordinal(), name,
                    localSecond, nano, Entry.pack(day, window, required, departmentEnd));
        }

        private int itemId(String itemCode) {
            Integer id = itemIds.get(itemCode);
            if (id == null) {
                id = itemCodes.size();
                itemIds.put(itemCode, id);
                itemCodes.add(itemCode);
                itemMoves.add(moves.get(itemCode));
            }
            return id;
        }

        /** Of two records of one case number, the earlier (then by channel, name and applicant type): independent of order. */
        private int earlier(IntakeSpill.Part p, int a, int b) {
            int c = Long.compare(p.seconds[a], p.seconds[b]);
            c = c != 0 ? c : Integer.compare(p.nanos[a], p.nanos[b]);
            c = c != 0 ? c : Integer.compare(p.channels[a], p.channels[b]);
            c = c != 0 ? c : names.get(p.names[a]).compareTo(names.get(p.names[b]));
            c = c != 0 ? c : Integer.compare(p.types[a], p.types[b]);
            return c <= 0 ? a : b;
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
            finish(1, (order, batch) -> batches.accept(batch));
        }

        /**
         * As {@link #finish(Consumer)}, reading, grouping and pairing the partitions on {@code threads} threads at
         * once (1: on the calling thread) and handing each batch to {@code batches} on the thread that made it, with
         * its place in the order of {@link #finish(Consumer)} (batch numbers increase in that order; the last batch,
         * the results, front-office cases and volumes, is handed over on the calling thread after every other).
         * {@code batches} must therefore be thread-safe when {@code threads > 1}. The first error of any thread stops
         * the others and is thrown here. The heap holds up to {@code threads} partitions at once.
         */
        public void finish(int threads, BatchSink batches) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            if (finished) {
                throw new IllegalStateException("session already finished");
            }
            finished = true;
            List<IntakeSpill.Partition> partitions = spill.partitions();
            List<Map<Volume, long[]>> counted = new ArrayList<>();
            if (threads == 1) {
                Map<Volume, long[]> volumes = new HashMap<>();
                counted.add(volumes);
                for (int i = 0; i < partitions.size(); i++) {
                    read(partitions.get(i), i, volumes, batches);
                }
            } else {
                Parallel.run(threads, "intake-finish", partitions.size(), () -> {
                    Map<Volume, long[]> volumes = new HashMap<>();
                    synchronized (counted) {
                        counted.add(volumes);
                    }
                    return i -> read(partitions.get(i), i, volumes, batches);
                });
            }
            Map<Volume, long[]> volumes = new HashMap<>();
            for (Map<Volume, long[]> c : counted) {
                c.forEach((k, v) -> {
                    long[] n = volumes.computeIfAbsent(k, x -> new long[2]);
                    n[0] += v[0];
                    n[1] += v[1];
                });
            }
            List<RuleFact> facts = new ArrayList<>();
            tracked.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> e.getValue().facts(e.getKey(), moves, facts));
            List<Volume> keys = new ArrayList<>(volumes.keySet());
            keys.sort(Comparator.<Volume, String>comparing(k -> itemCodes.get(k.item())).thenComparingInt(Volume::item)
                    .thenComparingInt(Volume::month));
            for (Volume k : keys) {
                long[] n = volumes.get(k);
                facts.add(new IntakeVolumeFact(itemCodes.get(k.item()), YearMonth.of(Math.floorDiv(k.month(), 12),
                        Math.floorMod(k.month(), 12) + 1), n[0], n[1]));
            }
            tracked.clear();
            batches.accept(Long.MAX_VALUE, List.copyOf(facts));
        }

        /** Reads partition {@code index}, handing its batches (numbered from {@code index << 32}) to {@code batches}. */
        private void read(IntakeSpill.Partition partition, int index, Map<Volume, long[]> volumes, BatchSink batches) {
            long[] next = {(long) index << 32};
            partition.read(part -> batches.accept(next[0]++, partition(part, volumes)));
        }

        /**
         * The department-end and pair facts of one partition's records; counts its cases into {@code volumes}. The
         * records are sorted by the hash of their (applicant, item) and the records of one (applicant, item) are a
         * group.
         */
        private List<RuleFact> partition(IntakeSpill.Part p, Map<Volume, long[]> volumes) {
            long[] order = new long[p.n];
            for (int i = 0; i < p.n; i++) {
                order[i] = (long) p.hash[i] << 32 | i;
            }
            Arrays.sort(order);
            List<RuleFact> departmentCases = new ArrayList<>();
            List<RuleFact> pairs = new ArrayList<>();
            int[] group = new int[16];
            int[] rest = new int[16];
            for (int i = 0; i < p.n; ) {
                int j = i + 1;
                while (j < p.n && order[j] >>> 32 == order[i] >>> 32) {
                    j++;
                }
                if (j == i + 1) {
                    group[0] = (int) order[i];
                    finishGroup(p, group, 1, departmentCases, pairs, volumes);
                } else { // one hash, perhaps several (applicant, item)
                    if (rest.length < j - i) {
                        rest = new int[j - i];
                        group = new int[j - i];
                    }
                    int left = 0;
                    for (int k = i; k < j; k++) {
                        rest[left++] = (int) order[k];
                    }
                    while (left > 0) {
                        int first = rest[0];
                        int g = 0;
                        int kept = 0;
                        for (int k = 0; k < left; k++) {
                            int x = rest[k];
                            if (p.items[x] == p.items[first] && p.applicants[x].equals(p.applicants[first])) {
                                group[g++] = x;
                            } else {
                                rest[kept++] = x;
                            }
                        }
                        left = kept;
                        finishGroup(p, group, g, departmentCases, pairs, volumes);
                    }
                }
                i = j;
            }
            Comparator<RuleFact> bySubject = Comparator.comparing(RuleFact::subject).thenComparing(String::valueOf);
            departmentCases.sort(bySubject);
            pairs.sort(bySubject);
            List<RuleFact> facts = new ArrayList<>(departmentCases.size() + pairs.size());
            facts.addAll(departmentCases);
            facts.addAll(pairs);
            return facts;
        }

        /**
         * The records {@code g[0..n)} of one (applicant, item): merges records of one case number into one case (a
         * centre-end case if any record is; its earliest record of that end), counts the cases per month for a
         * registered item, makes a department-end fact for each registered item's case with no centre-end record,
         * and pairs each department-end case of an item required in the centre with the nearest centre-end case.
         */
        private void finishGroup(IntakeSpill.Part p, int[] g, int n, List<RuleFact> departmentCases, List<RuleFact> pairs,
                Map<Volume, long[]> volumes) {
            ItemMove move = itemMoves.get(p.items[g[0]]);
            if (n == 1) {
                int i = g[0];
                count(move, p.items[i], p.entries[i], volumes);
                if (move != null && Entry.department(p.entries[i])) {
                    departmentCases.add(new DepartmentAcceptanceFact(record(p, i), move));
                }
                return;
            }
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = g[k];
            }
            // by case number, the centre end first, then by day: the first of each case number stands for the case
            Arrays.sort(order, Comparator.<Integer, String>comparing(i -> p.cases[i])
                    .thenComparingLong(i -> p.entries[i] & 1).thenComparingLong(i -> p.entries[i]));
            long[] merged = new long[n];
            String[] mergedCases = new String[n];
            int m = 0;
            int departments = 0;
            for (int k = 0; k < n; ) {
                int first = order[k];
                int earliestDepartment = Entry.department(p.entries[first]) ? first : -1;
                int end = k + 1;
                while (end < n && p.cases[order[end]].equals(p.cases[first])) {
                    if (earliestDepartment >= 0) {
                        earliestDepartment = earlier(p, earliestDepartment, order[end]);
                    }
                    end++;
                }
                if (move != null && earliestDepartment >= 0) { // a case without any centre-end record
                    departmentCases.add(new DepartmentAcceptanceFact(record(p, earliestDepartment), move));
                }
                merged[m] = p.entries[first];
                mergedCases[m] = p.cases[first];
                departments += Entry.department(p.entries[first]) ? 1 : 0;
                count(move, p.items[first], p.entries[first], volumes);
                m++;
                k = end;
            }
            if (departments > 0 && departments < m) {
                pair(merged, mergedCases, m, departments, itemCodes.get(p.items[g[0]]),
                        ApplicantId.mask(p.applicants[g[0]]), pairs);
            }
        }

        private IntakeRecord record(IntakeSpill.Part p, int i) {
            String name = names.get(p.names[i]);
            return new IntakeRecord(p.cases[i], itemCodes.get(p.items[i]),
                    ApplicantId.of(ApplicantId.Type.values()[p.types[i]], p.applicants[i]),
                    AcceptanceChannel.values()[p.channels[i]], name.isEmpty() ? Optional.empty() : Optional.of(name),
                    LocalDateTime.ofEpochSecond(p.seconds[i], p.nanos[i], ZoneOffset.UTC));
        }

        /** Counts a case of a registered item on or after its move-in date: volumes by (item number, month). */
        private void count(ItemMove move, int item, long e, Map<Volume, long[]> volumes) {
            if (move == null) {
                return;
            }
            long epochDay = Entry.day(e);
            if (epochDay < move.movedIn().toEpochDay()) {
                return;
            }
            volumes.computeIfAbsent(new Volume(item, epochMonth(epochDay)), k -> new long[2])[Entry.department(e) ? 0 : 1]++;
        }

        private boolean departmentEnd(AcceptanceChannel channel, int name, long day) {
            switch (channel) {
                case DEPARTMENT:
                    return true;
                case CENTRE_WINDOW:
                    return false;
                case ONLINE:
                    if (name == 0) {
                        return false;
                    }
                    break;
                default:
                    break;
            }
            return ends.computeIfAbsent(name * 4 + channel.ordinal(), k -> new HashMap<>())
                    .computeIfAbsent(day, d -> departmentEnd(channel, names.get(name), LocalDate.ofEpochDay(d)));
        }

        private boolean departmentEnd(AcceptanceChannel channel, String name, LocalDate day) {
            return switch (channel) {
                case DEPARTMENT -> true;
                case CENTRE_WINDOW -> false;
                case BRANCH_CENTRE -> !approved(channel, name, day, BRANCH_CENTRES);
                case ONLINE -> !approved(channel, name, day, ONLINE_CHANNELS)
                        && (onlineListed || !listAt(ONLINE_CHANNELS, day).isEmpty());
            };
        }

        private boolean approved(AcceptanceChannel channel, String name, LocalDate day, String parameter) {
            if (listAt(parameter, day).contains(name)) {
                return true;
            }
            for (ApprovedChannel c : channels) {
                if (c.approves(channel, name, day)) {
                    return true;
                }
            }
            return false;
        }

        private List<String> listAt(String parameter, LocalDate day) {
            return params.get(parameter).isPresent() ? params.listAt(parameter, day) : List.of();
        }

        private int windowDays(long day) {
            Integer w = windows.get(day);
            if (w == null) {
                w = params.intAt(WINDOW_DAYS, LocalDate.ofEpochDay(day));
                if (w < 0 || w > MAX_WINDOW_DAYS) {
                    throw new InvalidValueException("parameter." + WINDOW_DAYS, w,
                            "窗口天数应在 0–" + MAX_WINDOW_DAYS + " 之间 / the window must be 0–" + MAX_WINDOW_DAYS + " days");
                }
                windows.put(day, w);
            }
            return w;
        }
    }

    /** The key of a monthly volume counter: the item's number in the session's table and the month ({@link #epochMonth}). */
    private record Volume(int item, int month) {
        @Override
        public int hashCode() {
            return item * 1_000_003 + month; // distinct for any month of a four-digit year
        }
    }

    /**
     * The month of an epoch day as {@code year * 12 + month - 1} (ISO proleptic calendar, as {@link LocalDate} has
     * it), by arithmetic: the civil-from-days algorithm of H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
     */
    static int epochMonth(long epochDay) {
        long z = epochDay + 719_468; // days from 0000-03-01
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100); // from March 1st
        long shifted = (5 * dayOfYear + 2) / 153; // 0 = March … 11 = February
        long month = shifted < 10 ? shifted + 3 : shifted - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return Math.toIntExact(year * 12 + month - 1);
    }

    /** Receives the batches of facts of {@link Session#finish(int, BatchSink)}, perhaps on several threads at once. */
    @FunctionalInterface
    public interface BatchSink {
        /**
         * One batch of facts and its place in the order of the batches (increasing; {@link Long#MAX_VALUE} for the
         * last, the results, front-office cases and volumes).
         */
        void accept(long order, List<RuleFact> facts);
    }

    private static final long SECONDS_PER_DAY = 86_400;
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

        void accepted(LocalDateTime at, AcceptanceChannel channel, boolean departmentEnd) {
            boolean earlier = acceptedAt == null || at.isBefore(acceptedAt)
                    || at.equals(acceptedAt) && channel.compareTo(acceptedThrough) < 0;
            if (earlier) {
                acceptedAt = at;
                acceptedThrough = channel;
            }
            LocalDate day = at.toLocalDate();
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

    /**
     * For each department-end case required in the centre among the merged cases {@code entries[0..n)} of one
     * (applicant, item), a pair with the nearest centre-end case (earliest, then lowest case number).
     */
    private static void pair(long[] entries, String[] cases, int n, int departments, String item, String masked,
            List<RuleFact> pairs) {
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
        for (int i = 0; i < n; i++) {
            long e = entries[i];
            if (!Entry.department(e) || !Entry.required(e)) {
                continue;
            }
            long day = Entry.day(e);
            int w = Entry.window(e);
            int best = nearest(centreDays, c, day);
            pairs.add(new IntakePairFact(cases[i], LocalDate.ofEpochDay(day), centreCases[best],
                    LocalDate.ofEpochDay(centreDays[best]), item, masked, w));
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
