package org.approvalrules.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Options shared by the commands, as picocli mixins ({@code @Mixin Options.Locality locality;}): one spelling, one
 * description and one validation of {@code --locality}, {@code --packs} (with {@code --calendars}), {@code --as-of}
 * and {@code --format} for every command that has them. No command declares these options itself
 * ({@code SharedOptionsTest} walks the whole command tree).
 */
public final class Options {

    private Options() {
    }

    /** {@code --locality CODE}: the division whose calendar, parameters and rules apply; default national. */
    public static final class Locality {
        @Option(names = "--locality", paramLabel = "CODE", defaultValue = "000000", converter = Converters.Division.class,
                description = "行政区划代码：决定日历、参数与规则（默认全国 ${DEFAULT-VALUE}）/ division code: its calendar, "
                        + "parameters and rules apply (default ${DEFAULT-VALUE}, national)")
        DivisionCode code;

        /** The division code given (validated by {@link DivisionCode#parse}), or the national one. */
        public DivisionCode code() {
            return code;
        }
    }

    /** {@code --locality CODE}, required: for commands about one named locality (its calendar, its effective pack). */
    public static final class RequiredLocality {
        @Option(names = "--locality", paramLabel = "CODE", required = true, converter = Converters.Division.class,
                description = "行政区划代码（必填），如 000000、450000、451031 / division code (required), e.g. 000000, 450000, 451031")
        DivisionCode code;

        /** The division code given (validated by {@link DivisionCode#parse}). */
        public DivisionCode code() {
            return code;
        }
    }

    /** {@code --locality CODE}, optional without a default: narrows a command to one locality's layers. */
    public static final class OptionalLocality {
        @Option(names = "--locality", paramLabel = "CODE", converter = Converters.Division.class,
                description = "行政区划代码：只用适用于该地区的分层（省略则全部）/ division code: only the layers applying to this "
                        + "locality (default: all)")
        DivisionCode code;

        /** The division code given (validated by {@link DivisionCode#parse}), if any. */
        public java.util.Optional<DivisionCode> code() {
            return java.util.Optional.ofNullable(code);
        }
    }

    /**
     * {@code --packs DIR}: the locality rule packs (and their calendar layers); the bundled national pack without it.
     * With it, {@code --calendars DIR}: a calendar folder laid over them, so every command that reads packs can use a
     * year the bundled data does not hold yet.
     */
    public static final class Packs {
        @Option(names = "--packs", paramLabel = "DIR",
                description = "规则包目录（含其日历层；省略则用内置全国包）/ rule packs with their calendar layers (bundled national "
                        + "pack if absent)")
        Path dir;

        @Option(names = "--calendars", paramLabel = "DIR",
                description = "日历图层目录，叠加在内置与规则包日历之上（如含 000000/2027.csv：次年全国通知）/ calendar layers laid "
                        + "over the bundled and the packs' calendars (e.g. a folder holding 000000/2027.csv: next year's "
                        + "national notice)")
        Path calendars;

        /** The entry point's builder over the packs (or the bundled national pack), with {@code --calendars} laid over. */
        public ApprovalRules.Builder builder() {
            ApprovalRules.Builder b = ApprovalRules.builder();
            if (dir != null) {
                b.packs(dir);
            }
            if (calendars != null) {
                b.calendarDirectory(calendars);
            }
            return b;
        }

        /** The entry point over the packs, or over the bundled national pack. */
        public ApprovalRules rules() {
            return builder().build();
        }
    }

    /**
     * {@code --as-of INSTANT}: the instant a command evaluates at — an ISO instant ({@code 2024-10-21T04:00:00Z}), one
     * with an offset, a local date-time or a date (its start) in the locality's zone; without it, the command's clock.
     */
    public static final class AsOf {
        @Option(names = "--as-of", paramLabel = "INSTANT",
                description = "评估时点 / evaluate as of: ISO instant (2024-10-21T04:00:00Z), local date-time or date; default: now")
        String text;

        /** The instant given, read in {@code zone}, or the clock's instant when none was given. */
        public Instant instant(Clock clock, ZoneId zone) {
            return text == null ? clock.instant() : parse("as-of", text, zone);
        }

        /**
         * The instant given, read in {@code zone}, for a command that needs one stated (no default to now).
         *
         * @throws picocli.CommandLine.ParameterException when {@code --as-of} was not given (exit 2, usage)
         */
        public Instant required(picocli.CommandLine cmd, ZoneId zone) {
            if (text == null) {
                throw new picocli.CommandLine.ParameterException(cmd, "缺少必需选项 / Missing required option: '--as-of=INSTANT'");
            }
            return parse("as-of", text, zone);
        }

        /** Whether {@code --as-of} was given. */
        public boolean given() {
            return text != null;
        }

        /** The day given, read in {@code zone} (a date, or the date of an instant there), or the clock's day. */
        public LocalDate date(Clock clock, ZoneId zone) {
            return LocalDate.ofInstant(instant(clock, zone), zone);
        }

        /**
         * Reads an instant as {@code --as-of} does (also for a record's own as-of column, named {@code field} in the
         * error).
         *
         * @throws InvalidValueException naming {@code field} and the value when it is none of the accepted forms
         */
        public static Instant parse(String field, String text, ZoneId zone) {
            String s = text.trim();
            try {
                if (s.endsWith("Z")) {
                    return Instant.parse(s);
                }
                if (s.length() > 16 && (s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10)) {
                    return OffsetDateTime.parse(s).toInstant();
                }
                LocalDateTime local = s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
                return local.atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw new InvalidValueException(field, s, "时点格式错误 / expected an ISO instant, a local date-time or a date");
            }
        }
    }

    /**
     * {@code --as-of INSTANT}, required: for commands over records, whose result must not depend on when they ran.
     * Same forms as {@link AsOf}.
     */
    public static final class RequiredAsOf {
        @Option(names = "--as-of", paramLabel = "INSTANT", required = true,
                description = "评估时点（必填）/ evaluate as of (required): ISO instant (2024-10-21T04:00:00Z), local date-time or date")
        String text;

        /** The instant given, read in {@code zone}. */
        public Instant instant(ZoneId zone) {
            return AsOf.parse("as-of", text, zone);
        }

        /** The day given, read in {@code zone} (a date, or the date of an instant there). */
        public LocalDate date(ZoneId zone) {
            return LocalDate.ofInstant(instant(zone), zone);
        }
    }

    /**
     * {@code --format FORMAT}: the output format. One option for every command; each command names the formats it
     * writes with {@link #require}, the first of them its default, so an unsupported one is refused in the same
     * words everywhere. A command lists its formats, default
     * first, in its description ("输出格式 / --format: text | json").
     */
    public static final class Format {
        @Option(names = "--format", paramLabel = "FORMAT",
                description = "输出格式（本命令的格式与默认值见上方说明）/ output format (this command's formats and default: see "
                        + "its description above)")
        String value;

        /**
         * The format given, or {@code supported[0]} when none was, after checking that the command writes it.
         *
         * @throws ParameterException (exit 2) naming the formats the command writes
         */
        public String require(CommandSpec spec, String... supported) {
            if (value == null) {
                return supported[0];
            }
            if (!List.of(supported).contains(value)) {
                String list = String.join(" | ", supported);
                throw new ParameterException(spec.commandLine(),
                        "--format 只能是 " + list + " / --format must be " + list + ", was " + value);
            }
            return value;
        }
    }
}
