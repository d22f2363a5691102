package org.approvalrules.core.supervise;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.intake.IntakeLogReader;
import org.approvalrules.api.fee.ServiceGuide;
import org.approvalrules.core.fee.GuideReader;
import org.approvalrules.core.records.ItemColumns;
import org.approvalrules.core.records.Rejects;

/**
 * The catalogue, cases, events and results of a supervision data directory, read into memory (docs/DATA-FORMAT.md):
 * {@code items}, {@code cases}, {@code events}, {@code results}. Bad records are rejected with file, line, field and
 * reason; a record naming another locality (column {@code locality} 行政区划) stops the read: a directory must hold
 * one locality's data.
 */
final class SupervisionData {

    // items.csv
    // (the columns other domains read too are declared once, in core.records.ItemColumns)
    static final CsvColumn ITEM_CODE = ItemColumns.ITEM_CODE;
    static final CsvColumn ITEM_NAME = ItemColumns.ITEM_NAME;
    static final CsvColumn DEPARTMENT = ItemColumns.DEPARTMENT;
    static final CsvColumn DEPARTMENT_NAME = ItemColumns.DEPARTMENT_NAME;
    static final CsvColumn IN_CENTRE_FROM = ItemColumns.IN_CENTRE_FROM;
    static final CsvColumn CENTRE_ONLY = ItemColumns.CENTRE_ONLY;
    static final CsvColumn STATUTORY = CsvColumn.required("statutory_limit", "法定时限", "法定办结时限");
    static final CsvColumn PROMISED = CsvColumn.optional("promised_limit", "承诺时限", "承诺办结时限");
    static final CsvColumn LIMIT_UNIT = CsvColumn.required("limit_unit", "时限单位");
    static final CsvColumn IMMEDIATE = CsvColumn.optional("immediate", "即办件");
    static final CsvColumn STEPS = CsvColumn.optional("steps", "办理环节数");
    static final CsvColumn MATERIALS = CsvColumn.optional("materials", "申请材料数");
    static final CsvColumn FEE_STANDARDS = ItemColumns.FEE_STANDARDS;
    static final CsvColumn LOCALITY = CsvColumn.optional("locality", "行政区划", "xzqhdm");
    static final List<CsvColumn> GUIDE = ItemColumns.GUIDE;
    static final List<CsvColumn> ITEM_COLUMNS;

    // cases.csv
    static final CsvColumn CASE_NUMBER = CsvColumn.required("case_number", "办件编号", "sblsh");
    static final CsvColumn CASE_ITEM = CsvColumn.required("item_code", "实施编码", "sxbm");
    static final CsvColumn CASE_DEPARTMENT = CsvColumn.required("department", "部门编码", "受理单位", "sldw");
    static final CsvColumn APPLICANT = CsvColumn.optional("applicant_id", "申请者证件号码");
    static final CsvColumn CHANNEL = CsvColumn.optional("channel", "受理渠道");
    static final CsvColumn ACCEPTED = CsvColumn.required("accepted", "受理时间", "slsj");
    static final CsvColumn DECIDED = CsvColumn.optional("decided", "办结时间", "bjsj");
    static final CsvColumn DELIVERED = CsvColumn.optional("delivered", "送达时间");
    static final CsvColumn RECORDED = CsvColumn.optional("recorded", "录入时间", "rksj");
    static final CsvColumn RESULT_PLACE = CsvColumn.optional("result_place", "出件地点");
    static final List<CsvColumn> CASE_COLUMNS = List.of(CASE_NUMBER, CASE_ITEM, CASE_DEPARTMENT, APPLICANT, CHANNEL,
            ACCEPTED, DECIDED, DELIVERED, RECORDED, RESULT_PLACE, LOCALITY);

    // events.csv
    static final CsvColumn EVENT_CASE = CsvColumn.required("case_number", "办件编号", "sblsh");
    static final CsvColumn KIND = CsvColumn.required("kind", "事件");
    static final CsvColumn AT = CsvColumn.required("at", "时间");
    static final CsvColumn PROCEDURE = CsvColumn.optional("procedure", "特别程序");
    static final CsvColumn DAYS = CsvColumn.optional("days", "天数");
    static final CsvColumn REFERENCE = CsvColumn.optional("reference", "依据");
    static final List<CsvColumn> EVENT_COLUMNS = List.of(EVENT_CASE, KIND, AT, PROCEDURE, DAYS, REFERENCE);

