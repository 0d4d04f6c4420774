package fr.defense.rapid.dashboard;

import static fr.defense.rapid.dashboard.ExportColumn.Kind.BOOLEAN;
import static fr.defense.rapid.dashboard.ExportColumn.Kind.CENTS;
import static fr.defense.rapid.dashboard.ExportColumn.Kind.CODE;
import static fr.defense.rapid.dashboard.ExportColumn.Kind.DATE;
import static fr.defense.rapid.dashboard.ExportColumn.Kind.EUROS;
import static fr.defense.rapid.dashboard.ExportColumn.Kind.INTEGER;
import static fr.defense.rapid.dashboard.ExportColumn.Kind.RATE;
import static fr.defense.rapid.dashboard.ExportColumn.Kind.TEXT;
import static fr.defense.rapid.dashboard.ExportColumn.Kind.TIMESTAMP;
import static fr.defense.rapid.dashboard.ExportColumn.of;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The filtered dossiers and mediation cases, one row each, for the ministry's statistical studies:
 * the data dictionary's fields that describe a case and its course, not the people (no contact
 * name nor address: a study needs none). Read with a database cursor (a fetch size, in a read-only
 * transaction, which PostgreSQL needs to stream) and written as they come.
 */
@Component
class DashboardExports {

    /** What can be exported, as the address names it ({@code /dashboard/export/dossiers.csv}). */
    enum Export {
        DOSSIERS("Dossiers RAPID"),
        MEDIATIONS("Médiations");

        private final String sheetName;

        Export(String sheetName) {
            this.sheetName = sheetName;
        }

        String sheetName() {
            return sheetName;
        }

        String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final List<ExportColumn> DOSSIER_COLUMNS = List.of(
            of("dossierNumber", "Numéro du dossier", "dossier_number", CODE),
            of("status", "Étape actuelle (DossierStatus)", "status", CODE),
            of("submittedAt", "Déposé le (heure de Paris)", "submitted_at", TIMESTAMP),
            of("decidedAt", "Décision du comité le (heure de Paris)", "decided_at", TIMESTAMP),
            of("closedAt", "Clos le (heure de Paris)", "closed_at", TIMESTAMP),
            of("companySiren", "SIREN de l'entreprise", "company_siren", CODE),
            of("companyName", "Raison sociale", "company_name", TEXT),
            of("companyRegion", "Région", "company_region", TEXT),
            of("companyCategory", "Catégorie d'entreprise (SMALL, MEDIUM, ETI, LARGE)", "company_category", CODE),
            of("companyHeadcount", "Effectif", "company_headcount", INTEGER),
            of("companyTurnoverEur", "Chiffre d'affaires (€)", "company_turnover_eur", EUROS),
            of("companyBalanceSheetEur", "Total de bilan (€)", "company_balance_sheet_eur", EUROS),
            of("projectTitle", "Titre du projet", "project_title", TEXT),
            of("researchType", "Type de travaux", "research_type", CODE),
            of("trlStart", "TRL de départ", "trl_start", INTEGER),
            of("trlTarget", "TRL visé", "trl_target", INTEGER),
            of("durationMonths", "Durée (mois)", "duration_months", INTEGER),
            of("partnerCount", "Nombre de partenaires", "partner_count", INTEGER),
            of("collaboration", "Collaboration effective", "collaboration", BOOLEAN),
            of("totalCostEur", "Coût total (€)", "total_cost_eur", EUROS),
            of("personnelCostEur", "Frais de personnel (€)", "personnel_cost_eur", EUROS),
            of("requestedAidEur", "Aide demandée (€)", "requested_aid_eur", EUROS),
            of("eligible", "Éligible", "eligible", BOOLEAN),
            of("fundingRate", "Taux de financement (décimal : 0,70 = 70 %)", "funding_rate", RATE),
            of("proposedAidEur", "Aide proposée (€)", "proposed_aid_eur", EUROS),
            of("decision", "Décision du comité (APPROVED, REJECTED)", "decision", CODE),
            of("grantedAidEur", "Aide accordée (€)", "granted_aid_eur", EUROS),
            of("mediationCaseNumber", "Médiation contestant la décision", "mediation_case_number", CODE));

