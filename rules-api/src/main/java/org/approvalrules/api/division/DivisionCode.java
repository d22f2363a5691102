package org.approvalrules.api.division;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;

/**
 * A 6-digit administrative division code (行政区划代码, GB/T 2260; GB/T 39046 field 行政区划):
 * province (2) city (2) county (2), e.g. {@code 450000 → 451000 → 451031}. {@link #NATIONAL}
 * ({@code 000000}) is the root of every chain. Immutable and thread-safe; {@code toString()} is
 * the 6 digits and {@code parse(code.toString()).equals(code)}.
 *
 * <p>Parent rule: a county {@code ppcczz} belongs to city {@code ppcc00}, except county-level units
 * administered directly by the province ({@code cc = 90}), which belong to {@code pp0000}; a city
 * {@code pppcc00} belongs to province {@code pp0000}; a province belongs to {@link #NATIONAL}.
 */
public record DivisionCode(String value) implements Comparable<DivisionCode> {

    /** The national level, {@code 000000}: the root layer of every calendar and rule pack. */
    public static final DivisionCode NATIONAL = new DivisionCode("000000");

    /** The administrative level a code denotes. */
    public enum Level {
        /** 全国. */
        NATIONAL,
        /** 省级. */
        PROVINCE,
        /** 地市级. */
        CITY,
        /** 县级. */
        COUNTY
    }

    public DivisionCode {
        InvalidValueException.requireNonNull(value, "divisionCode");
        if (value.length() != 6 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException("divisionCode", value,
                    "行政区划代码必须是6位数字 / division code must have 6 digits");
        }
        if (!value.equals("000000") && value.startsWith("00")) {
            throw new InvalidValueException("divisionCode", value,
                    "省级代码不能为00 / province part must not be 00");
        }
        if (value.startsWith("0000") == false && value.substring(2, 4).equals("00") && !value.endsWith("00")) {
            throw new InvalidValueException("divisionCode", value,
                    "县级代码的地市部分不能为00 / a county code must have a city part");
        }
    }

    /** Parses 6 digits; surrounding whitespace is not accepted. */
    public static DivisionCode parse(CharSequence text) {
        InvalidValueException.requireNonNull(text, "divisionCode");
        String s = text.toString();
        return s.equals("000000") ? NATIONAL : new DivisionCode(s);
    }

    /** Same as {@link #parse(CharSequence)}. */
    public static DivisionCode of(String code) {
        return parse(code);
    }

    /** The level this code denotes. */
    public Level level() {
        if (value.equals("000000")) {
            return Level.NATIONAL;
        }
        if (value.endsWith("0000")) {
            return Level.PROVINCE;
        }
        if (value.endsWith("00")) {
            return Level.CITY;
        }
        return Level.COUNTY;
    }

    /** The enclosing division, empty for {@link #NATIONAL}. */
    public Optional<DivisionCode> parent() {
        return switch (level()) {
            case NATIONAL -> Optional.empty();
            case PROVINCE -> Optional.of(NATIONAL);
            case CITY -> Optional.of(new DivisionCode(value.substring(0, 2) + "0000"));
            case COUNTY -> value.startsWith("90", 2)
                    ? Optional.of(new DivisionCode(value.substring(0, 2) + "0000"))
                    : Optional.of(new DivisionCode(value.substring(0, 4) + "00"));
        };
    }

    /** The chain from {@link #NATIONAL} down to this code, inclusive (national first). */
    public List<DivisionCode> lineage() {
        List<DivisionCode> chain = new ArrayList<>(4);
        Optional<DivisionCode> c = Optional.of(this);
        while (c.isPresent()) {
            chain.add(c.get());
            c = c.get().parent();
        }
        Collections.reverse(chain);
        return List.copyOf(chain);
    }

    /** Whether {@code other} is this code or lies below it. */
    public boolean contains(DivisionCode other) {
        return other.lineage().contains(this);
    }

    @Override
    public int compareTo(DivisionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