    // results.csv
    static final CsvColumn RESULT_CASE = CsvColumn.required("case_number", "办件编号", "sblsh");
    static final CsvColumn RESULT_ITEM = CsvColumn.optional("item_code", "实施编码", "sxbm");
    static final CsvColumn RESULT_KIND = CsvColumn.optional("kind", "类型");
    static final CsvColumn RESULT_AT = CsvColumn.required("at", "时间");
    static final CsvColumn RESULT_DEPARTMENT = CsvColumn.optional("department", "部门编码");
    static final List<CsvColumn> RESULT_COLUMNS = List.of(RESULT_CASE, RESULT_ITEM, RESULT_KIND, RESULT_AT, RESULT_DEPARTMENT);

    static {
        List<CsvColumn> c = new ArrayList<>(List.of(ITEM_CODE, ITEM_NAME, DEPARTMENT, DEPARTMENT_NAME, IN_CENTRE_FROM,
                CENTRE_ONLY, STATUTORY, PROMISED, LIMIT_UNIT, IMMEDIATE, STEPS, MATERIALS, FEE_STANDARDS, LOCALITY));
        c.addAll(GUIDE);
        ITEM_COLUMNS = List.copyOf(c);
    }

    /** A catalogue entry (事项目录). */
    record CatalogueItem(String code, String name, String department, Optional<String> departmentName,
            Optional<LocalDate> inCentreFrom, boolean centreOnly, TimeLimit statutory, Optional<TimeLimit> promised,
            boolean immediate, Optional<Integer> steps, Optional<Integer> materials, List<String> feeStandards,
            Optional<ServiceGuide> guide) {
    }

    /**
     * The catalogue read once per run and shared by the stages.
     *
     * @param items the items by code, in file order
     * @param absentGuideColumns the 八公开 columns the catalogue lacks (then no item has its guide)
     */
    record Catalogue(Map<String, CatalogueItem> items, List<String> absentGuideColumns) {
    }

    /** A case (办件) as recorded. */
    record CaseRecord(String number, String item, String department, LocalDateTime accepted,
            Optional<LocalDateTime> decided, Optional<LocalDateTime> delivered, Optional<LocalDateTime> recorded,
            Optional<AcceptanceChannel> channel, int line) {
    }

    /** The kinds of case event (docs/DATA-FORMAT.md). */
    enum EventKind {
        APPLICATION, ACCEPTANCE, CORRECTION_REQUESTED, CORRECTION_RECEIVED, PROCEDURE_START, PROCEDURE_END, EXTENSION,
        DECISION, DELIVERY
    }

    /**
     * One event of a case, kept compact (a million-case directory has millions of events): the local time as seconds
     * of {@link LocalDateTime#toEpochSecond} at offset zero plus nanos, the procedure kind or null, the days or 0.
     */
    record CaseEvent(EventKind kind, long seconds, int nanos, ProcedureKind procedureOrNull, int dayCount, String reference,
            int line) {
        static CaseEvent of(EventKind kind, LocalDateTime at, Optional<ProcedureKind> procedure, Optional<Integer> days,
                String reference, int line) {
            return new CaseEvent(kind, at.toEpochSecond(java.time.ZoneOffset.UTC), at.getNano(), procedure.orElse(null),
                    days.orElse(0), reference, line);
        }

        /** The event's local time. */
        LocalDateTime at() {
            return LocalDateTime.ofEpochSecond(seconds, nanos, java.time.ZoneOffset.UTC);
        }

        /** The procedure kind (PROCEDURE_START, PROCEDURE_END). */
        Optional<ProcedureKind> procedure() {
            return Optional.ofNullable(procedureOrNull);
        }

        /** The days (EXTENSION). */
        Optional<Integer> days() {
            return dayCount == 0 ? Optional.empty() : Optional.of(dayCount);
        }
    }

    /** A result or certificate issued (办结结果 / 出证). */
    record ResultRecord(String caseNumber, Optional<String> item, Optional<String> department, LocalDateTime at, int line) {
    }

