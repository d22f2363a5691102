package org.approvalrules.core.parameter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.ParameterLookup;

/**
 * The effective parameters of a locality, by id. Values are chosen by the date the caller gives (the
 * case's date), never by the engine clock. Immutable and thread-safe.
 */
public final class ParameterSet implements ParameterLookup {
    private final Map<String, Parameter> sorted;
    private final Map<String, Dated> byId;
    private final Map<List<String>, DisplayPeriods> displayCache = new ConcurrentHashMap<>();

    /**
     * A parameter's values as a sorted array of first days (epoch days), so that the value in force on a
     * date is one binary search: rules read parameters for every case.
     */
    private record Dated(Parameter parameter, long[] from, DatedValue[] values, int[] ints, BigDecimal[] decimals) {
        static Dated of(Parameter p) {
            long[] from = new long[p.values().size()];
            for (int i = 0; i < from.length; i++) {
                from[i] = p.values().get(i).from().toEpochDay();
            }
            DatedValue[] values = p.values().toArray(DatedValue[]::new);
            // typed copies for the lookups rules make for every case (no type test, no boxing)
            boolean allInts = Arrays.stream(values).allMatch(v -> v.value() instanceof Integer);
            boolean allNumbers = Arrays.stream(values).allMatch(v -> v.value() instanceof Integer || v.value() instanceof BigDecimal);
            int[] ints = allInts ? Arrays.stream(values).mapToInt(v -> (Integer) v.value()).toArray() : null;
            BigDecimal[] decimals = allNumbers ? Arrays.stream(values)
                    .map(v -> v.value() instanceof Integer i ? BigDecimal.valueOf(i) : (BigDecimal) v.value())
                    .toArray(BigDecimal[]::new) : null;
            return new Dated(p, from, values, ints, decimals);
        }

        /** The index of the value in force on {@code epochDay}, or -1 before the first. */
        int indexOn(long epochDay) {
            if (from.length == 1) {
                return epochDay >= from[0] ? 0 : -1;
            }
            int i = Arrays.binarySearch(from, epochDay);
            return i >= 0 ? i : -i - 2;
        }
    }

    /** The display maps of one list of parameter ids, one per period in which none of them changes. */
    private record DisplayPeriods(long[] starts, Map<String, String>[] maps) {
    }

    /** A set of the given parameters (ids unique). */
    public ParameterSet(Map<String, Parameter> byId) {
        this.sorted = java.util.Collections.unmodifiableMap(new TreeMap<>(byId));
        this.byId = new HashMap<>();
        // interned keys: rules look parameters up by string literals (interned), so a lookup hits on
        // reference equality instead of comparing characters; rules do this for every case
        byId.forEach((id, p) -> this.byId.put(id.intern(), Dated.of(p)));
    }

    /** All parameters, sorted by id. */
    public Map<String, Parameter> all() {
        return sorted;
    }

    /** The parameter with this id, if defined. */
    @Override
    public boolean defines(String id) {
        return get(id).isPresent();
    }

    public Optional<Parameter> get(String id) {
        Dated d = byId.get(id);
        return d == null ? Optional.empty() : Optional.of(d.parameter());
    }

    /** The value in force on {@code date}, with its reference; error when unknown or not yet in force. */
    public DatedValue valueOn(String id, LocalDate date) {
        Dated d = byId.get(id);
        if (d == null) {
            throw new InvalidValueException("parameter", id, "未定义的参数 / unknown parameter");
        }
        int i = d.indexOn(date.toEpochDay());
        if (i < 0) {
            throw new InvalidValueException("parameter." + id, date, "该日期无生效取值（最早 " + d.values()[0].from()
                    + "） / no value in force on that date (first " + d.values()[0].from() + ")");
        }
        return d.values()[i];
    }

    /**
     * The values of {@code ids} in force on {@code date}, as display strings (an immutable map sorted by
     * id, {@link Finding#sortedMap}, so a finding keeps it without a copy; shared by every date on which
     * none of these parameters changes value).
     */
    @Override
    public Map<String, String> displayValues(List<String> ids, LocalDate date) {
        DisplayPeriods periods = displayCache.computeIfAbsent(List.copyOf(ids), this::periods);
        long day = date.toEpochDay();
        int i = Arrays.binarySearch(periods.starts(), day);
        i = i >= 0 ? i : -i - 2;
        Map<String, String> m = i < 0 ? null : periods.maps()[i];
        return m != null ? m : display(ids, date);
    }

    /** The reference (document) of the value of {@code id} in force on {@code date}. */
    @Override
    public String referenceAt(String id, LocalDate date) {
        return valueOn(id, date).reference();
    }

    private Map<String, String> display(List<String> ids, LocalDate date) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String id : ids) {
            m.put(id, valueOn(id, date).display());
        }
        return Finding.sortedMap(m);
    }

    @SuppressWarnings("unchecked")
    private DisplayPeriods periods(List<String> ids) {
        TreeSet<Long> starts = new TreeSet<>();
        for (String id : ids) {
            Dated d = byId.get(id);
            if (d != null) {
                Arrays.stream(d.from()).forEach(starts::add);
            }
        }
        long[] s = starts.stream().mapToLong(Long::longValue).toArray();
        Map<String, String>[] maps = new Map[s.length];
        for (int i = 0; i < s.length; i++) {
            long start = s[i];
            boolean inForce = ids.stream().allMatch(id -> byId.containsKey(id) && byId.get(id).indexOn(start) >= 0);
            LocalDate day = LocalDate.ofEpochDay(start);
            maps[i] = inForce ? display(ids, day) : null;
        }
        return new DisplayPeriods(s, maps);
    }

    private <T> T typed(String id, LocalDate date, Class<T> type, ParameterType declared) {
        Object v = valueOn(id, date).value();
        if (!type.isInstance(v)) {
            throw new InvalidValueException("parameter." + id, v,
                    "参数类型不是 " + declared + " / parameter is not of type " + declared);
        }
        return type.cast(v);
    }

    @Override
    public int intAt(String id, LocalDate date) {
        Dated d = byId.get(id);
        if (d != null && d.ints() != null) {
            int i = d.indexOn(date.toEpochDay());
            if (i >= 0) {
                return d.ints()[i];
            }
        }
        return typed(id, date, Integer.class, ParameterType.INT); // the error, or a mixed-type parameter
    }

    @Override
    public BigDecimal decimalAt(String id, LocalDate date) {
        Dated d = byId.get(id);
        if (d != null && d.decimals() != null) {
            int i = d.indexOn(date.toEpochDay());
            if (i >= 0) {
                return d.decimals()[i];
            }
        }
        Object v = valueOn(id, date).value();
        if (v instanceof Integer i) {
            return BigDecimal.valueOf(i);
        }
        return typed(id, date, BigDecimal.class, ParameterType.DECIMAL);
    }

    @Override
    public boolean boolAt(String id, LocalDate date) {
        return typed(id, date, Boolean.class, ParameterType.BOOL);
    }

    @Override
    public String stringAt(String id, LocalDate date) {
        return typed(id, date, String.class, ParameterType.STRING);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> listAt(String id, LocalDate date) {
        List<?> l = typed(id, date, List.class, ParameterType.LIST);
        return l.stream().map(String::valueOf).toList();
    }

    @Override
    public boolean withinTimeRanges(String id, LocalDate date, LocalTime time) {
        List<?> l = typed(id, date, List.class, ParameterType.TIME_RANGE);
        for (Object o : l) {
            if (o instanceof TimeRange r && r.contains(time)) {
                return true;
            }
        }
        return false;
    }
}
