package org.approvalrules.core.calendar;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;

/**
 * A {@link WorkingCalendar} compiled into arrays so that every arithmetic operation is O(1):
 * a prefix count of working days over the coverage and the list of working dates by rank.
 * Outside the coverage the weekends-only assumption is computed in closed form, so a PROVISIONAL
 * calendar is O(1) too. Immutable and thread-safe.
 *
 * <p>Internally every date has a rank {@code R(d)}: the number of working days up to and including
 * {@code d}, counted from the coverage start (negative before it). Then
 * {@code workingDaysBetween(a, b) = R(b) - R(a)} and {@code plusWorkingDays(d, n)} is the working
 * day of rank {@code R(d) + n}.
 *
 * <p>Hot path: for a covered date, {@code R(d)} and the kind are read from a table keyed by
 * year/month/day (no epoch-day arithmetic) and the answer date from a pre-built array, so
 * {@code plusWorkingDays}, {@code minusWorkingDays}, {@code workingDaysBetween}, {@code kindOf} and
 * {@code isWorkingDay} allocate nothing and cost the same for every n. Dates outside the coverage
 * take the closed-form path (PROVISIONAL) or throw (STRICT). The same ranks are public as
 * {@link WorkingDayRanks} (epoch days in, ranks and dates out) for callers that do much arithmetic
 * on one case. {@link #explain(LocalDate)} marks a
 * date outside the coverage as provisional; {@link #covers(LocalDate)} tells a caller whether a
 * result involving a date must be marked provisional.
 */
public final class CompiledCalendar implements WorkingCalendar, WorkingDayRanks {

    private static final DayKind[] KINDS = DayKind.values();

    private final String id;
    private final DivisionCode locality;
    private final DateRange coverage;
    private final CoveragePolicy policy;
    private final OfficeHours officeHours;
    private final ZoneId zone;
    private final long startDay;
    private final long endDay;
    /** kind ordinal per day offset. */
    private final byte[] kinds;
    /** cum[i] = working days in [start, start + i]. */
    private final int[] cum;
    /** workDates[r - 1] = the working day of rank r. */
    private final LocalDate[] workDates;
    /** workOffsets[r - 1] = epoch day of the working day of rank r, minus {@link #startDay}. */
    private final int[] workOffsets;
    private final int totalWorking;
    /**
     * The hot path's index, so that a covered date needs no epoch-day arithmetic: for the date
     * {@code y-m-d}, slot {@code ((y - firstYear) * 13 + m) << 5 | d} holds its rank, or
     * {@link #NOT_COVERED} (also for slots that are no date). A {@code char} per slot keeps 23 years
     * in 19 KB, inside the L1 cache; calendars with 65,535 or more working days skip the table.
     */
    private final char[] rankByKey;
    private final byte[] kindByKey;
    private final int firstYear;
    private final int yearCount;
    /** monthStarts[(y - firstYear) * 12 + m - 1] = epoch day of the first of month m of year y, for the coverage years. */
    private final long[] monthStarts;
    private static final int NOT_COVERED = 0xFFFF;
    /** Slots per year in the key tables: {@code key / YEAR_SLOTS} is the year offset. */
    private static final int YEAR_SLOTS = 13 << 5;
    /** Non-ordinary days with their explanation. */
    private final Map<LocalDate, DayExplanation> specialDays;
    private final String version;
    /** Years inside the coverage that a recurring local layer lacks, with that layer. */
    private final Map<Integer, UncoveredYear> uncoveredYears;
    /** Per day offset: true in an uncovered year; null when there is none. */
    private final boolean[] dayUncovered;
    /** uncoveredCum[i] = uncovered days in [start, start + i]; null when there is none. */
    private final int[] uncoveredCum;
    /** Per coverage-year offset: whether the year is uncovered. */
    private final boolean[] yearUncovered;
    /**
     * Per coverage-year offset: the first and last rank of the run of covered years it belongs to
     * (STRICT with uncovered years); otherwise 1 and the last rank, so the fast paths never cross
     * an uncovered year in STRICT mode.
     */
    private final int[] runFirst;
    private final int[] runLast;
    /** STRICT and some year uncovered: the slow paths check spans. */
    private final boolean strictGaps;

