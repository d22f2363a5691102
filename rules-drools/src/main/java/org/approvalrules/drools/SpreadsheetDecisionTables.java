package org.approvalrules.drools;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.approvalrules.api.spi.DecisionTableConverter;

/**
 * Decision tables kept as spreadsheets ({@code rules/*.drl.xlsx}, {@code rules/*.drl.xls}) in the
 * layout of {@link CsvDecisionTables}: the sheet named {@value #SHEET} (any case) if the workbook has
 * one, otherwise the first sheet; row 1 is exactly the header
 * {@code id,severity,reference,params,condition,message_zh,message_en} in columns A–G; each further
 * non-blank row is one rule, and becomes DRL line <i>n</i> for spreadsheet row <i>n</i>, so lint and
 * compile errors name the file and the row. Cells are read as text as Excel shows them (POI's
 * {@link DataFormatter}); a line break inside a cell reads as a space.
 *
 * <p>The format is recognised by content, not by the extension: an {@code .xls} file that is really
 * an Excel 2007+ workbook (or the reverse) is read. Refused, with file, row and cell where there is
 * one: a wrong header, a value right of column G, an empty required cell, a formula or error cell,
 * a double quote in a cell, an empty sheet, more than {@value #MAX_ROWS} rows, a password-protected
 * (encrypted) file, Excel 95 and older formats, and anything that is not a workbook (for instance HTML
 * saved as "xls" by another system). POI exceptions never escape: every failure is a
 * {@link RulePackException}.
 */
public final class SpreadsheetDecisionTables implements DecisionTableConverter {
    /** The sheet read when present (any case); otherwise the first sheet. */
    public static final String SHEET = "rules";
    /** The most rows a sheet may have, header included. */
    public static final int MAX_ROWS = 10_000;
    /** The most bytes an Excel 2007+ file may inflate to (all its parts together). */
    static final long MAX_INFLATED_BYTES = 32L * 1024 * 1024;
    private static final int MAX_PARTS = 1_000;
    private static final String SAVE_AS = "请用 Excel 或 WPS 打开后另存为 .xlsx / open it in Excel or WPS and save it as .xlsx";

