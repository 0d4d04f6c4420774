package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.support.AppTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mission achats at its dashboard: signed in through the webapps, it sees the key numbers, the
 * charts (drawn, each with its table), the bottleneck map of both processes with the dossiers
 * waiting at each step, filters without reloading the page (the address and the export links
 * follow; the CSV and XLSX exports of the filter hold the same dossiers), and the page passes
 * axe-core and fits a phone. Anyone else gets the French refusal.
 * Screenshots: target/e2e/dashboard-*.png.
 */
@Tag("browser")
@AppTest
class ManagerDashboardE2ETest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    final DashboardBrowser browser = new DashboardBrowser();

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    private DashboardScreen dashboard;
    private Staff staff;

    @BeforeEach
    void openBrowser() {
        dashboard = browser.screen();
        staff = browser.staff();
    }

    @Test
    void managerSeesTheFiguresTheChartsAndTheBottlenecksThenFilters() {
        // Two small companies wait for the secretariat, a medium one for its evaluation, and a
        // mediation is under way at level 1.
        ProcessInstance small = staff.startAs("pme-demo", "rapid-subsidy", SampleDossiers.smallCompany());
        ProcessInstance otherSmall = staff.startAs("pme-demo", "rapid-subsidy", SampleDossiers.smallCompany());
        ProcessInstance medium = staff.dossierAwaitingEvaluation(SampleDossiers.mediumCompany());
        ProcessInstance mediation = staff.caseAtLevelOne(SampleMediations.latePayment());
        staff.awaitTask(small, "CheckCompleteness");
        staff.awaitTask(otherSmall, "CheckCompleteness");
        staff.awaitTask(medium, "TechnicalEvaluation");
        staff.awaitTask(mediation, "ConductMediation");

        // Nobody signed in: the webapps' login page.
        assertThat(dashboard.open("")).contains("/camunda/app/welcome/default/#!/login");

        dashboard.logIn("manager");
        dashboard.followWelcomeLink();
        dashboard.awaitFigures();
        assertThat(dashboard.heading()).isEqualTo("Tableau de bord des procédures PME");
        LocalDate today = LocalDate.now(PARIS);
        assertThat(digits(dashboard.keyNumber("rapid", "Dossiers déposés")))
                .isEqualTo(dossiersSubmitted(today.minusMonths(12).plusDays(1), today, null));

        // Every chart is drawn and followed by its figures as a table.
        assertThat(dashboard.drawnCharts())
                .contains("rapid-stages", "rapid-months", "work-groups", "mediation-subjects", "mediation-outcomes");
        assertThat(dashboard.chartTables()).isEqualTo(dashboard.drawnCharts().size());

        // The maps: on each user task, the dossiers waiting there now, as the engine counts its open tasks.
        assertThat(dashboard.badges("rapid-subsidy"))
                .containsEntry("CheckCompleteness", openTasks("rapid-subsidy", "CheckCompleteness"))
                .containsEntry("TechnicalEvaluation", openTasks("rapid-subsidy", "TechnicalEvaluation"))
                .containsEntry("CommitteeDecision", openTasks("rapid-subsidy", "CommitteeDecision"));
        assertThat(dashboard.badges("rapid-subsidy").get("CheckCompleteness")).isGreaterThanOrEqualTo(2);
        assertThat(dashboard.badges("mediation-escalation"))
                .containsEntry("ConductMediation", openTasks("mediation-escalation", "ConductMediation"));
        assertThat(dashboard.badgeText("rapid-subsidy", "CheckCompleteness"))
                .contains(openTasks("rapid-subsidy", "CheckCompleteness") + " en attente");
        assertThat(dashboard.text("#maps"))
                .contains("Dans les temps", "À surveiller", "En retard", "Évaluation technique", "21 j");
        dashboard.screenshot("dashboard-manager");

        // Small companies of the last two days: the medium one leaves the figures; the page stays,
        // its address and its export links carry the filter.
        long before = digits(dashboard.keyNumber("rapid", "Dossiers déposés"));
        dashboard.filter(today.minusDays(1).toString(), today.toString(), "SMALL");
        long smallOnes = dossiersSubmitted(today.minusDays(1), today, "SMALL");
        assertThat(digits(dashboard.keyNumber("rapid", "Dossiers déposés"))).isEqualTo(smallOnes);
        assertThat(smallOnes).isGreaterThanOrEqualTo(2).isLessThan(before);
        assertThat(dashboard.driver().getCurrentUrl())
                .contains("from=" + today.minusDays(1), "to=" + today, "category=SMALL");
        assertThat(dashboard.exportLink("export-dossiers-csv"))
                .endsWith("/dashboard/export/dossiers.csv?from=" + today.minusDays(1) + "&to=" + today
                        + "&category=SMALL");
        assertThat(dashboard.text("#status")).contains("Chiffres du ");

        // The exports of that filter, downloaded with the manager's session and read back: the
        // same small companies' dossiers in the CSV and in the XLSX, the medium one in neither.
        String csv =
                new String(dashboard.download(dashboard.exportLink("export-dossiers-csv")), StandardCharsets.UTF_8);
        Set<String> csvDossiers = dossierNumbers(csv);
        assertThat(csvDossiers)
                .hasSize((int) smallOnes)
                .contains(small.getBusinessKey(), otherSmall.getBusinessKey())
                .doesNotContain(medium.getBusinessKey());
        assertThat(csv.lines().filter(line -> line.startsWith("RAPID-")).count())
                .isEqualTo(smallOnes);
        Set<String> xlsxDossiers = xlsxDossierNumbers(dashboard.download(dashboard.exportLink("export-dossiers-xlsx")));
        assertThat(xlsxDossiers).isEqualTo(csvDossiers);

        dashboard.review("dashboard");
    }

    @Test
    void aBadFilterIsRefusedInFrenchNextToItsField() {
        dashboard.logIn("manager");
        dashboard.open("?from=2026-05-01&to=2026-04-01");
        dashboard.awaitFigures();
        assertThat(dashboard.text("#errors"))
                .contains("Le filtre ne peut pas être appliqué", "Du : la date de début doit précéder la date de fin.");
        assertThat(dashboard.text("#rapid")).contains("Le filtre est incorrect");
        assertThat(dashboard.driver().findElement(By.id("from")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        dashboard.screenshot("dashboard-bad-filter");
    }

    @Test
    void anExpertIsRefusedInFrench() {
        dashboard.logIn("expert");
        dashboard.open("");
        assertThat(dashboard.heading()).isEqualTo("Accès refusé");
        assertThat(dashboard.text()).contains("réservé à la mission achats");
        dashboard.screenshot("dashboard-refused");

        // The account audit log refuses him through the same page, with its own name and reason.
        dashboard
                .driver()
                .get(dashboard.driver().getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1")
                        + "/journal-des-comptes");
        assertThat(dashboard.heading()).isEqualTo("Accès refusé");
        assertThat(dashboard.text()).contains("Le journal des comptes est réservé aux administrateurs.");
        assertThat(dashboard.driver().getTitle())
                .isEqualTo("Accès refusé — Journal des comptes — Ministère des Armées");
        dashboard.screenshot("account-audit-log-refused");
    }

    private long openTasks(String processKey, String taskKey) {
        return tasks.createTaskQuery()
                .processDefinitionKey(processKey)
                .taskDefinitionKey(taskKey)
                .count();
    }

    /** Counted by hand from the dossier table: submitted in those Paris days, of that category if given. */
    private long dossiersSubmitted(LocalDate from, LocalDate to, String category) {
        return jdbc.sql("select count(*) from dossier where submitted_at >= :start and submitted_at < :end"
                        + " and (cast(:category as varchar) is null or company_category = :category)")
                .param("start", Timestamp.from(from.atStartOfDay(PARIS).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(PARIS).toInstant()))
                .param("category", category)
                .query(Long.class)
                .single();
    }

    private static Set<String> dossierNumbers(String text) {
        return Pattern.compile("RAPID-\\d{4}-\\d{5}")
                .matcher(text)
                .results()
                .map(MatchResult::group)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The dossier numbers of the XLSX export's sheet (first column), read with fastexcel's reader, as the export tests do. */
    private static Set<String> xlsxDossierNumbers(byte[] xlsx) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            return rows.skip(1).map(row -> row.getCellText(0)).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long digits(String shown) {
        return Long.parseLong(shown.replaceAll("\\D", ""));
    }
}
