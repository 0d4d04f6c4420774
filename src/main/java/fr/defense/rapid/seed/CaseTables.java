package fr.defense.rapid.seed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Our own tables, as the procedures' repositories fill them: dossiers, mediation cases, their actions and timelines. */
final class CaseTables implements AutoCloseable {

    final BulkInsert dossiers;
    final BulkInsert cases;
    final BulkInsert actions;
    final BulkInsert events;

    CaseTables(DataSource dataSource) {
        dossiers = new BulkInsert(
                dataSource,
                "dossier",
                "dossier_number",
                "status",
                "owner_id",
                "process_instance_id",
                "company_siren",
                "company_name",
                "company_headcount",
                "company_turnover_eur",
                "company_balance_sheet_eur",
                "company_region",
                "project_title",
                "project_summary",
                "research_type",
                "trl_start",
                "trl_target",
                "defence_application",
                "civil_application",
                "duration_months",
                "total_cost_eur",
                "personnel_cost_eur",
                "requested_aid_eur",
                "partner_count",
                "collaboration",
                "contact_name",
                "contact_email",
                "company_category",
                "eligible",
                "ineligibility_reasons",
                "funding_rate",
                "proposed_aid_eur",
                "decision",
                "granted_aid_eur",
                "decision_motivation",
                "submitted_at",
                "updated_at",
                "decided_at",
                "closed_at");
        cases = new BulkInsert(
                dataSource,
                "mediation_case",
                "case_number",
                "owner_id",
                "process_instance_id",
                "level",
                "admissible",
                "outcome",
                "company_siren",
                "company_name",
                "contact_name",
                "contact_email",
                "subject",
                "counterpart_name",
                "contract_reference",
                "dossier_number",
                "amount_at_stake_eur",
                "description",
                "document_list",
                "confidentiality_accepted",
                "invoice_amount_eur",
                "invoice_received_date",
                "payment_date",
                "late_days",
                "late_interest_eur",
                "late_interest_computation",
                "satisfaction_rating",
                "satisfaction_comment",
                "filed_at",
                "answered_at",
                "updated_at",
                "closed_at");
        actions = new BulkInsert(
                        dataSource,
                        "mediation_action",
                        "case_number",
                        "level",
                        "action_date",
                        "counterpart",
                        "summary",
                        "recorded_by",
                        "recorded_at")
                .after(cases);
        events = new BulkInsert(dataSource, "case_event", "case_reference", "occurred_at", "event_type", "description");
    }

    void event(String reference, Instant at, String type, String description) {
        events.add(reference, utc(at), type, description);
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    long rows() {
        return dossiers.written() + cases.written() + actions.written() + events.written();
    }

    @Override
    public void close() {
        // Parents first: mediation actions refer to their case.
        dossiers.close();
        cases.close();
        actions.close();
        events.close();
    }
}
