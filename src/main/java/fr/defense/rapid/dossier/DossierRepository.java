package fr.defense.rapid.dossier;

import static fr.defense.rapid.system.EngineClock.now;

import fr.defense.rapid.procedure.CaseTable;
import fr.defense.rapid.procedure.Timeline;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code dossier} table, and its timeline (kept by the procedure module). Called from the engine's delegates, it joins the
 * engine's transaction: a step that rolls back leaves no trace here either.
 */
@Repository
public class DossierRepository extends CaseTable<Dossier> {

    private final JdbcClient jdbc;

    DossierRepository(JdbcClient jdbc, Timeline timeline) {
        super(jdbc, timeline, "dossier", "dossier_number", "submitted_at", DossierRepository::toDossier);
        this.jdbc = jdbc;
    }

    public void insert(String number, String ownerId, String processInstanceId, DossierSubmission s) {
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into dossier (dossier_number, status, owner_id, process_instance_id,
                  company_siren, company_name, company_headcount, company_turnover_eur,
                  company_balance_sheet_eur, company_region, project_title, project_summary,
                  research_type, trl_start, trl_target, defence_application, civil_application,
                  duration_months, total_cost_eur, personnel_cost_eur, requested_aid_eur,
                  partner_count, collaboration, contact_name, contact_email, submitted_at, updated_at)
                values (:number, :status, :owner, :pid, :siren, :name, :headcount, :turnover,
                  :balance, :region, :title, :summary, :researchType, :trlStart, :trlTarget,
                  :defence, :civil, :duration, :total, :personnel, :requested, :partners,
                  :collaboration, :contactName, :contactEmail, :now, :now)
                """)
                .param("number", number)
                .param("status", DossierStatus.SUBMITTED.name())
                .param("owner", ownerId)
                .param("pid", processInstanceId)
                .param("siren", s.companySiren())
                .param("name", s.companyName())
                .param("headcount", s.companyHeadcount())
                .param("turnover", s.companyTurnoverEur())
                .param("balance", s.companyBalanceSheetEur())
                .param("region", s.companyRegion())
                .param("title", s.projectTitle())
                .param("summary", s.projectSummary())
                .param("researchType", s.researchType())
                .param("trlStart", s.trlStart())
                .param("trlTarget", s.trlTarget())
                .param("defence", s.defenceApplication())
                .param("civil", s.civilApplication())
                .param("duration", s.durationMonths())
                .param("total", s.totalCostEur())
                .param("personnel", s.personnelCostEur())
                .param("requested", s.requestedAidEur())
                .param("partners", s.partnerCount())
                .param("collaboration", s.collaboration())
                .param("contactName", s.contactName())
                .param("contactEmail", s.contactEmail())
                .param("now", now)
                .update();
        addEvent(number, DossierStatus.SUBMITTED.name(), DossierStatus.SUBMITTED.description());
    }

    /**
     * Locks the dossier's row until the transaction ends: what is added to a dossier (attachments)
     * and checked against what it already has (counts, total size) is added one at a time.
     */
    public void lock(String number) {
        jdbc.sql("select dossier_number from dossier where dossier_number = :number for update")
                .param("number", number)
                .query(String.class)
                .optional();
    }

    public void changeStatus(String number, DossierStatus status) {
        OffsetDateTime now = now();
        jdbc.sql("""
                update dossier set status = :status, updated_at = :now,
                  closed_at = case when :closing then :now else closed_at end
                where dossier_number = :number
                """)
                .param("status", status.name())
                .param("closing", status.closing())
                .param("now", now)
                .param("number", number)
                .update();
        addEvent(number, status.name(), status.description());
    }

    public void recordEligibility(String number, String companyCategory, boolean eligible, String reasons) {
        jdbc.sql("""
                update dossier set company_category = :category, eligible = :eligible,
                  ineligibility_reasons = :reasons, updated_at = :now
                where dossier_number = :number
                """)
                .param("category", companyCategory)
                .param("eligible", eligible)
                .param("reasons", reasons)
                .param("now", now())
                .param("number", number)
                .update();
    }

    public void recordProposal(String number, BigDecimal fundingRate, long proposedAidEur) {
        jdbc.sql("""
                update dossier set funding_rate = :rate, proposed_aid_eur = :proposed, updated_at = :now
                where dossier_number = :number
                """)
                .param("rate", fundingRate)
                .param("proposed", proposedAidEur)
                .param("now", now())
                .param("number", number)
                .update();
    }

    public void recordDecision(String number, String decision, Long grantedAidEur, String motivation) {
        OffsetDateTime now = now();
        jdbc.sql("""
                update dossier set decision = :decision, granted_aid_eur = :granted,
                  decision_motivation = :motivation, decided_at = :now, updated_at = :now
                where dossier_number = :number
                """)
                .param("decision", decision)
                .param("granted", grantedAidEur)
                .param("motivation", motivation)
                .param("now", now)
                .param("number", number)
                .update();
    }

    /**
     * How long each dossier decided by the committee between {@code from} and {@code to} waited
     * from its submission to that decision ({@code submitted_at} to {@code decided_at}).
     */
    public List<Duration> decisionTimes(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select submitted_at, decided_at from dossier
                where decided_at >= :from and decided_at <= :to
                """)
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> Duration.between(
                        rs.getObject("submitted_at", OffsetDateTime.class),
                        rs.getObject("decided_at", OffsetDateTime.class)))
                .list();
    }

    /** The mediation case that contests this dossier's rejection: each shows the other. */
    public void linkMediationCase(String number, String caseNumber) {
        jdbc.sql("update dossier set mediation_case_number = :case, updated_at = :now where dossier_number = :number")
                .param("case", caseNumber)
                .param("now", now())
                .param("number", number)
                .update();
        addEvent(number, "CONTESTED", "Décision contestée : dossier de médiation " + caseNumber + " ouvert.");
    }

    private static Dossier toDossier(ResultSet rs, int row) throws SQLException {
        DossierSubmission submission = new DossierSubmission(
                rs.getString("company_siren"),
                rs.getString("company_name"),
                rs.getInt("company_headcount"),
                rs.getLong("company_turnover_eur"),
                rs.getLong("company_balance_sheet_eur"),
                rs.getString("company_region"),
                rs.getString("project_title"),
                rs.getString("project_summary"),
                rs.getString("research_type"),
                rs.getInt("trl_start"),
                rs.getInt("trl_target"),
                rs.getString("defence_application"),
                rs.getString("civil_application"),
                rs.getInt("duration_months"),
                rs.getLong("total_cost_eur"),
                rs.getLong("personnel_cost_eur"),
                rs.getLong("requested_aid_eur"),
                rs.getInt("partner_count"),
                rs.getBoolean("collaboration"),
                rs.getString("contact_name"),
                rs.getString("contact_email"));
        return new Dossier(
                rs.getString("dossier_number"),
                DossierStatus.valueOf(rs.getString("status")),
                rs.getString("owner_id"),
                rs.getString("process_instance_id"),
                submission,
                rs.getString("company_category"),
                rs.getObject("eligible", Boolean.class),
                rs.getString("ineligibility_reasons"),
                rs.getBigDecimal("funding_rate"),
                rs.getObject("proposed_aid_eur", Long.class),
                rs.getString("decision"),
                rs.getObject("granted_aid_eur", Long.class),
                rs.getString("decision_motivation"),
                rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("mediation_case_number"));
    }
}