    /** A year a recurring local layer has no data for. */
    private record UncoveredYear(String layerCode, String layerName) {
    }

    private CompiledCalendar(Builder b) {
        this.id = b.id != null ? b.id : "CN-" + b.locality;
        this.locality = b.locality;
        this.coverage = b.coverage;
        this.policy = b.policy;
        this.officeHours = b.officeHours;
        this.zone = b.zone;
        this.startDay = coverage.start().toEpochDay();
        this.endDay = coverage.end().toEpochDay();
        int n = Math.toIntExact(endDay - startDay + 1);
        this.kinds = new byte[n];
        this.cum = new int[n];
        int count = 0;
        LocalDate[] dates = new LocalDate[n];
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            LocalDate d = LocalDate.ofEpochDay(startDay + i);
            DayExplanation special = b.days.get(d);
            DayKind k = special != null ? special.kind() : ordinaryKind(d);
            kinds[i] = (byte) k.ordinal();
            if (k.isWorking()) {
                offsets[count] = i;
                dates[count++] = d;
            }
            cum[i] = count;
        }
        this.totalWorking = count;
        this.workDates = Arrays.copyOf(dates, count);
        this.workOffsets = Arrays.copyOf(offsets, count);
        this.firstYear = coverage.start().getYear();
        this.yearCount = count < NOT_COVERED ? coverage.end().getYear() - firstYear + 1 : 0;
        this.rankByKey = new char[yearCount * 13 << 5];
        this.kindByKey = new byte[rankByKey.length];
        Arrays.fill(rankByKey, (char) NOT_COVERED);
        for (int i = 0; i < n && yearCount > 0; i++) {
            int k = key(LocalDate.ofEpochDay(startDay + i));
            rankByKey[k] = (char) cum[i];
            kindByKey[k] = kinds[i];
        }
        this.monthStarts = new long[(coverage.end().getYear() - firstYear + 1) * 12];
        for (int i = 0; i < monthStarts.length; i++) {
            monthStarts[i] = LocalDate.of(firstYear + i / 12, i % 12 + 1, 1).toEpochDay();
        }
        this.specialDays = Map.copyOf(b.days);
        this.uncoveredYears = Map.copyOf(b.uncovered);
        int years = coverage.end().getYear() - firstYear + 1;
        this.yearUncovered = new boolean[years];
        b.uncovered.keySet().forEach(y -> yearUncovered[y - firstYear] = true);
        this.strictGaps = !uncoveredYears.isEmpty() && policy == CoveragePolicy.STRICT;
        if (uncoveredYears.isEmpty()) {
            this.dayUncovered = null;
            this.uncoveredCum = null;
        } else {
            this.dayUncovered = new boolean[n];
            this.uncoveredCum = new int[n];
            int u = 0;
            for (int i = 0; i < n; i++) {
                LocalDate d = LocalDate.ofEpochDay(startDay + i);
                if (yearUncovered[d.getYear() - firstYear]) {
                    dayUncovered[i] = true;
                    u++;
                    if (strictGaps && yearCount > 0) {
                        rankByKey[key(d)] = (char) NOT_COVERED; // STRICT: never answered from the table
                    }
                }
                uncoveredCum[i] = u;
            }
        }
        this.runFirst = new int[years];
        this.runLast = new int[years];
        for (int y = 0; y < years; y++) {
            runFirst[y] = 1;
            runLast[y] = totalWorking;
        }
        if (strictGaps) {
            int y = 0;
            while (y < years) {
                if (yearUncovered[y]) {
                    y++;
                    continue;
                }
                int z = y;
                while (z + 1 < years && !yearUncovered[z + 1]) {
                    z++;
                }
                int firstIdx = (int) (LocalDate.of(firstYear + y, 1, 1).toEpochDay() - startDay);
                int lastIdx = (int) (LocalDate.of(firstYear + z, 12, 31).toEpochDay() - startDay);
                for (int k = y; k <= z; k++) {
                    runFirst[k] = (firstIdx == 0 ? 0 : cum[firstIdx - 1]) + 1;
                    runLast[k] = cum[Math.min(lastIdx, n - 1)];
                }
                y = z + 1;
            }
        }
        this.version = computeVersion(b);
    }

    /** The exception for {@code date}, which lies in an uncovered year or outside the coverage. */
    private CalendarCoverageException notCovered(LocalDate date) {
        UncoveredYear u = uncoveredYears.get(date.getYear());
        return u == null || !coverage.contains(date) ? new CalendarCoverageException(id, date, coverage)
                : new CalendarCoverageException(id, date, coverage, u.layerCode(), u.layerName());
    }

    /** STRICT: throws when an uncovered day lies in [a, b] (epoch days, a ≤ b). */
    private void checkSpan(long a, long b) {
        if (!strictGaps) {
            return;
        }
        long lo = Math.max(a, startDay);
        long hi = Math.min(b, endDay);
        if (lo > hi) {
            return;
        }
        int i = (int) (lo - startDay);
        int j = (int) (hi - startDay);
        if (uncoveredCum[j] - (i == 0 ? 0 : uncoveredCum[i - 1]) > 0) {
            while (!dayUncovered[i]) {
                i++;
            }
            throw notCovered(LocalDate.ofEpochDay(startDay + i));
        }
    }

    private boolean uncoveredAt(long e) {
        return dayUncovered != null && e >= startDay && e <= endDay && dayUncovered[(int) (e - startDay)];
    }

    /**
     * The years inside the coverage that a recurring local layer of this calendar lacks, each with
     * that layer's code and name ({@code "450000 广西壮族自治区"}); dates in them are not covered.
     */
    public Map<Integer, String> uncoveredYears() {
        Map<Integer, String> out = new TreeMap<>();
        uncoveredYears.forEach((y, u) -> out.put(y, u.layerCode() + " " + u.layerName()));
        return out;
    }

    private static String computeVersion(Builder b) {
        Hasher h = Hashing.sha256().newHasher();
        h.putString(b.locality.value(), StandardCharsets.UTF_8).putString(b.coverage.toString(), StandardCharsets.UTF_8)
                .putString(b.officeHours.toString(), StandardCharsets.UTF_8)
                .putString(b.zone.getId(), StandardCharsets.UTF_8)
                .putString(b.policy.name(), StandardCharsets.UTF_8)
                .putString(new TreeMap<>(b.uncovered).toString(), StandardCharsets.UTF_8);
        for (DayExplanation e : new TreeMap<>(b.days).values()) {
            h.putString(e.date().toString(), StandardCharsets.UTF_8).putInt(e.kind().ordinal())
                    .putString(e.name().orElse(""), StandardCharsets.UTF_8)
                    .putString(e.layer(), StandardCharsets.UTF_8)
                    .putString(e.source().orElse(""), StandardCharsets.UTF_8);
        }
        return h.hash().toString().substring(0, 16);
    }

    /** The kind of a date that no notice mentions: WORKDAY Monday–Friday, WEEKEND otherwise. */
    public static DayKind ordinaryKind(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    /** Starts a calendar for {@code locality} covering {@code coverage}. */
    public static Builder builder(DivisionCode locality, DateRange coverage) {
        return new Builder(locality, coverage);
    }

    // ---- weekday closed forms (used outside coverage) ----

    /** Number of Monday–Friday days with epoch day ≤ e, relative to a fixed Monday origin. */
    private static long weekdayRank(long e) {
        long x = e + 3; // 1970-01-01 is a Thursday; x == 0 is Monday 1969-12-29
        return 5 * Math.floorDiv(x, 7) + Math.min(Math.floorMod(x, 7) + 1, 5);
    }

    /** The epoch day of the weekday with {@link #weekdayRank} t. */
    private static long weekdayOfRank(long t) {
        long x = 7 * Math.floorDiv(t - 1, 5) + Math.floorMod(t - 1, 5);
        return x - 3;
    }

    /** {@code true} when epoch day {@code e} is a Saturday or Sunday (no allocation). */
    private static boolean isWeekendDay(long e) {
        return Math.floorMod(e + 3, 7) >= 5; // 0 = Monday … 6 = Sunday
    }

    /** The rank of epoch day e, without the coverage check. */
    private long rankAt(long e) {
        if (e < startDay) {
            return weekdayRank(e) - weekdayRank(startDay - 1);
        }
        if (e > endDay) {
            return totalWorking + weekdayRank(e) - weekdayRank(endDay);
        }
        return cum[(int) (e - startDay)];
    }

    /** The epoch day of a rank outside the covered ranks (weekends only); STRICT throws. */
    private long uncoveredEpochDayOfRank(long r) {
        long e = r < 1 ? weekdayOfRank(r + weekdayRank(startDay - 1)) : weekdayOfRank(r - totalWorking + weekdayRank(endDay));
        if (policy == CoveragePolicy.STRICT) {
            throw notCovered(LocalDate.ofEpochDay(e));
        }
        return e;
    }

    /** The epoch day of {@code d}; in STRICT mode throws when it lies outside the coverage. */
    private long checkedEpochDay(LocalDate d) {
        long e = d.toEpochDay();
        if (policy == CoveragePolicy.STRICT && (e < startDay || e > endDay || strictGaps && uncoveredAt(e))) {
            throw notCovered(d);
        }
        return e;
    }

    /** {@code e} itself; in STRICT mode throws when it lies outside the coverage. */
    private long checked(long e) {
        if (policy == CoveragePolicy.STRICT && (e < startDay || e > endDay || strictGaps && uncoveredAt(e))) {
            throw notCovered(LocalDate.ofEpochDay(e));
        }
        return e;
    }

    private boolean workingAt(long e) {
        if (e < startDay || e > endDay) {
            return !isWeekendDay(e);
        }
        return KINDS[kinds[(int) (e - startDay)]].isWorking();
    }

    private DayKind kindAt(long e) {
        if (e < startDay || e > endDay) {
            return isWeekendDay(e) ? DayKind.WEEKEND : DayKind.WORKDAY;
        }
        return KINDS[kinds[(int) (e - startDay)]];
    }

    // ---- WorkingCalendar ----

    @Override
    public String id() {
        return id;
    }

    @Override
    public DivisionCode locality() {
        return locality;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public DateRange coverage() {
        return coverage;
    }

    @Override
    public CoveragePolicy policy() {
        return policy;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public OfficeHours officeHours(LocalDate date) {
        return officeHours;
    }

    /** The slot of a date in the key tables, or -1 when its year is outside the coverage years. */
    private int key(LocalDate d) {
        int y = d.getYear() - firstYear;
        return y >= 0 && y < yearCount ? (y * 13 + d.getMonthValue()) << 5 | d.getDayOfMonth() : -1;
    }

    @Override
    public DayKind kindOf(LocalDate date) {
        int k = key(date);
        if (k >= 0 && rankByKey[k] != NOT_COVERED) {
            return KINDS[kindByKey[k]];
        }
        return kindAt(checkedEpochDay(date));
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        int k = key(date);
        if (k >= 0 && rankByKey[k] != NOT_COVERED) {
            return KINDS[kindByKey[k]].isWorking();
        }
        return workingAt(checkedEpochDay(date));
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        int k = key(date);
        if (k >= 0 && n > 0) {
            int r = rankByKey[k];
            if (r != NOT_COVERED && n <= runLast[k / YEAR_SLOTS] - r) {
                return workDates[r + n - 1]; // covered start, covered answer: three array reads
            }
        }
        checkCount(n);
        long e = checkedEpochDay(date);
        if (n == 0) {
            return date;
        }
        LocalDate answer = dateOfRank(rankAt(e) + n);
        checkSpan(e, answer.toEpochDay());
        return answer;
    }

    @Override
    public LocalDate minusWorkingDays(LocalDate date, int n) {
        int k = key(date);
        if (k >= 0 && n > 0) {
            int r = rankByKey[k];
            if (r != NOT_COVERED) {
                int target = r - (KINDS[kindByKey[k]].isWorking() ? 1 : 0) - n + 1;
                if (target >= runFirst[k / YEAR_SLOTS]) {
                    return workDates[target - 1];
                }
            }
        }
        checkCount(n);
        long e = checkedEpochDay(date);
        if (n == 0) {
            return date;
        }
        long before = rankAt(e) - (workingAt(e) ? 1 : 0); // rank of the last working day < date
        LocalDate answer = dateOfRank(before - n + 1);
        checkSpan(answer.toEpochDay(), e);
        return answer;
    }

    @Override
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        int ka = key(a);
        int kb = key(b);
        if (ka >= 0 && kb >= 0) {
            int ra = rankByKey[ka];
            int rb = rankByKey[kb];
            if (ra != NOT_COVERED && rb != NOT_COVERED && runFirst[ka / YEAR_SLOTS] == runFirst[kb / YEAR_SLOTS]) {
                return rb - ra;
            }
        }
        long ea = checkedEpochDay(a);
        long eb = checkedEpochDay(b);
        checkSpan(Math.min(ea, eb), Math.max(ea, eb));
        return Math.toIntExact(rankAt(eb) - rankAt(ea));
    }

    @Override
    public boolean covers(LocalDate date) {
        int k = key(date);
        if (k >= 0) {
            return rankByKey[k] != NOT_COVERED && !yearUncovered[k / YEAR_SLOTS];
        }
        return yearCount == 0 && coverage.contains(date) && !yearUncovered[date.getYear() - firstYear];
    }

    // ---- WorkingDayRanks: ranks count from the coverage start (the first covered working day has rank 1) ----

    @Override
    public long epochDay(LocalDate date) {
        int y = date.getYear() - firstYear;
        if (y >= 0 && y < monthStarts.length / 12) {
            return monthStarts[y * 12 + date.getMonthValue() - 1] + date.getDayOfMonth() - 1;
        }
        return date.toEpochDay();
    }

    @Override
    public long rank(long epochDay) {
        return rankAt(checked(epochDay));
    }

    @Override
    public LocalDate dateOfRank(long rank) {
        if (rank >= 1 && rank <= totalWorking) {
            if (strictGaps && dayUncovered[workOffsets[(int) (rank - 1)]]) {
                throw notCovered(workDates[(int) (rank - 1)]);
            }
            return workDates[(int) (rank - 1)];
        }
        return LocalDate.ofEpochDay(uncoveredEpochDayOfRank(rank));
    }

    @Override
    public long epochDayOfRank(long rank) {
        if (rank >= 1 && rank <= totalWorking) {
            int off = workOffsets[(int) (rank - 1)];
            if (strictGaps && dayUncovered[off]) {
                throw notCovered(LocalDate.ofEpochDay(startDay + off));
            }
            return startDay + off;
        }
        return uncoveredEpochDayOfRank(rank);
    }

    @Override
    public boolean isWorkingEpochDay(long epochDay) {
        return workingAt(checked(epochDay));
    }

    @Override
    public boolean coversEpochDay(long epochDay) {
        return epochDay >= startDay && epochDay <= endDay && !uncoveredAt(epochDay);
    }

    @Override
    public boolean coversSpan(long fromDay, long toDay) {
        long a = Math.min(fromDay, toDay);
        long b = Math.max(fromDay, toDay);
        if (a < startDay || b > endDay) {
            return false;
        }
        return uncoveredCum == null
                || uncoveredCum[(int) (b - startDay)] - (a == startDay ? 0 : uncoveredCum[(int) (a - startDay - 1)]) == 0;
    }

    @Override
    public void requireSpan(long fromDay, long toDay) {
        long a = Math.min(fromDay, toDay);
        long b = Math.max(fromDay, toDay);
        checked(a);
        checked(b);
        checkSpan(a, b);
    }

    @Override
    public DayExplanation explain(LocalDate date) {
        long e = checkedEpochDay(date);
        boolean outside = e < startDay || e > endDay;
        boolean provisional = outside || uncoveredAt(e);
        DayExplanation special = outside ? null : specialDays.get(date);
        if (special != null) {
            return provisional ? new DayExplanation(date, special.kind(), special.name(), special.layer(), special.source(), true)
                    : special;
        }
        return new DayExplanation(date, ordinaryKind(date), Optional.empty(), locality.value(), Optional.empty(),
                provisional);
    }

    /** The days that differ from an ordinary Monday–Friday week, with their explanations (sorted). */
    public Map<LocalDate, DayExplanation> specialDays() {
        return new TreeMap<>(specialDays);
    }

    private static void checkCount(int n) {
        if (n < 0) {
            throw new InvalidValueException("n", n, "工作日数不能为负 / working-day count must not be negative");
        }
    }

    @Override
    public String toString() {
        return "CompiledCalendar[" + id + ", coverage " + coverage + ", " + policy + ", version " + version + "]";
    }

    /** Builds a {@link CompiledCalendar}; later {@link #day} calls for the same date replace earlier ones. */
    public static final class Builder {
        private final DivisionCode locality;
        private final DateRange coverage;
        private final Map<LocalDate, DayExplanation> days = new TreeMap<>();
        private String id;
        private CoveragePolicy policy = CoveragePolicy.STRICT;
        private OfficeHours officeHours = OfficeHours.DEFAULT;
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private final Map<Integer, UncoveredYear> uncovered = new TreeMap<>();

        private Builder(DivisionCode locality, DateRange coverage) {
            this.locality = InvalidValueException.requireNonNull(locality, "locality");
            this.coverage = InvalidValueException.requireNonNull(coverage, "coverage");
        }

        public Builder id(String id) {
            this.id = InvalidValueException.requireNonNull(id, "id");
            return this;
        }

        public Builder policy(CoveragePolicy policy) {
            this.policy = InvalidValueException.requireNonNull(policy, "policy");
            return this;
        }

        public Builder officeHours(OfficeHours officeHours) {
            this.officeHours = InvalidValueException.requireNonNull(officeHours, "officeHours");
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = InvalidValueException.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Sets the kind of one day inside the coverage. A day whose kind equals its ordinary kind is
         * ordinary for arithmetic but keeps its explanation (e.g. a local layer cancelling a national
         * working Saturday: WEEKEND, with the local notice). Kinds must agree with the day of the week:
         * WORKDAY only Monday–Friday, WEEKEND and ADJUSTED_WORKDAY only Saturday–Sunday, HOLIDAY any day.
         *
         * @throws InvalidValueException when the date is outside the coverage or the kind contradicts it
         */
        public Builder day(LocalDate date, DayKind kind, String name, String layer, String source) {
            InvalidValueException.requireNonNull(date, "date");
            InvalidValueException.requireNonNull(kind, "kind");
            if (!coverage.contains(date)) {
                throw new InvalidValueException("date", date, "日期不在日历覆盖范围 " + coverage + " 内 / date is outside coverage " + coverage);
            }
            boolean weekend = ordinaryKind(date) == DayKind.WEEKEND;
            if (kind == DayKind.ADJUSTED_WORKDAY && !weekend || kind == DayKind.WEEKEND && !weekend
                    || kind == DayKind.WORKDAY && weekend) {
                throw new InvalidValueException("kind", kind, date + " 是" + (weekend ? "周末" : "工作日（周一至周五）")
                        + "，不能标为 " + kind + " / " + date + " is a " + date.getDayOfWeek()
                        + (kind == DayKind.ADJUSTED_WORKDAY ? ": an adjusted working day must fall on a weekend"
                                : ": " + kind + " contradicts the day of the week (use HOLIDAY or ADJUSTED_WORKDAY)"));
            }
            days.put(date, new DayExplanation(date, kind, Optional.ofNullable(name).filter(s -> !s.isEmpty()),
                    InvalidValueException.requireNonNull(layer, "layer"),
                    Optional.ofNullable(source).filter(s -> !s.isEmpty()), false));
            return this;
        }

        /**
         * Marks {@code year} (inside the coverage) as not covered: the recurring local layer {@code layerCode}
         * has no data for it. STRICT refuses its dates (naming the layer and year); PROVISIONAL answers
         * with them flagged provisional.
         */
        public Builder uncoveredYear(int year, String layerCode, String layerName) {
            if (year < coverage.start().getYear() || year > coverage.end().getYear()) {
                throw new InvalidValueException("year", year, "年份不在日历覆盖范围 " + coverage + " 内 / year outside coverage " + coverage);
            }
            uncovered.putIfAbsent(year, new UncoveredYear(InvalidValueException.requireNonNull(layerCode, "layerCode"),
                    InvalidValueException.requireNonNull(layerName, "layerName")));
            return this;
        }

        /** Compiles the calendar. */
        public CompiledCalendar build() {
            return new CompiledCalendar(this);
        }
    }
}
