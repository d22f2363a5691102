package org.approvalrules.core.fee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.fee.ApplicantCategory;
import org.approvalrules.api.fee.ChargeRecord;
import org.approvalrules.api.fee.CollectionMethod;
import org.approvalrules.api.fee.ExemptionEvidence;
import org.approvalrules.api.money.Money;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.csv.CsvHeader;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;
import org.approvalrules.core.intake.IntakeLogReader;
import org.approvalrules.core.records.Rejects;

/**
 * Reads a fee register ({@code charges.csv}, docs/FEES.md "Audit") into {@link ChargeRecord}s: CSV through
 * {@link CsvReader} (UTF-8 with or without BOM, or GB18030; RFC 4180; a header row, columns by English or Chinese
 * name in any order, unknown columns ignored), or a {@code .jsonl} file with one object a line keyed by the English
 * names. Columns (required marked *):
 *
 * <table>
 *   <caption>charges columns</caption>
 *   <tr><th>English</th><th>Chinese</th><th>value</th></tr>
 *   <tr><td>id*</td><td>收费编号</td><td>unique in the file</td></tr>
 *   <tr><td>case_number</td><td>办件编号</td><td>the case (its charges are judged together)</td></tr>
 *   <tr><td>standard*</td><td>收费标准</td><td>a standard id of the catalogue</td></tr>
 *   <tr><td>date*</td><td>日期</td><td>{@code 2024-09-27}, {@code 2024/9/27} (a time after it is ignored)</td></tr>
 *   <tr><td>quantity</td><td>数量</td><td>the standard's main count, whole number</td></tr>
 *   <tr><td>prior_in_month</td><td>当月已申请</td><td>whole number, default 0</td></tr>
 *   <tr><td>applicant_category</td><td>申请人类别</td><td>{@link ApplicantCategory} name or Chinese label; default INDIVIDUAL</td></tr>
 *   <tr><td>evidence</td><td>减免证明</td><td>{@link ExemptionEvidence} names or labels, separated by {@code ;}</td></tr>
 *   <tr><td>charged*</td><td>实收金额</td><td>yuan, plain decimal, at most 2 decimals, not negative</td></tr>
 *   <tr><td>collected_through</td><td>收费方式</td><td>{@link CollectionMethod} name or label</td></tr>
 *   <tr><td>place</td><td>收费地点</td><td>中心窗口/CENTRE_WINDOW, 分中心/BRANCH_CENTRE, 部门/DEPARTMENT, 网上/ONLINE</td></tr>
 * </table>
 *
 * <p>The file is read to the end: a bad line goes to the {@link Rejects} given (file, line, field, reason), counted;
 * a missing file, a bad header, an encoding or quoting error stop the read.
 */
public final class ChargesReader {

    static final CsvColumn ID = CsvColumn.required("id", "收费编号");
    static final CsvColumn CASE = CsvColumn.optional("case_number", "办件编号");
    static final CsvColumn STANDARD = CsvColumn.required("standard", "收费标准");
    static final CsvColumn DATE = CsvColumn.required("date", "日期");
    static final CsvColumn QUANTITY = CsvColumn.optional("quantity", "数量");
    static final CsvColumn PRIOR = CsvColumn.optional("prior_in_month", "当月已申请");
    static final CsvColumn CATEGORY = CsvColumn.optional("applicant_category", "申请人类别");
    static final CsvColumn EVIDENCE = CsvColumn.optional("evidence", "减免证明");
    static final CsvColumn CHARGED = CsvColumn.required("charged", "实收金额");
    static final CsvColumn METHOD = CsvColumn.optional("collected_through", "收费方式");
    static final CsvColumn PLACE = CsvColumn.optional("place", "收费地点");
    static final List<CsvColumn> COLUMNS = List.of(ID, CASE, STANDARD, DATE, QUANTITY, PRIOR, CATEGORY, EVIDENCE, CHARGED,
            METHOD, PLACE);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The single field of a row standing for a JSON line that is not an object (no real id can be this). */
    private static final String NOT_AN_OBJECT = "\u0000not-an-object";

