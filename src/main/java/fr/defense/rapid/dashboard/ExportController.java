package fr.defense.rapid.dashboard;

import fr.defense.rapid.dashboard.DashboardExports.Export;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exports, {@code GET /dashboard/export/{dossiers|mediations}.{csv|xlsx}}, with the API's
 * filter parameters (DashboardFilter: a bad value is a 400 before anything is read or logged), and
 * their log, {@code GET /dashboard/api/exports} (the latest {@value #LOG_SIZE}). Managers and
 * administrators only (DashboardSecurity). The file is written straight to the response as the rows
 * come from the database; its name says the period.
 */
@RestController
class ExportController {

    static final int LOG_SIZE = 50;

    private final DashboardExports exports;
    private final ExportLog log;

    ExportController(DashboardExports exports, ExportLog log) {
        this.exports = exports;
        this.log = log;
    }

    @GetMapping("/dashboard/export/{export:dossiers|mediations}.{format:csv|xlsx}")
    void export(
            @PathVariable String export,
            @PathVariable String format,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String category,
            Principal user,
            HttpServletResponse response)
            throws IOException {
        DashboardFilter filter = DashboardFilter.parse(from, to, stage, region, category);
        Export which = Export.valueOf(export.toUpperCase(Locale.ROOT));
        boolean csv = "csv".equals(format);
        response.setContentType(csv ? CsvSheet.MEDIA_TYPE : XlsxSheet.MEDIA_TYPE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName(which, filter, format))
                        .build()
                        .toString());
        CountingSheet sheet = null;
        boolean completed = false;
        try {
            OutputStream out = response.getOutputStream();
            sheet = new CountingSheet(
                    csv ? new CsvSheet(out) : new XlsxSheet(out, which.sheetName(), filter.asParameters()));
            exports.write(which, filter, sheet);
            completed = true;
        } finally {
            log.record(user.getName(), which, format, filter, sheet == null ? 0 : sheet.rows(), completed);
        }
    }

    @GetMapping(value = "/dashboard/api/exports", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<ExportLog.Entry>> latest() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(log.latest(LOG_SIZE));
    }

    /** {@code rapid-dossiers_2026-01-01_2026-06-30.csv}: the period the file covers. */
    static String fileName(Export export, DashboardFilter filter, String format) {
        return "rapid-" + export.slug() + "_" + filter.from() + "_" + filter.to() + "." + format;
    }

    /** Counts the rows written, so that a download that breaks off is logged with what it gave. */
    private static final class CountingSheet implements ExportSheet {

        private final ExportSheet sheet;
        private long rows;

        CountingSheet(ExportSheet sheet) {
            this.sheet = sheet;
        }

        long rows() {
            return rows;
        }

        @Override
        public void header(List<ExportColumn> columns) throws IOException {
            sheet.header(columns);
        }

        @Override
        public void row(Object[] values) throws IOException {
            sheet.row(values);
            rows++;
        }

        @Override
        public void finish() throws IOException {
            sheet.finish();
        }
    }
}
