package fr.defense.rapid.dashboard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV as French Excel opens it with a double click: UTF-8 with a byte order mark (without it,
 * Excel reads the file as Windows-1252 and mangles « é »), {@code ;} between fields and a decimal
 * comma (the French list separator is {@code ;} precisely because the comma is the decimal sign),
 * CRLF line ends, quoting by Commons CSV (RFC 4180). Scripts read it with
 * {@code sep=';', decimal=','}. Dates are ISO ({@code 2026-03-03}), times Paris local
 * ({@code 2026-03-03 14:05:00}), booleans {@code true}/{@code false}, amounts whole euros.
 *
 * <p>Formula injection: a text typed by a person (company name, project title…) that starts with
 * {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe, which spreadsheets
 * take as « this cell is text » (OWASP's advice). Only {@link ExportColumn.Kind#TEXT} values are
 * touched: codes are ours, and numbers are written from numbers (a negative amount stays a number).
 */
final class CsvSheet implements ExportSheet {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.RFC4180)
            .setDelimiter(';')
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("\r\n")
            .get();

    private final OutputStream out;
    private final CSVPrinter printer;
    private List<ExportColumn> columns;

    CsvSheet(OutputStream out) throws IOException {
        this.out = out;
        out.write(BOM);
        this.printer = new CSVPrinter(
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024), FORMAT);
    }

    @Override
    public void header(List<ExportColumn> columns) throws IOException {
        this.columns = columns;
        printer.printRecord(columns.stream().map(ExportColumn::key).toList());
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            printer.print(text(columns.get(i).kind(), values[i]));
        }
        printer.println();
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
        out.flush();
    }

    static String text(ExportColumn.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case TEXT -> neutralised((String) value);
            case CENTS, RATE -> ((BigDecimal) value).toPlainString().replace('.', ',');
            case TIMESTAMP -> TIME.format((LocalDateTime) value);
            default -> value.toString();
        };
    }

    /** The text as a spreadsheet will show it, never as a formula it would compute. */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
