package org.approvalrules.core.supervise;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.approvalrules.api.Labelled;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.intake.IntakeLogReader;

/** Reading the cells of a supervision data file (docs/DATA-FORMAT.md "Values"); every error names the column. */
final class Values {
    private Values() {
    }

    /** A local time as docs/INTAKE.md writes them, when the cell is not blank. */
    static Optional<LocalDateTime> time(SupervisionFiles.Row row, CsvColumn c) {
        Optional<String> v = row.optional(c);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime t = IntakeLogReader.parseTime(v.get());
        if (t == null) {
            throw row.error(c, v.get(), "无法识别的时间（例：2024-09-27T10:30 或 2024-09-27 10:30:00） / unrecognised time "
                    + "(e.g. 2024-09-27T10:30 or 2024-09-27 10:30:00)");
        }
        return Optional.of(t);
    }

    /** A required local time. */
    static LocalDateTime requireTime(SupervisionFiles.Row row, CsvColumn c) {
        row.require(c);
        return time(row, c).orElseThrow();
    }

    /** A date ({@code 2024-09-27} or {@code 2024/9/27}), when the cell is not blank. */
    static Optional<LocalDate> date(SupervisionFiles.Row row, CsvColumn c) {
        Optional<String> v = row.optional(c);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime t = IntakeLogReader.parseTime(v.get());
        if (t == null || !t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) || v.get().length() > 10) {
            throw row.error(c, v.get(), "无法识别的日期（例：2024-09-27 或 2024/9/27） / unrecognised date (e.g. 2024-09-27 or 2024/9/27)");
        }
        return Optional.of(t.toLocalDate());
    }

    /** 是/否, 1/0, true/false; {@code dflt} when blank. */
    static boolean bool(SupervisionFiles.Row row, CsvColumn c, boolean dflt) {
        Optional<String> v = row.optional(c);
        if (v.isEmpty()) {
            return dflt;
        }
        switch (v.get().toLowerCase(Locale.ROOT)) {
            case "是", "1", "true", "y", "yes":
                return true;
            case "否", "0", "false", "n", "no":
                return false;
            default:
                throw row.error(c, v.get(), "应为 是/否、1/0 或 true/false / expected 是/否, 1/0 or true/false");
        }
    }

    /** A whole number in [min, max], when the cell is not blank. */
    static Optional<Integer> integer(SupervisionFiles.Row row, CsvColumn c, int min, int max) {
        Optional<String> v = row.optional(c);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        int n;
        try {
            n = Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw row.error(c, v.get(), "不是整数 / not a whole number");
        }
        if (n < min || n > max) {
            throw row.error(c, v.get(), "应在 " + min + " 到 " + max + " 之间 / must be " + min + ".." + max);
        }
        return Optional.of(n);
    }

    /** An enum constant by name (any case) or by its Chinese label, when the cell is not blank. */
    static <E extends Enum<E>> Optional<E> enumeration(SupervisionFiles.Row row, CsvColumn c, Class<E> type, String... zh) {
        Optional<String> v = row.optional(c);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        E[] all = type.getEnumConstants();
        for (int i = 0; i < all.length; i++) {
            E e = all[i];
            if (e.name().equalsIgnoreCase(v.get()) || (i < zh.length && zh[i].equals(v.get()))
                    || (e instanceof Labelled l && l.label().zh().equals(v.get()))) {
                return Optional.of(e);
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : all) {
            names.add(e.name());
        }
        throw row.error(c, v.get(), "未知取值，应为 / unknown value, expected one of " + names);
    }

    /** The {@code ;}-separated parts of a cell, stripped, blanks dropped. */
    static List<String> list(SupervisionFiles.Row row, CsvColumn c) {
        List<String> out = new ArrayList<>();
        row.optional(c).ifPresent(v -> {
            for (String p : v.split(";")) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
        });
        return out;
    }
}