    private ChargesReader() {
    }

    /**
     * Streams {@code file} ({@code .jsonl}: JSON lines, else CSV), passing each record to {@code sink} and each bad
     * line to {@code rejects}; returns the number of records passed. {@code shown} names the file in errors.
     */
    public static long read(Path file, String shown, Consumer<ChargeRecord> sink, Rejects rejects) {
        InvalidValueException.requireNonNull(file, "file");
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            return readJsonl(file, shown, sink, rejects);
        }
        try (CsvReader r = CsvReader.open(file, shown, CsvReader.Syntax.PLAIN)) {
            CsvHeader h = CsvHeader.read(r, COLUMNS, true);
            return read(h, r::next, sink, rejects);
        }
    }

    /** Reads all of {@code file} strictly (the first bad line stops the read with its error). */
    public static List<ChargeRecord> readAll(Path file) {
        List<ChargeRecord> out = new ArrayList<>();
        read(file, file.toString(), out::add, Rejects.strict());
        return List.copyOf(out);
    }

    private interface Rows {
        CsvRow next();
    }

    private static long read(CsvHeader h, Rows rows, Consumer<ChargeRecord> sink, Rejects rejects) {
        Map<String, Integer> ids = new HashMap<>();
        long n = 0;
        for (CsvRow row = rows.next(); row != null; row = rows.next()) {
            ChargeRecord c;
            try {
                if (row.blank()) {
                    continue;
                }
                c = record(h, row);
                Integer before = ids.putIfAbsent(c.id(), row.line());
                if (before != null) {
                    throw h.error(row, ID, c.id(), "同一收费编号已在第 " + before + " 行 / the same id is already on line " + before);
                }
            } catch (DataFormatException e) {
                rejects.reject(e);
                continue;
            }
            sink.accept(c);
            n++;
        }
        return n;
    }

    private static long readJsonl(Path file, String shown, Consumer<ChargeRecord> sink, Rejects rejects) {
        List<String> names = COLUMNS.stream().map(c -> c.aliases().get(0)).toList();
        CsvHeader h = CsvHeader.of(new CsvRow(shown, 1, names), COLUMNS, true);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int[] line = {0};
            return read(h, () -> {
                while (true) {
                    String text;
                    try {
                        text = in.readLine();
                    } catch (IOException e) {
                        throw new DataFormatException(shown, line[0], null, null, "无法读取 / cannot read: " + e.getMessage(), e);
                    }
                    line[0]++;
                    if (text == null) {
                        return null;
                    }
                    if (text.isBlank()) {
                        continue;
                    }
                    return jsonRow(shown, line[0], text, names);
                }
            }, sink, rejects);
        } catch (IOException e) {
            throw new DataFormatException(shown, 0, null, null, "无法读取文件 / cannot read file: " + e.getMessage(), e);
        }
    }

    /** A JSON object line as a row in {@code names} order; a line that is no object is a row that fails on {@code id}. */
    private static CsvRow jsonRow(String file, int line, String text, List<String> names) {
        List<String> values = new ArrayList<>();
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (IOException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            return new CsvRow(file, line, List.of(NOT_AN_OBJECT));
        }
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v == null || v.isNull()) {
                values.add("");
            } else if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                values.add(String.join(";", parts));
            } else {
                values.add(v.asText());
            }
        }
        return new CsvRow(file, line, values);
    }

    private static ChargeRecord record(CsvHeader h, CsvRow row) {
        if (row.size() == 1 && row.get(0).equals(NOT_AN_OBJECT)) {
            throw row.error("", "不是 JSON 对象 / not a JSON object");
        }
        h.checkWidth(row);
        String id = h.require(row, ID);
        Optional<String> caseNumber = h.optional(row, CASE);
        String standard = h.require(row, STANDARD);
        LocalDate date = date(h, row);
        Optional<Integer> quantity = h.optional(row, QUANTITY).map(v -> count(h, row, QUANTITY, v));
        int prior = h.optional(row, PRIOR).map(v -> count(h, row, PRIOR, v)).orElse(0);
        ApplicantCategory category = h.optional(row, CATEGORY).map(v -> label(ApplicantCategory.class, h, row, CATEGORY, v))
                .orElse(ApplicantCategory.INDIVIDUAL);
        Set<ExemptionEvidence> evidence = EnumSet.noneOf(ExemptionEvidence.class);
        for (String e : h.optional(row, EVIDENCE).map(v -> v.split("[;；]")).orElse(new String[0])) {
            if (!e.isBlank()) {
                evidence.add(label(ExemptionEvidence.class, h, row, EVIDENCE, e.strip()));
            }
        }
        Money charged = money(h, row);
        Optional<CollectionMethod> method = h.optional(row, METHOD).map(v -> label(CollectionMethod.class, h, row, METHOD, v));
        Optional<AcceptanceChannel> place = h.optional(row, PLACE).map(v -> {
            AcceptanceChannel c = IntakeLogReader.parseChannel(v);
            if (c == null) {
                throw h.error(row, PLACE, v, IntakeLogReader.UNKNOWN_CHANNEL);
            }
            return c;
        });
        try {
            return new ChargeRecord(id, row.line(), caseNumber, standard, date, quantity, prior, category, evidence, charged,
                    method, place);
        } catch (InvalidValueException e) {
            throw new DataFormatException(row.file(), row.line(), e.field(), e.value(), e.getMessage(), e);
        }
    }

    private static LocalDate date(CsvHeader h, CsvRow row) {
        String v = h.require(row, DATE);
        LocalDateTime t = IntakeLogReader.parseTime(v);
        if (t == null) {
            throw h.error(row, DATE, v, "无法识别的日期（例：2024-09-27 或 2024/9/27） / unrecognised date (e.g. 2024-09-27 or 2024/9/27)");
        }
        return t.toLocalDate();
    }

    private static int count(CsvHeader h, CsvRow row, CsvColumn c, String v) {
        if (!v.matches("\\d{1,9}")) {
            throw h.error(row, c, v, "应为不小于0的整数 / expected a whole number, not negative");
        }
        int n = Integer.parseInt(v);
        if (n > org.approvalrules.api.fee.FeeRequest.MAX_QUANTITY) {
            throw h.error(row, c, v, "超过上限 " + org.approvalrules.api.fee.FeeRequest.MAX_QUANTITY + " / more than "
                    + org.approvalrules.api.fee.FeeRequest.MAX_QUANTITY);
        }
        return n;
    }

    private static Money money(CsvHeader h, CsvRow row) {
        String v = h.require(row, CHARGED);
        Money m;
        try {
            m = Money.of(v);
        } catch (InvalidValueException e) {
            throw h.error(row, CHARGED, v, "金额应为元，最多两位小数，如 80.00 / expected yuan with at most 2 decimals, e.g. 80.00");
        }
        if (m.isNegative()) {
            throw h.error(row, CHARGED, v, "实收金额不能为负 / the amount charged must not be negative");
        }
        return m;
    }

    /** The constant of {@code type} named {@code v} by its name or its Chinese or English label. */
    static <E extends Enum<E> & Labelled> E label(Class<E> type, CsvHeader h, CsvRow row, CsvColumn c, String v) {
        String s = v.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s) || e.chineseName().equals(s) || e.englishName().equalsIgnoreCase(s)) {
                return e;
            }
        }
        List<String> known = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            known.add(e.name() + " " + e.chineseName());
        }
        throw h.error(row, c, v, "未知取值，可选 " + known + " / unknown value, expected one of " + known);
    }
}
