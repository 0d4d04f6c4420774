package fr.defense.rapid.dashboard;

import java.io.IOException;
import java.util.List;

/** A file being written row by row (CSV or XLSX): nothing is held but the row at hand. */
interface ExportSheet {

    void header(List<ExportColumn> columns) throws IOException;

    /** One row, its values in the columns' order, typed as {@link ExportColumn#read} gives them. */
    void row(Object[] values) throws IOException;

    /** Writes what is left (the XLSX's closing parts); the stream stays open for the caller to close. */
    void finish() throws IOException;
}
