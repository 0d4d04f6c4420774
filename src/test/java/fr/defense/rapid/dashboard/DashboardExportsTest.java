package fr.defense.rapid.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.support.AppTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's exports as a manager downloads them: the dossiers and cases this test wrote (in
 * a region of its own and in years no other test uses), filtered as asked, read back with Commons
 * CSV and fastexcel's reader; a company name that looks like a formula stays text; each export is
 * logged (who, filter, rows); others get 403, nobody 401, a bad filter 400 and no log row.
 */
@AppTest
class DashboardExportsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://pirate.example\";\"Cliquez\")";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String region;
    String first;
    String second;
    String elsewhere;
    String before;

    record Download(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void dossiersOfTheirOwnRegion() {
        region = "Région d'essai " + UUID.randomUUID().toString().substring(0, 8);
        first = dossier(region, "SMALL", FORMULA_NAME, paris(2097, 3, 3, 14, 5), "GRANTED");
        second = dossier(region, "MEDIUM", "Optique, « Lac » & fils", paris(2097, 7, 14, 9, 30), "UNDER_EVALUATION");
        elsewhere = dossier("Ailleurs " + UUID.randomUUID(), "SMALL", "Autre", paris(2097, 4, 1, 10, 0), "SUBMITTED");
        before = dossier(region, "SMALL", "Trop tôt", paris(2096, 12, 31, 23, 30), "SUBMITTED");
    }

    @Test
    void theCsvHoldsTheDossiersOfTheFilterAsFrenchExcelReadsIt() throws IOException {
        long logged = logRows();
        Download csv =
                get("manager", "/dashboard/export/dossiers.csv?from=2097-01-01&to=2097-12-31&region=" + enc(region));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv").contains("UTF-8");
        assertThat(csv.header("Content-Disposition"))
                .startsWith("attachment")
                .contains("rapid-dossiers_2097-01-01_2097-12-31.csv");
        assertThat(csv.header("Cache-Control")).contains("no-store");
        assertThat(csv.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

        List<CSVRecord> rows = parse(csv);
        assertThat(rows.get(0).values()).startsWith("dossierNumber", "status", "submittedAt");
        assertThat(rows).hasSize(3);
        Map<String, String> granted = asMap(rows.get(0), rows.get(1));
        assertThat(granted)
                .containsEntry("dossierNumber", first)
                .containsEntry("status", "GRANTED")
                .containsEntry("submittedAt", "2097-03-03 14:05:00")
                .containsEntry("companyRegion", region)
                .containsEntry("companyCategory", "SMALL")
                .containsEntry("requestedAidEur", "300000")
                .containsEntry("fundingRate", "0,70")
                .containsEntry("grantedAidEur", "250000")
                .containsEntry("eligible", "true")
                .containsEntry("decision", "APPROVED")
                // The apostrophe makes the spreadsheet take it as text, never as a formula.
                .containsEntry("companyName", "'" + FORMULA_NAME);
        Map<String, String> underEvaluation = asMap(rows.get(0), rows.get(2));
        assertThat(underEvaluation)
                .containsEntry("dossierNumber", second)
                .containsEntry("companyName", "Optique, « Lac » & fils")
                .containsEntry("grantedAidEur", "")
                .containsEntry("decidedAt", "");

        assertThat(lastLog())
                .containsEntry("user_id", "manager")
                .containsEntry("export_name", "DOSSIERS")
                .containsEntry("export_format", "CSV")
                .containsEntry("region", region)
                .containsEntry("row_count", 2L)
                .containsEntry("completed", true);
        assertThat(lastLog().get("period_from").toString()).isEqualTo("2097-01-01");
        assertThat(logRows()).isEqualTo(logged + 1);
    }

    @Test
    void stageAndCategoryNarrowTheDossiers() throws IOException {
        String base = "/dashboard/export/dossiers.csv?from=2097-01-01&to=2097-12-31&region=" + enc(region);

        List<CSVRecord> medium = parse(get("manager", base + "&category=MEDIUM"));
        assertThat(medium).hasSize(2);
        assertThat(asMap(medium.get(0), medium.get(1))).containsEntry("dossierNumber", second);

        List<CSVRecord> granted = parse(get("manager", base + "&stage=GRANTED"));
        assertThat(granted).hasSize(2);
        assertThat(asMap(granted.get(0), granted.get(1))).containsEntry("dossierNumber", first);
        assertThat(lastLog()).containsEntry("stage", "GRANTED").containsEntry("row_count", 1L);
    }

    @Test
    void theXlsxHasTypedCellsAFrozenHeaderAndTheNameAsText() throws IOException {
        Download xlsx =
                get("manager", "/dashboard/export/dossiers.xlsx?from=2097-01-01&to=2097-12-31&region=" + enc(region));

        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).isEqualTo(XlsxSheet.MEDIA_TYPE);
        assertThat(xlsx.header("Content-Disposition")).contains("rapid-dossiers_2097-01-01_2097-12-31.xlsx");
        try (ReadableWorkbook workbook =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()), new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Dossiers RAPID");
            assertThat(rows).hasSize(3);
            List<String> keys = rows.get(0).stream().map(Cell::getText).toList();
            assertThat(keys)
                    .isEqualTo(DashboardExports.DOSSIER_COLUMNS.stream()
                            .map(ExportColumn::key)
                            .toList());
            Row granted = rows.get(1);
            assertThat(cell(granted, keys, "dossierNumber").asString()).isEqualTo(first);
            Cell name = cell(granted, keys, "companyName");
            assertThat(name.getType()).isEqualTo(CellType.STRING);
            assertThat(name.getFormula()).isNull();
            assertThat(name.asString()).isEqualTo(FORMULA_NAME);
            Cell requested = cell(granted, keys, "requestedAidEur");
            assertThat(requested.getType()).isEqualTo(CellType.NUMBER);
            assertThat(requested.asNumber()).isEqualByComparingTo("300000");
            assertThat(cell(granted, keys, "fundingRate").asNumber()).isEqualByComparingTo("0.70");
            assertThat(cell(granted, keys, "submittedAt").asDate()).isEqualTo(LocalDateTime.of(2097, 3, 3, 14, 5));
            assertThat(cell(granted, keys, "submittedAt").getDataFormatString()).contains("yyyy");
            assertThat(cell(granted, keys, "eligible").getType()).isEqualTo(CellType.BOOLEAN);
            assertThat(cell(rows.get(2), keys, "dossierNumber").asString()).isEqualTo(second);

            List<Row> dictionary =
                    workbook.findSheet("Dictionnaire").orElseThrow().read();
            assertThat(dictionary.get(1).getCellText(0)).isEqualTo("dossierNumber");
            assertThat(dictionary.get(1).getCellText(1)).isEqualTo("Numéro du dossier");
        }
        String sheetXml = entry(xlsx.body(), "xl/worksheets/sheet1.xml");
        assertThat(sheetXml).containsPattern("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"");
        assertThat(sheetXml).contains("<cols>").contains("customWidth=\"true\"").contains("<autoFilter");
        assertThat(lastLog()).containsEntry("export_format", "XLSX").containsEntry("row_count", 2L);
    }

    @Test
    void theMediationsFiledInThePeriodComeWithTheirCourse() throws IOException {
        String filed = mediation("LATE_PAYMENT", "+33 Services", paris(2098, 5, 4, 10, 0));
        String other = mediation("CONTRACT_DISPUTE", "Usinage de l'Est", paris(2098, 5, 20, 16, 45));
        mediation("OTHER", "Hors période", paris(2098, 6, 1, 0, 30));
        jdbc.sql("insert into case_event (case_reference, occurred_at, event_type, description)"
                        + " values (:case, :at, 'FIRST_CONTACT', 'Premier contact.')")
                .param("case", filed)
                .param("at", paris(2098, 5, 6, 11, 0))
                .update();

        List<CSVRecord> rows = parse(get("manager", "/dashboard/export/mediations.csv?from=2098-05-01&to=2098-05-31"));
        assertThat(rows).hasSize(3);
        Map<String, String> late = asMap(rows.get(0), rows.get(1));
        assertThat(late)
                .containsEntry("caseNumber", filed)
                .containsEntry("subject", "LATE_PAYMENT")
                .containsEntry("level", "1")
                .containsEntry("companyName", "'+33 Services")
                .containsEntry("filedAt", "2098-05-04 10:00:00")
                .containsEntry("firstContactAt", "2098-05-06 11:00:00")
                .containsEntry("amountAtStakeEur", "12500")
                .containsEntry("lateDays", "40")
                .containsEntry("lateInterestEur", "165,27")
                .containsEntry("invoiceReceivedDate", "2098-02-02")
                .containsEntry("satisfactionRating", "4");
        assertThat(asMap(rows.get(0), rows.get(2)))
                .containsEntry("caseNumber", other)
                .containsEntry("lateDays", "");

        Download xlsx = get("manager", "/dashboard/export/mediations.xlsx?from=2098-05-01&to=2098-05-31");
        assertThat(xlsx.header("Content-Disposition")).contains("rapid-mediations_2098-05-01_2098-05-31.xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> sheet = workbook.getFirstSheet().read();
            List<String> keys = sheet.get(0).stream().map(Cell::getText).toList();
            assertThat(sheet).hasSize(3);
            assertThat(cell(sheet.get(1), keys, "lateInterestEur").asNumber())
                    .isEqualByComparingTo(new BigDecimal("165.27"));
            assertThat(cell(sheet.get(1), keys, "invoiceReceivedDate").asDate())
                    .isEqualTo(LocalDate.of(2098, 2, 2).atStartOfDay());
            assertThat(cell(sheet.get(1), keys, "companyName").asString()).isEqualTo("+33 Services");
        }
        assertThat(lastLog()).containsEntry("export_name", "MEDIATIONS").containsEntry("row_count", 2L);
    }

    @Test
    void onlyManagersAndAdministratorsExportAndABadFilterIsRefusedUnlogged() {
        long logged = logRows();

        assertThat(get("expert", "/dashboard/export/dossiers.csv").status()).isEqualTo(403);
        assertThat(get(null, "/dashboard/export/dossiers.xlsx").status()).isEqualTo(401);
        Download bad = get("manager", "/dashboard/export/dossiers.csv?from=2097-13-01&category=HUGE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("from").contains("category");
        assertThat(get("manager", "/dashboard/export/dossiers.csv?from=2097-12-31&to=2097-01-01")
                        .status())
                .isEqualTo(400);
        assertThat(get("manager", "/dashboard/export/dossiers.ods").status()).isEqualTo(404);

        assertThat(logRows()).isEqualTo(logged);
    }

    @Test
    void theExportLogIsReadableByManagers() {
        get("manager", "/dashboard/export/dossiers.csv?from=2097-01-01&to=2097-12-31&region=" + enc(region));

        Download log = get("manager", "/dashboard/api/exports");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.header("Cache-Control")).contains("no-store");
        assertThat(log.text()).contains("\"region\":\"" + region + "\"").contains("\"userId\":\"manager\"");
        assertThat(get("expert", "/dashboard/api/exports").status()).isEqualTo(403);
    }

    private String dossier(String region, String category, String name, OffsetDateTime submitted, String status) {
        String number = "RAPID-2097-" + String.format("%05d", 90000 + SEQUENCE.incrementAndGet())
                + UUID.randomUUID().toString().substring(0, 2);
        boolean granted = "GRANTED".equals(status);
        jdbc.sql("""
                        insert into dossier (dossier_number, status, owner_id, company_siren, company_name,
                          company_headcount, company_turnover_eur, company_balance_sheet_eur, company_region,
                          project_title, project_summary, research_type, trl_start, trl_target, defence_application,
                          civil_application, duration_months, total_cost_eur, personnel_cost_eur, requested_aid_eur,
                          partner_count, collaboration, contact_name, contact_email, company_category, eligible,
                          funding_rate, proposed_aid_eur, decision, granted_aid_eur, submitted_at, updated_at,
                          decided_at, closed_at)
                        values (:number, :status, 'pme-demo', '732829320', :name, 42, 5000000, 4000000, :region,
                          'Projet', 'Résumé', 'INDUSTRIAL_RESEARCH', 3, 5, 'Défense', 'Civil', 18, 600000, 300000,
                          300000, 0, false, 'Claire Martin', 'claire@example.org', :category, true, 0.70, 300000,
                          :decision, :granted, :submitted, :submitted, :decided, :decided)
                        """)
                .param("number", number)
                .param("status", status)
                .param("name", name)
                .param("region", region)
                .param("category", category)
                .param("decision", granted ? "APPROVED" : null)
                .param("granted", granted ? 250000L : null)
                .param("submitted", submitted)
                .param("decided", granted ? submitted.plusMonths(3) : null)
                .update();
        return number;
    }

    private String mediation(String subject, String company, OffsetDateTime filed) {
        String number = "MED-2098-" + String.format("%05d", 90000 + SEQUENCE.incrementAndGet())
                + UUID.randomUUID().toString().substring(0, 2);
        boolean late = "LATE_PAYMENT".equals(subject);
        jdbc.sql("""
                        insert into mediation_case (case_number, owner_id, level, company_siren, company_name,
                          contact_name, contact_email, subject, counterpart_name, amount_at_stake_eur, description,
                          confidentiality_accepted, invoice_amount_eur, invoice_received_date, late_days,
                          late_interest_eur, satisfaction_rating, filed_at, updated_at)
                        values (:number, 'pme-demo', 1, '732829320', :company, 'Claire Martin', 'claire@example.org',
                          :subject, 'Service du commissariat', 12500, 'Description', true, :invoice, :received,
                          :lateDays, :interest, :rating, :filed, :filed)
                        """)
                .param("number", number)
                .param("company", company)
                .param("subject", subject)
                .param("invoice", late ? 12500L : null)
                .param("received", late ? LocalDate.of(2098, 2, 2) : null)
                .param("lateDays", late ? 40L : null)
                .param("interest", late ? new BigDecimal("165.27") : null)
                .param("rating", late ? 4 : null)
                .param("filed", filed)
                .update();
        return number;
    }

    private static OffsetDateTime paris(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS).toOffsetDateTime();
    }

    private static Cell cell(Row row, List<String> keys, String key) {
        return row.getCell(keys.indexOf(key));
    }

    /** One part of the XLSX package, as Excel reads it (through the central directory: the parts are streamed). */
    private static String entry(byte[] xlsx, String name) throws IOException {
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry entry = zip.getEntry(name);
                assertThat(entry).as(name).isNotNull();
                return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }

    private static List<CSVRecord> parse(Download csv) throws IOException {
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        String text = csv.text().substring(1); // the byte order mark
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(';')
                .get()
                .parse(new StringReader(text))
                .getRecords();
    }

    private static Map<String, String> asMap(CSVRecord header, CSVRecord row) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), row.get(i));
        }
        return values;
    }

    private long logRows() {
        return jdbc.sql("select count(*) from dashboard_export")
                .query(Long.class)
                .single();
    }

    private Map<String, Object> lastLog() {
        return jdbc.sql("select * from dashboard_export order by id desc limit 1")
                .query()
                .singleRow();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Download get(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
