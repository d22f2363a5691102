package org.approvalrules.core.intake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.intake.ApprovedChannel;
import org.approvalrules.api.intake.HandlingPlace;
import org.approvalrules.api.intake.ResultRecord;
import org.approvalrules.api.intake.StepRecord;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.csv.CsvHeader;
import org.approvalrules.core.csv.CsvRow;
import org.approvalrules.core.records.Rejects;

/**
 * Reads the optional registers of an intake scan (CSV or JSON Lines, see {@link IntakeRows}; columns by English or
 * Chinese name, in any order, other columns ignored):
 * <ul>
 *   <li>{@code results.csv}: {@code case_number} 办件编号, {@code item_code} 实施编码, {@code kind} 类型 (RESULT 办结 /
 *       CERTIFICATE 出证; optional, default RESULT), {@code place} 出件地点 (WINDOW 窗口 / DEPARTMENT 部门 / ONLINE 网上 /
 *       MAIL 邮寄), {@code at} 出件时间 — a record file: bad lines go to the rejects;</li>
 *   <li>{@code steps.csv}: {@code case_number}, {@code item_code}, {@code step} 环节 (a power: ACCEPTANCE, REVIEW,
 *       APPROVAL, CERTIFICATION, DELIVERY …, or its Chinese name with or without 权), {@code place} 地点,
 *       {@code at} 时间 (other columns of the shared layout — staff_id, window — are not needed here) — a record file;</li>
 *   <li>{@code channels.csv}: {@code name} 渠道名称, {@code kind} 类型 (BRANCH_CENTRE 分中心 / ONLINE 网上), {@code from}
 *       起始日期, {@code to} 截止日期 (optional) — a configuration-like list: the first error stops the read.</li>
 * </ul>
 * Times as in the intake log ({@link IntakeLogReader#parseTime}).
 */
public final class IntakeRegisterReader {

    static final CsvColumn CASE = CsvColumn.required("办件编号", "sblsh", "case_number");
    static final CsvColumn ITEM = CsvColumn.required("实施编码", "sxbm", "item_code");
    static final CsvColumn KIND = CsvColumn.optional("类型", "结果类型", "kind");
    static final CsvColumn PLACE = CsvColumn.required("地点", "出件地点", "place");
    static final CsvColumn AT = CsvColumn.required("时间", "出件时间", "at");
    private static final List<CsvColumn> RESULTS = List.of(CASE, ITEM, KIND, PLACE, AT);

    static final CsvColumn STEP = CsvColumn.required("环节", "step");
    private static final List<CsvColumn> STEPS = List.of(CASE, ITEM, STEP, PLACE, AT);

    static final CsvColumn NAME = CsvColumn.required("渠道名称", "name");
    static final CsvColumn CHANNEL_KIND = CsvColumn.required("类型", "渠道类型", "kind");
    static final CsvColumn FROM = CsvColumn.required("起始日期", "生效日期", "from");
    static final CsvColumn TO = CsvColumn.optional("截止日期", "to");
    private static final List<CsvColumn> CHANNELS = List.of(NAME, CHANNEL_KIND, FROM, TO);

    private IntakeRegisterReader() {
    }

    /** Reads a results register; bad lines go to {@code rejects}. */
    public static List<ResultRecord> readResults(Path file, Rejects rejects) {
        List<ResultRecord> out = new ArrayList<>();
        try (IntakeRows rows = IntakeRows.open(file, RESULTS)) {
            IntakeLogReader.readAll(rows.header(), () -> rows.next(rejects), IntakeRegisterReader::result, out::add, rejects);
        }
        return out;
    }

    /** Reads the steps of cases; bad lines go to {@code rejects}. */
    public static List<StepRecord> readSteps(Path file, Rejects rejects) {
        List<StepRecord> out = new ArrayList<>();
        try (IntakeRows rows = IntakeRows.open(file, STEPS)) {
            IntakeLogReader.readAll(rows.header(), () -> rows.next(rejects), IntakeRegisterReader::step, out::add, rejects);
        }
        return out;
    }

