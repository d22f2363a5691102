package org.approvalrules.cli;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.division.DivisionCode;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The picocli converters of the command line: every option value is converted with a message in Chinese
 * and English that names what was expected, never a Java class ({@code cannot convert '2024-02-30' to class
 * java.time.LocalDate} becomes {@code 不存在的日期 / no such date: '2024-02-30', expected YYYY-MM-DD}). A division
 * code is converted by {@link DivisionCode#parse}, the same validation for every command.
 */
public final class Converters {

    private Converters() {
    }

    /** Registers the converters on {@code cl} and its subcommands, and one for each enum type an option uses. */
    public static CommandLine register(CommandLine cl) {
        cl.registerConverter(LocalDate.class, Converters::date);
        cl.registerConverter(LocalDateTime.class, Converters::dateTime);
        cl.registerConverter(DivisionCode.class, Converters::division);
        cl.registerConverter(Integer.class, Converters::integer);
        cl.registerConverter(Integer.TYPE, Converters::integer);
        cl.registerConverter(Long.class, Converters::longInteger);
        cl.registerConverter(Long.TYPE, Converters::longInteger);
        cl.registerConverter(BigDecimal.class, Converters::decimal);
        Set<Class<?>> enums = new LinkedHashSet<>();
        collectEnums(cl.getCommandSpec(), enums);
        for (Class<?> type : enums) {
            register(cl, type);
        }
        return cl;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(CommandLine cl, Class<?> type) {
        cl.registerConverter((Class) type, enumeration((Class) type));
    }

    private static void collectEnums(CommandSpec spec, Set<Class<?>> into) {
        for (ArgSpec a : spec.args()) {
            if (a.type().isEnum()) {
                into.add(a.type());
            }
            for (Class<?> aux : a.auxiliaryTypes()) {
                if (aux.isEnum()) {
                    into.add(aux);
                }
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            collectEnums(sub.getCommandSpec(), into);
        }
    }

    /** A calendar date {@code YYYY-MM-DD} that exists. */
    public static LocalDate date(String text) {
        String s = text.trim();
        if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new TypeConversionException("日期格式应为 YYYY-MM-DD / expected a date YYYY-MM-DD, was '" + text + "'");
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw new TypeConversionException("不存在的日期 / no such date: '" + text + "'");
        }
    }

    /** A local date-time {@code YYYY-MM-DDTHH:MM[:SS]}, or a date (start of that day). */
    public static LocalDateTime dateTime(String text) {
        String s = text.trim();
        if (s.length() == 10) {
            return date(s).atStartOfDay();
        }
        if (!s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?")) {
            throw new TypeConversionException("日期时间格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM / expected YYYY-MM-DD or "
                    + "YYYY-MM-DDTHH:MM, was '" + text + "'");
        }
        try {
            return LocalDateTime.parse(s);
        } catch (DateTimeException e) {
            throw new TypeConversionException("不存在的日期或时间 / no such date or time: '" + text + "'");
        }
    }

    /** A six-digit division code (行政区划代码), validated by {@link DivisionCode#parse}. */
    public static DivisionCode division(String text) {
        try {
            return DivisionCode.parse(text.trim());
        } catch (ApprovalRulesException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@link #division} as a converter class, for options of commands built without {@link #register}. */
    public static final class Division implements ITypeConverter<DivisionCode> {
        @Override
        public DivisionCode convert(String text) {
            return division(text);
        }
    }

    private static Integer integer(String text) {
        return number(text, Integer::valueOf, "应为整数 / expected a whole number");
    }

    private static Long longInteger(String text) {
        return number(text, Long::valueOf, "应为整数 / expected a whole number");
    }

    private static BigDecimal decimal(String text) {
        return number(text, BigDecimal::new, "应为数值 / expected a number");
    }

    private static <N> N number(String text, Function<String, N> parse, String expected) {
        try {
            return parse.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException(expected + ", was '" + text + "'");
        }
    }

    /** An enum constant by name (case-insensitive), listing the accepted names when it is not one. */
    static <E extends Enum<E>> ITypeConverter<E> enumeration(Class<E> type) {
        return text -> {
            String s = text.trim();
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s)) {
                    return e;
                }
            }
            throw new TypeConversionException("取值应为 / expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                    + "，实为 / was '" + text + "'");
        };
    }
}
