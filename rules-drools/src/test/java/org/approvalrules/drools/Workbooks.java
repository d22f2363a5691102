package org.approvalrules.drools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Small workbooks for tests, built with POI: sheets of rows, each cell a {@code String}, a
 * {@code Number}, a {@link LocalDate} (shown {@code yyyy-mm-dd}), a {@link Formula}, an {@link ErrorValue}
 * or {@code null} (no cell). Row arrays may be {@code null} (no row).
 */
final class Workbooks {
    static final Object[] HEADER = DecisionTableRows.HEADER.toArray();

    /** A formula cell, e.g. {@code new Formula("A2&B2")}. */
    record Formula(String text) {
    }

    /** An error cell such as {@code #DIV/0!}. */
    record ErrorValue(FormulaError error) {
    }

    /** One sheet of a workbook. */
    record SheetSpec(String name, List<Object[]> rows) {
        static SheetSpec of(String name, Object[]... rows) {
            return new SheetSpec(name, Arrays.asList(rows));
        }
    }

    private final List<SheetSpec> sheets = new ArrayList<>();

    /** A workbook with one sheet {@code Sheet1} of these rows. */
    static Workbooks of(Object[]... rows) {
        return new Workbooks().sheet(SheetSpec.of("Sheet1", rows));
    }

    Workbooks sheet(SheetSpec sheet) {
        sheets.add(sheet);
        return this;
    }

    /** The rows with the header first. */
    static Object[][] table(Object[]... rules) {
        Object[][] rows = new Object[rules.length + 1][];
        rows[0] = HEADER;
        System.arraycopy(rules, 0, rows, 1, rules.length);
        return rows;
    }

    byte[] xlsx() {
        return write(new XSSFWorkbook());
    }

    byte[] xls() {
        return write(new HSSFWorkbook());
    }

    /** Excel 2007+ encrypted with a password (agile encryption, as Excel does). */
    byte[] encryptedXlsx(String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(xlsx());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Excel 97–2003 encrypted with a password (RC4 CryptoAPI, as Excel does). */
    byte[] encryptedXls(String password) {
        Biff8EncryptionKey.setCurrentUserPassword(password);
        try {
            return xls();
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    private byte[] write(Workbook wb) {
        try (wb) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (SheetSpec spec : sheets) {
                Sheet sheet = wb.createSheet(spec.name());
                for (int r = 0; r < spec.rows().size(); r++) {
                    Object[] cells = spec.rows().get(r);
                    if (cells == null) {
                        continue;
                    }
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < cells.length; c++) {
                        Object v = cells[c];
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else if (v instanceof Formula f) {
                            cell.setCellFormula(f.text());
                        } else if (v instanceof ErrorValue e) {
                            cell.setCellErrorValue(e.error().getCode());
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