    @Override
    public String toDrl(String file, byte[] content) {
        try (Workbook workbook = open(file, content)) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null && workbook.getNumberOfSheets() > 0) {
                sheet = workbook.getSheetAt(0);
            }
            if (sheet == null) {
                throw new RulePackException(file, 0, "工作簿中没有工作表 / the workbook has no sheet");
            }
            return convert(file, sheet);
        } catch (RulePackException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw encrypted(file);
        } catch (OldExcelFormatException e) {
            throw oldFormat(file);
        } catch (IOException | RuntimeException e) {
            throw new RulePackException(List.of(new Problem(file, 0, "无法读取电子表格（文件损坏或不是 Excel 工作簿） / cannot read "
                    + "the spreadsheet: corrupt or not an Excel workbook (" + describe(e) + "); " + SAVE_AS)), e);
        }
    }

    private static Workbook open(String file, byte[] content) throws IOException {
        if (content.length == 0) {
            throw new RulePackException(file, 0, "文件为空 / the file is empty");
        }
        FileMagic magic = FileMagic.valueOf(content);
        switch (magic) {
            case OOXML:
                checkInflatedSize(file, content);
                return new XSSFWorkbook(new ByteArrayInputStream(content));
            case OLE2:
                POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content));
                if (fs.getRoot().hasEntry("EncryptionInfo")) {
                    fs.close();
                    throw encrypted(file);
                }
                return new HSSFWorkbook(fs);
            case BIFF2:
            case BIFF3:
            case BIFF4:
                throw oldFormat(file);
            case HTML:
            case XML:
            case RTF:
            case PDF:
                throw new RulePackException(file, 0, "文件内容是 " + magic + "，不是 Excel 工作簿（常见于其他系统导出的“xls”） / the file "
                        + "holds " + magic + ", not an Excel workbook (other systems often export such \"xls\" files); "
                        + SAVE_AS);
            default:
                throw new RulePackException(file, 0, "不是 Excel 工作簿（.xlsx 或 .xls） / not an Excel workbook (.xlsx or .xls); "
                        + SAVE_AS);
        }
    }

    /** Refuses a zip whose parts inflate beyond {@link #MAX_INFLATED_BYTES} before POI builds it in memory. */
    private static void checkInflatedSize(String file, byte[] content) {
        long total = 0;
        int parts = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++parts > MAX_PARTS) {
                    throw tooLarge(file, "超过 " + MAX_PARTS + " 个部件", "more than " + MAX_PARTS + " parts");
                }
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_INFLATED_BYTES) {
                        throw tooLarge(file, "解压后超过 32 MiB", "more than 32 MiB uncompressed");
                    }
                }
            }
        } catch (IOException e) {
            // a zip this reader cannot follow: POI reads it and reports what is wrong
        }
    }

    private static String convert(String file, Sheet sheet) {
        if (sheet.getPhysicalNumberOfRows() == 0) {
            throw new RulePackException(file, 0, "工作表 " + sheet.getSheetName() + " 为空 / sheet " + sheet.getSheetName()
                    + " is empty: row 1 must be the header " + String.join(",", DecisionTableRows.HEADER));
        }
        int rows = sheet.getLastRowNum() + 1;
        if (rows > MAX_ROWS) {
            throw new RulePackException(file, MAX_ROWS + 1, "工作表 " + sheet.getSheetName() + " 有 " + rows + " 行，最多 "
                    + MAX_ROWS + " 行（请删除表格下方的空行或拆分文件） / sheet " + sheet.getSheetName() + " has " + rows
                    + " rows, at most " + MAX_ROWS + " are read: delete the empty rows below the table or split the file");
        }
        DataFormatter formatter = new DataFormatter(Locale.CHINA);
        List<Problem> problems = new ArrayList<>();
        List<String> header = cells(file, sheet.getRow(0), 0, formatter, problems);
        while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
            header.remove(header.size() - 1);
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        if (!header.equals(DecisionTableRows.HEADER)) {
            throw new RulePackException(file, 1, "工作表 " + sheet.getSheetName() + " 第 1 行应为表头 "
                    + String.join(",", DecisionTableRows.HEADER) + "（A–G 列） / row 1 of sheet " + sheet.getSheetName()
                    + " must be the header " + String.join(",", DecisionTableRows.HEADER) + " in columns A–G (值/value: "
                    + String.join(",", header) + ")");
        }
        StringBuilder drl = new StringBuilder("\n");
        for (int r = 1; r < rows; r++) {
            int line = r + 1;
            int before = problems.size();
            List<String> row = cells(file, sheet.getRow(r), r, formatter, problems);
            if (problems.size() > before || row.stream().allMatch(String::isEmpty)) {
                drl.append('\n');
                continue;
            }
            for (int c = DecisionTableRows.HEADER.size(); c < row.size(); c++) {
                if (!row.get(c).isEmpty()) {
                    problems.add(new Problem(file, line, "第 " + line + " 行在 " + cellName(r, c) + " 有值，只应有 A–G 共 "
                            + DecisionTableRows.HEADER.size() + " 列 / row " + line + " has a value in " + cellName(r, c)
                            + ": a rule has " + DecisionTableRows.HEADER.size() + " cells, A–G"));
                    break;
                }
            }
            if (problems.size() > before) {
                drl.append('\n');
                continue;
            }
            List<String> rule = new ArrayList<>(row.subList(0, Math.min(row.size(), DecisionTableRows.HEADER.size())));
            while (rule.size() < DecisionTableRows.HEADER.size()) {
                rule.add("");
            }
            int rowIndex = r;
            Optional<String> problem = DecisionTableRows.problem(rule, c -> cellName(rowIndex, c));
            if (problem.isPresent()) {
                problems.add(new Problem(file, line, "第 " + line + " 行：" + problem.get()));
                drl.append('\n');
                continue;
            }
            DecisionTableRows.appendRule(drl, rule);
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return drl.toString();
    }

    /** The cells of a row as text, trimmed, line breaks read as spaces; formula and error cells are problems. */
    private static List<String> cells(String file, Row row, int r, DataFormatter formatter, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        if (row == null || row.getLastCellNum() <= 0) {
            return out;
        }
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            if (cell == null) {
                out.add("");
                continue;
            }
            if (cell.getCellType() == CellType.FORMULA) {
                problems.add(new Problem(file, r + 1, "单元格 " + cellName(r, c) + " 是公式（" + formula(cell)
                        + "），请填写值 / cell " + cellName(r, c) + " holds a formula (" + formula(cell)
                        + "): type the value instead"));
                out.add("");
                continue;
            }
            if (cell.getCellType() == CellType.ERROR) {
                problems.add(new Problem(file, r + 1, "单元格 " + cellName(r, c) + " 是错误值 " + formatter.formatCellValue(cell)
                        + " / cell " + cellName(r, c) + " holds an error value"));
                out.add("");
                continue;
            }
            out.add(formatter.formatCellValue(cell).replaceAll("[\\r\\n\\u2028\\u2029]+", " ").trim());
        }
        return out;
    }

    private static String formula(Cell cell) {
        try {
            return "=" + cell.getCellFormula();
        } catch (RuntimeException e) {
            return "=…";
        }
    }

    private static String cellName(int row, int column) {
        return new CellReference(row, column).formatAsString(false);
    }

    private static RulePackException encrypted(String file) {
        return new RulePackException(file, 0, "文件已加密（设置了打开密码），无法读取；请去掉密码后保存 / the file is encrypted "
                + "(password-protected) and cannot be read: save it without a password");
    }

    private static RulePackException oldFormat(String file) {
        return new RulePackException(file, 0, "不支持 Excel 95 及更早的格式 / Excel 95 and older formats are not supported; "
                + SAVE_AS);
    }

    private static RulePackException tooLarge(String file, String zh, String en) {
        return new RulePackException(file, 0, "电子表格过大：" + zh + " / the spreadsheet is too large: " + en);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