    /** Reads the approved channels; the first bad line is an error. */
    public static List<ApprovedChannel> readChannels(Path file) {
        List<ApprovedChannel> out = new ArrayList<>();
        Rejects strict = Rejects.strict();
        try (IntakeRows rows = IntakeRows.open(file, CHANNELS)) {
            IntakeLogReader.readAll(rows.header(), () -> rows.next(strict), IntakeRegisterReader::channel, out::add, strict);
        }
        return List.copyOf(out);
    }

    private static ResultRecord result(CsvHeader h, CsvRow row) {
        h.checkWidth(row);
        String caseNumber = h.require(row, CASE);
        String item = h.require(row, ITEM);
        ResultRecord.Kind kind = h.optional(row, KIND).map(v -> named(h, row, KIND, ResultRecord.Kind.parse(v), v,
                "应为 RESULT（办结）或 CERTIFICATE（出证） / expected RESULT or CERTIFICATE")).orElse(ResultRecord.Kind.RESULT);
        HandlingPlace place = place(h, row);
        return wrap(row, () -> new ResultRecord(caseNumber, item, kind, place, IntakeLogReader.time(h, row, AT)));
    }

    private static StepRecord step(CsvHeader h, CsvRow row) {
        h.checkWidth(row);
        String caseNumber = h.require(row, CASE);
        String item = h.require(row, ITEM);
        String v = h.require(row, STEP);
        Power power = Labelled.byName(Power.class, v);
        if (power == null) {
            power = Labelled.byName(Power.class, v + "权");
        }
        Power step = named(h, row, STEP, power, v, "未知环节（应为 ACCEPTANCE、REVIEW、APPROVAL、CERTIFICATION、DELIVERY 等） / "
                + "unknown step (expected a power: ACCEPTANCE, REVIEW, APPROVAL, CERTIFICATION, DELIVERY …)");
        HandlingPlace place = place(h, row);
        return wrap(row, () -> new StepRecord(caseNumber, item, step, place, IntakeLogReader.time(h, row, AT)));
    }

    private static ApprovedChannel channel(CsvHeader h, CsvRow row) {
        h.checkWidth(row);
        String name = h.require(row, NAME);
        String k = h.require(row, CHANNEL_KIND);
        AcceptanceChannel kind = IntakeLogReader.parseChannel(k);
        if (kind != AcceptanceChannel.BRANCH_CENTRE && kind != AcceptanceChannel.ONLINE) {
            throw h.error(row, CHANNEL_KIND, k, "应为 BRANCH_CENTRE（分中心）或 ONLINE（网上） / expected BRANCH_CENTRE or ONLINE");
        }
        LocalDate from = IntakeLogReader.time(h, row, FROM).toLocalDate();
        Optional<LocalDate> to = h.optional(row, TO).isPresent()
                ? Optional.of(IntakeLogReader.time(h, row, TO).toLocalDate()) : Optional.empty();
        return wrap(row, () -> new ApprovedChannel(name, kind, from, to));
    }

    private static HandlingPlace place(CsvHeader h, CsvRow row) {
        String v = h.require(row, PLACE);
        return named(h, row, PLACE, HandlingPlace.parse(v), v,
                "未知地点（应为 WINDOW 窗口、DEPARTMENT 部门、ONLINE 网上 或 MAIL 邮寄） / unknown place (expected WINDOW, "
                        + "DEPARTMENT, ONLINE or MAIL)");
    }

    private static <T> T named(CsvHeader h, CsvRow row, CsvColumn c, T value, String text, String reason) {
        if (value == null) {
            throw h.error(row, c, text, reason);
        }
        return value;
    }

    /** Builds a value, turning a validation error into one naming the file and line. */
    private static <T> T wrap(CsvRow row, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidValueException e) {
            throw new DataFormatException(row.file(), row.line(), e.field(), e.value(), e.getMessage(), e);
        }
    }
}