    private SupervisionData() {
    }

    /** Reads the catalogue: the first line of an item code wins, a later one is rejected. */
    static Catalogue items(SupervisionFiles.Source src, DivisionCode locality, Rejects rejects) {
        Map<String, CatalogueItem> items = new LinkedHashMap<>();
        List<String> absent = new ArrayList<>();
        boolean[] first = {true};
        Map<String, Integer> lines = new HashMap<>();
        SupervisionFiles.read(src, ITEM_COLUMNS, rejects, row -> {
            checkLocality(row, locality);
            String code = row.require(ITEM_CODE);
            Integer before = lines.get(code);
            if (before != null) {
                throw row.error(ITEM_CODE, code, "同一事项已在第 " + before + " 行 / the same item is already on line " + before);
            }
            LimitUnit unit = Values.enumeration(row, LIMIT_UNIT, LimitUnit.class, "工作日", "自然日", "即办").orElseThrow();
            TimeLimit statutory = limit(row, STATUTORY, unit).orElseThrow(() -> row.error(STATUTORY, "", "不能为空 / must not be empty"));
            Optional<TimeLimit> promised = limit(row, PROMISED, unit);
            boolean immediate = Values.bool(row, IMMEDIATE, unit == LimitUnit.IMMEDIATE);
            if (promised.isPresent() && unit != LimitUnit.IMMEDIATE && promised.get().amount() > statutory.amount()) {
                throw row.error(PROMISED, String.valueOf(promised.get().amount()), "承诺时限长于法定时限 "
                        + statutory.amount() + " / the promised limit is longer than the statutory " + statutory.amount());
            }
            if (first[0]) {
                first[0] = false;
                GUIDE.stream().filter(g -> !row.has(g)).map(CsvColumn::shownAliases).forEach(absent::add);
            }
            Optional<ServiceGuide> guide = absent.isEmpty() ? Optional.of(GuideReader.guide(code, row::optional))
                    : Optional.empty();
            items.put(code, new CatalogueItem(code, row.require(ITEM_NAME), row.require(DEPARTMENT),
                    row.optional(DEPARTMENT_NAME), Values.date(row, IN_CENTRE_FROM), Values.bool(row, CENTRE_ONLY, true),
                    statutory, promised, immediate, Values.integer(row, STEPS, 0, 100), Values.integer(row, MATERIALS, 0, 1000),
                    Values.list(row, FEE_STANDARDS), guide));
            lines.put(code, row.line());
        });
        return new Catalogue(items, List.copyOf(absent));
    }