    static final List<ExportColumn> MEDIATION_COLUMNS = List.of(
            of("caseNumber", "Numéro de la médiation", "case_number", CODE),
            of("subject", "Objet (MediationSubject)", "subject", CODE),
            of("level", "Niveau actuel (1, 2, 3)", "level", INTEGER),
            of("admissible", "Recevable", "admissible", BOOLEAN),
            of("outcome", "Issue (vide : en cours)", "outcome", CODE),
            of("filedAt", "Déposée le (heure de Paris)", "filed_at", TIMESTAMP),
            of("answeredAt", "Réponse (qualification) le (heure de Paris)", "answered_at", TIMESTAMP),
            of("firstContactAt", "Premier contact enregistré le (heure de Paris)", "first_contact_at", TIMESTAMP),
            of("closedAt", "Close le (heure de Paris)", "closed_at", TIMESTAMP),
            of("companySiren", "SIREN de l'entreprise", "company_siren", CODE),
            of("companyName", "Raison sociale", "company_name", TEXT),
            of("counterpartName", "Partie mise en cause", "counterpart_name", TEXT),
            of("dossierNumber", "Dossier RAPID contesté", "dossier_number", CODE),
            of("amountAtStakeEur", "Montant en jeu (€)", "amount_at_stake_eur", EUROS),
            of("invoiceAmountEur", "Montant de la facture (€)", "invoice_amount_eur", EUROS),
            of("invoiceReceivedDate", "Facture reçue le", "invoice_received_date", DATE),
            of("paymentDate", "Payée le", "payment_date", DATE),
            of("lateDays", "Jours de retard", "late_days", INTEGER),
            of("lateInterestEur", "Intérêts moratoires (€)", "late_interest_eur", CENTS),
            of("satisfactionRating", "Note de satisfaction (1 à 5)", "satisfaction_rating", INTEGER));

    private static final int FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    DashboardExports(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    static List<ExportColumn> columns(Export export) {
        return export == Export.DOSSIERS ? DOSSIER_COLUMNS : MEDIATION_COLUMNS;
    }

    /** Writes the header and every row of the export into the sheet; returns the number of rows. */
    long write(Export export, DashboardFilter filter, ExportSheet sheet) throws IOException {
        List<ExportColumn> columns = columns(export);
        sheet.header(columns);
        MapSqlParameterSource parameters =
                new MapSqlParameterSource().addValue("start", filter.start()).addValue("end", filter.end());
        String sql = export == Export.DOSSIERS ? dossiers(filter, parameters) : mediations();
        long[] rows = {0};
        try {
            readOnly.executeWithoutResult(tx -> jdbc.query(sql, parameters, resultSet -> {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = columns.get(i).read(resultSet);
                }
                try {
                    sheet.row(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sheet.finish();
        return rows[0];
    }

    /** The dossiers of the cohort (Cohort: submitted in the period, of the stage, region and category asked for). */
    private static String dossiers(DashboardFilter filter, MapSqlParameterSource parameters) {
        Cohort cohort = Cohort.of(filter);
        parameters.addValues(cohort.parameters());
        return "select d.* from dossier d where " + cohort.where() + " order by d.submitted_at, d.dossier_number";
    }

    /** The cases filed in the period (stage, region and category concern dossiers only). */
    private static String mediations() {
        return """
                select m.*, (select min(e.occurred_at) from case_event e
                             where e.case_reference = m.case_number and e.event_type = 'FIRST_CONTACT') as first_contact_at
                from mediation_case m
                where m.filed_at >= :start and m.filed_at < :end
                order by m.filed_at, m.case_number
                """;
    }
}
