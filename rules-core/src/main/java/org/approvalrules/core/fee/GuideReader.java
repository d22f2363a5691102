package org.approvalrules.core.fee;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.fee.ServiceGuide;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.csv.CsvHeader;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;
import org.approvalrules.core.records.ItemColumns;
import org.approvalrules.core.records.Rejects;

/**
 * Reads the service-guide columns of a catalogue file ({@code items.csv}, docs/FEES.md "Service guides") into
 * {@link ServiceGuide}s through {@link CsvReader}, with the catalogue's shared columns ({@link ItemColumns}):
 * {@code item_code} 实施编码 and {@code department} 部门编码 (required), {@code fee_standards} 收费标准 (empty = free),
 * and the 八公开 texts {@code item_name} 事项名称 (required), {@code legal_basis}
 * 设定依据, {@code conditions} 受理条件, {@code material_list} 申请材料目录, {@code procedure} 办理流程,
 * {@code time_limit_text} 办理时限说明, {@code fee_basis} 收费依据, {@code fee_standard_text} 收费标准说明. Other
 * columns are ignored.
 *
 * <p>A file that lacks any of the seven optional text columns cannot say whether a guide publishes it: the read then returns
 * no guides and names the absent columns ({@link Result#absentColumns()}), so the check is reported as not done
 * rather than every item as incomplete. Bad lines go to the {@link Rejects} given.
 */
public final class GuideReader {
    // the catalogue's columns are shared with the other readers of items.csv (core.records.ItemColumns)
    static final List<CsvColumn> TEXTS = java.util.stream.Stream.concat(java.util.stream.Stream.of(ItemColumns.ITEM_NAME),
            ItemColumns.GUIDE.stream()).toList();
    static final List<CsvColumn> COLUMNS = java.util.stream.Stream.concat(java.util.stream.Stream.of(ItemColumns.ITEM_CODE,
            ItemColumns.DEPARTMENT, ItemColumns.FEE_STANDARDS), TEXTS.stream()).toList();

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
                CsvRow current = row;
                sink.accept(guide(h.require(row, ItemColumns.ITEM_CODE), c -> h.optional(current, c)));
            } catch (DataFormatException e) {
                rejects.reject(e);
            }
        }
    }

    /**
     * The guide of item {@code itemCode} from the cells of its catalogue row ({@code cell}: a column's stripped value,
     * empty when blank or absent), for any reader of items.csv that declares the columns of {@link ItemColumns}.
     */
    public static ServiceGuide guide(String itemCode, Function<CsvColumn, Optional<String>> cell) {
        return new ServiceGuide(itemCode, cell.apply(ItemColumns.DEPARTMENT).orElse(""),
                cell.apply(ItemColumns.FEE_STANDARDS).isPresent(), text(cell, ItemColumns.ITEM_NAME),
                text(cell, ItemColumns.LEGAL_BASIS), text(cell, ItemColumns.CONDITIONS), text(cell, ItemColumns.MATERIAL_LIST),
                text(cell, ItemColumns.PROCEDURE), text(cell, ItemColumns.TIME_LIMIT_TEXT), text(cell, ItemColumns.FEE_BASIS),
                text(cell, ItemColumns.FEE_STANDARD_TEXT));
    }

    private static String text(Function<CsvColumn, Optional<String>> cell, CsvColumn c) {
        return cell.apply(c).orElse("");
    }
}
