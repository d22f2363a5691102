package org.approvalrules.core.fee;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.fee.ServiceGuide;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.csv.CsvHeader;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;
import org.approvalrules.core.records.Rejects;

/**
 * Reads the service-guide columns of a catalogue file ({@code items.csv}, docs/FEES.md "Service guides") into
 * {@link ServiceGuide}s through {@link CsvReader}: {@code item_code} 实施编码 (required), {@code department} 部门编码,
 * {@code fee_standards} 收费标准 (empty = free), and the 八公开 texts {@code item_name} 事项名称, {@code legal_basis}
 * 设定依据, {@code conditions} 受理条件, {@code material_list} 申请材料目录, {@code procedure} 办理流程,
 * {@code time_limit_text} 办理时限说明, {@code fee_basis} 收费依据, {@code fee_standard_text} 收费标准说明. Other
 * columns are ignored.
 *
 * <p>A file that lacks any of the eight text columns cannot say whether a guide publishes it: the read then returns
 * no guides and names the absent columns ({@link Result#absentColumns()}), so the check is reported as not done
 * rather than every item as incomplete. Bad lines go to the {@link Rejects} given.
 */
public final class GuideReader {
    static final CsvColumn ITEM = CsvColumn.required("item_code", "实施编码");
    static final CsvColumn DEPARTMENT = CsvColumn.optional("department", "部门编码");
    static final CsvColumn FEES = CsvColumn.optional("fee_standards", "收费标准");
    static final CsvColumn NAME = CsvColumn.optional("item_name", "事项名称");
    static final CsvColumn BASIS = CsvColumn.optional("legal_basis", "设定依据");
    static final CsvColumn CONDITIONS = CsvColumn.optional("conditions", "受理条件");
    static final CsvColumn MATERIALS = CsvColumn.optional("material_list", "申请材料目录");
    static final CsvColumn PROCEDURE = CsvColumn.optional("procedure", "办理流程");
    static final CsvColumn TIME = CsvColumn.optional("time_limit_text", "办理时限说明");
    static final CsvColumn FEE_BASIS = CsvColumn.optional("fee_basis", "收费依据");
    static final CsvColumn FEE_TEXT = CsvColumn.optional("fee_standard_text", "收费标准说明");
    static final List<CsvColumn> TEXTS = List.of(NAME, BASIS, CONDITIONS, MATERIALS, PROCEDURE, TIME, FEE_BASIS, FEE_TEXT);
    static final List<CsvColumn> COLUMNS = List.of(ITEM, DEPARTMENT, FEES, NAME, BASIS, CONDITIONS, MATERIALS, PROCEDURE,
            TIME, FEE_BASIS, FEE_TEXT);

    /**
     * What a read found.
     *
     * @param guides the guides, in file order (empty when a text column is absent)
     * @param absentColumns the 八公开 columns the file lacks (then the guides were not read)
     */
    public record Result(List<ServiceGuide> guides, List<String> absentColumns) {
        public Result {
            guides = List.copyOf(guides);
            absentColumns = List.copyOf(absentColumns);
        }

        /** Whether the guides could be checked. */
        public boolean checkable() {
            return absentColumns.isEmpty();
        }
    }

    private GuideReader() {
    }

    /** Reads {@code file} (named {@code shown} in errors), each bad line to {@code rejects}. */
    public static Result read(Path file, String shown, Rejects rejects) {
        try (CsvReader r = CsvReader.open(file, shown, CsvReader.Syntax.PLAIN)) {
            CsvHeader h = CsvHeader.read(r, COLUMNS, true);
            List<String> absent = TEXTS.stream().filter(c -> !h.has(c)).map(CsvColumn::shownAliases).toList();
            if (!absent.isEmpty()) {
                return new Result(List.of(), absent);
            }
            List<ServiceGuide> out = new ArrayList<>();
            read(h, r, out::add, rejects);
            return new Result(out, List.of());
        }
    }

    private static void read(CsvHeader h, CsvReader r, Consumer<ServiceGuide> sink, Rejects rejects) {
        for (CsvRow row = r.next(); row != null; row = r.next()) {
            if (row.blank()) {
                continue;
            }
            try {
                h.checkWidth(row);
                sink.accept(new ServiceGuide(h.require(row, ITEM), h.optional(row, DEPARTMENT).orElse(""),
                        h.optional(row, FEES).isPresent(), text(h, row, NAME), text(h, row, BASIS), text(h, row, CONDITIONS),
                        text(h, row, MATERIALS), text(h, row, PROCEDURE), text(h, row, TIME), text(h, row, FEE_BASIS),
                        text(h, row, FEE_TEXT)));
            } catch (DataFormatException e) {
                rejects.reject(e);
            }
        }
    }

    private static String text(CsvHeader h, CsvRow row, CsvColumn c) {
        return h.optional(row, c).orElse("");
    }
}
