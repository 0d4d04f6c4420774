package fr.defense.rapid.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX written by fastexcel, streamed: the rows are flushed to the response every
 * {@value #FLUSH_EVERY} rows, so that 100,000 rows never sit in memory; texts are inline strings,
 * as the shared-strings table (written last) would hold every distinct one until the end. Typed cells (numbers,
 * dates, booleans), one header row of data-dictionary keys (the same as the CSV's), frozen, with an
 * auto-filter and column widths; a second sheet « Dictionnaire » gives each key its French label,
 * and the filter the file was made with.
 *
 * <p>Text is written as text cells, which Excel never computes: a company name « =1+1 » stays that
 * text, untouched (no apostrophe needed, unlike the CSV).
 */
final class XlsxSheet implements ExportSheet {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final int FLUSH_EVERY = 1000;

    private static final Map<ExportColumn.Kind, String> FORMATS = Map.of(
            ExportColumn.Kind.EUROS, "#,##0",
            ExportColumn.Kind.CENTS, "#,##0.00",
            ExportColumn.Kind.RATE, "0.00",
            ExportColumn.Kind.DATE, "yyyy-mm-dd",
            ExportColumn.Kind.TIMESTAMP, "yyyy-mm-dd hh:mm");

    private final Workbook workbook;
    private final Worksheet data;
    private final String sheetName;
    private final Map<String, String> filter;
    private List<ExportColumn> columns;
    private int row;

    XlsxSheet(OutputStream out, String sheetName, Map<String, String> filter) {
        this.workbook = new Workbook(out, "rapid-bpm", "1.0");
        this.sheetName = sheetName;
        this.filter = filter;
        this.data = workbook.newWorksheet(sheetName);
    }

    @Override
    public void header(List<ExportColumn> columns) throws IOException {
        this.columns = columns;
        // Widths and the frozen row belong to the sheet's head, written at the first flush.
        for (int c = 0; c < columns.size(); c++) {
            data.width(c, width(columns.get(c)));
            data.value(0, c, columns.get(c).key());
            data.style(0, c).bold().fillColor("DDDDEE").set();
        }
        data.freezePane(0, 1);
        data.setAutoFilter(0, 0, columns.size() - 1);
        row = 1;
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int c = 0; c < values.length; c++) {
            cell(c, columns.get(c).kind(), values[c]);
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            data.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        data.finish();
        dictionary();
        workbook.finish();
    }

    private void cell(int c, ExportColumn.Kind kind, Object value) {
        if (value == null) {
            return;
        }
        switch (kind) {
            // Inline: the shared-strings table would keep every distinct name and number in memory.
            case TEXT, CODE -> data.inlineString(row, c, (String) value);
            case INTEGER, EUROS -> data.value(row, c, (Long) value);
            case CENTS, RATE -> data.value(row, c, (BigDecimal) value);
            case BOOLEAN -> data.value(row, c, (Boolean) value);
            case DATE -> data.value(row, c, (LocalDate) value);
            case TIMESTAMP -> data.value(row, c, (LocalDateTime) value);
        }
        String format = FORMATS.get(kind);
        if (format != null) {
            data.style(row, c).format(format).set();
        }
    }

    /** What each key means, in French, and what the file holds. */
    private void dictionary() throws IOException {
        Worksheet sheet = workbook.newWorksheet("Dictionnaire");
        sheet.width(0, 28);
        sheet.width(1, 60);
        sheet.value(0, 0, "Colonne");
        sheet.value(0, 1, "Signification");
        sheet.style(0, 0).bold().set();
        sheet.style(0, 1).bold().set();
        int r = 1;
        for (ExportColumn column : columns) {
            sheet.value(r, 0, column.key());
            sheet.value(r, 1, column.label());
            r++;
        }
        r++;
        sheet.value(r, 0, "Feuille « " + sheetName + " », filtre :");
        sheet.style(r, 0).bold().set();
        for (Map.Entry<String, String> parameter : filter.entrySet()) {
            r++;
            sheet.value(r, 0, parameter.getKey());
            sheet.value(r, 1, parameter.getValue());
        }
        sheet.finish();
    }

    private static double width(ExportColumn column) {
        return switch (column.kind()) {
            case TEXT -> 36;
            case TIMESTAMP -> 17;
            case DATE -> 12;
            case BOOLEAN, INTEGER -> Math.max(10, column.key().length() + 2);
            default -> Math.max(14, column.key().length() + 2);
        };
    }
}