    private static Optional<TimeLimit> limit(SupervisionFiles.Row row, CsvColumn c, LimitUnit unit) {
        Optional<Integer> n = Values.integer(row, c, 0, TimeLimit.MAX_AMOUNT);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TimeLimit(unit == LimitUnit.IMMEDIATE ? 0 : n.get(), unit));
        } catch (InvalidValueException e) {
            throw row.error(c, String.valueOf(n.get()), e.getMessage());
        }
    }

    /** Refuses (stops the read) a record of another locality. */
    static void checkLocality(SupervisionFiles.Row row, DivisionCode locality) {
        Optional<String> v = row.optional(LOCALITY);
        if (v.isPresent() && !v.get().equals(locality.value())) {
            throw new MixedLocalityException(new DataFormatException(row.file(), row.line(), LOCALITY.name(), v.get(),
                    "数据目录混有其他地区的记录（本次为 " + locality + "） / the data directory mixes localities (this run is "
                            + locality + ")"));
        }
    }

    /** Thrown through the record reader: mixing localities is bad input, not a bad record. */
    static final class MixedLocalityException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final DataFormatException error;

        MixedLocalityException(DataFormatException error) {
            super(error.getMessage(), error);
            this.error = error;
        }
    }

    /** Reads the cases: a case number given twice is rejected at its second line. */
    static List<CaseRecord> cases(SupervisionFiles.Source src, DivisionCode locality, Rejects rejects,
            Runnable perRecord) {
        List<CaseRecord> cases = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        SupervisionFiles.read(src, CASE_COLUMNS, rejects, row -> {
            checkLocality(row, locality);
            String number = row.require(CASE_NUMBER);
            LocalDateTime accepted = Values.requireTime(row, ACCEPTED);
            Optional<LocalDateTime> decided = Values.time(row, DECIDED);
            Optional<LocalDateTime> delivered = Values.time(row, DELIVERED);
            if (decided.isPresent() && decided.get().isBefore(accepted)) {
                throw row.error(DECIDED, decided.get().toString(), "办结时间早于受理时间 / decided before it was accepted");
            }
            if (delivered.isPresent() && (decided.isEmpty() || delivered.get().isBefore(decided.get()))) {
                throw row.error(DELIVERED, delivered.get().toString(), "送达时间早于办结时间或无办结时间 / delivered before the decision, or without one");
            }
            Optional<AcceptanceChannel> channel = row.optional(CHANNEL).map(v -> {
                AcceptanceChannel ch = IntakeLogReader.parseChannel(v);
                if (ch == null) {
                    throw row.error(CHANNEL, v, IntakeLogReader.UNKNOWN_CHANNEL);
                }
                return ch;
            });
            Integer before = seen.putIfAbsent(number, row.line());
            if (before != null) {
                throw row.error(CASE_NUMBER, number, "同一办件编号已在第 " + before + " 行 / the same case number is already on line "
                        + before);
            }
            cases.add(new CaseRecord(number, row.require(CASE_ITEM), row.require(CASE_DEPARTMENT), accepted, decided,
                    delivered, Values.time(row, RECORDED), channel, row.line()));
            perRecord.run();
        });
        return cases;
    }

    /** Reads the events by case number; an event of a case not in {@code known} is rejected. */
    static Map<String, List<CaseEvent>> events(SupervisionFiles.Source src, java.util.Set<String> known, Rejects rejects) {
        Map<String, List<CaseEvent>> out = new HashMap<>();
        Map<String, String> references = new HashMap<>(); // the same few texts on millions of lines: kept once
        SupervisionFiles.read(src, EVENT_COLUMNS, rejects, row -> {
            String number = row.require(EVENT_CASE);
            EventKind kind = Values.enumeration(row, KIND, EventKind.class, "申请", "受理", "补正告知", "补正收件", "特别程序开始",
                    "特别程序结束", "延期", "办结", "送达").orElseThrow();
            LocalDateTime at = Values.requireTime(row, AT);
            Optional<ProcedureKind> procedure = Values.enumeration(row, PROCEDURE, ProcedureKind.class);
            if ((kind == EventKind.PROCEDURE_START || kind == EventKind.PROCEDURE_END) && procedure.isEmpty()) {
                throw row.error(PROCEDURE, "", "特别程序事件须写明程序种类 / a procedure event needs its kind");
            }
            Optional<Integer> days = Values.integer(row, DAYS, 1, 15);
            if (kind == EventKind.EXTENSION && days.isEmpty()) {
                throw row.error(DAYS, "", "延期事件须写明天数 / an extension needs its days");
            }
            String reference = row.optional(REFERENCE).map(r -> references.size() < 10_000
                    ? references.computeIfAbsent(r, k -> k) : r).orElse("");
            if (kind == EventKind.EXTENSION && reference.isEmpty()) {
                throw row.error(REFERENCE, "", "延期须有批准依据 / an extension needs its approval reference");
            }
            if (!known.contains(number)) {
                throw row.error(EVENT_CASE, number, "cases 中无此办件 / no such case in cases");
            }
            out.computeIfAbsent(number, k -> new ArrayList<>(4)).add(CaseEvent.of(kind, at, procedure, days, reference,
                    row.line()));
        });
        return out;
    }

    /** Reads the results and certificates issued. */
    static List<ResultRecord> results(SupervisionFiles.Source src, Rejects rejects) {
        List<ResultRecord> out = new ArrayList<>();
        SupervisionFiles.read(src, RESULT_COLUMNS, rejects, row -> out.add(new ResultRecord(row.require(RESULT_CASE),
                row.optional(RESULT_ITEM), row.optional(RESULT_DEPARTMENT), Values.requireTime(row, RESULT_AT), row.line())));
        return out;
    }
}
