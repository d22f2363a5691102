package org.approvalrules.core.parameter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.rules.ParameterLookup;

/**
 * The effective parameters of a locality, by id. Values are chosen by the date the caller gives (the
 * case's date), never by the engine clock. Immutable and thread-safe.
 */
public final class ParameterSet implements ParameterLookup {
    private final Map<String, Parameter> sorted;
    private final Map<String, Parameter> byId;

    /** A set of the given parameters (ids unique). */
    public ParameterSet(Map<String, Parameter> byId) {
        this.sorted = java.util.Collections.unmodifiableMap(new TreeMap<>(byId));
        this.byId = new java.util.HashMap<>(byId);
    }

    /** All parameters, sorted by id. */
    public Map<String, Parameter> all() {
        return sorted;
    }

    /** The parameter with this id, if defined. */
    public Optional<Parameter> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The value in force on {@code date}, with its reference; error when unknown or not yet in force. */
    public DatedValue valueOn(String id, LocalDate date) {
        Parameter p = byId.get(id);
        if (p == null) {
            throw new InvalidValueException("parameter", id, "未定义的参数 / unknown parameter");
        }
        return p.valueOn(date).orElseThrow(() -> new InvalidValueException("parameter." + id, date,
                "该日期无生效取值（最早 " + p.values().get(0).from() + "） / no value in force on that date (first "
                        + p.values().get(0).from() + ")"));
    }

    /** The values of {@code ids} in force on {@code date}, as display strings, in the order given. */
    public Map<String, String> displayValues(List<String> ids, LocalDate date) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String id : ids) {
            m.put(id, valueOn(id, date).display());
        }
        return m;
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
        return typed(id, date, Integer.class, ParameterType.INT);
    }

    @Override
    public BigDecimal decimalAt(String id, LocalDate date) {
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
