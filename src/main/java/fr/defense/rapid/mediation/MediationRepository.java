package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.EngineClock.now;

import fr.defense.rapid.procedure.CaseTable;
import fr.defense.rapid.procedure.Timeline;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mediation_case} table and its actions, and its timeline (kept by the procedure module). Called from the engine's
 * delegates, it joins the engine's transaction: a step that rolls back leaves no trace here.
 */
@Repository
public class MediationRepository extends CaseTable<MediationCase> {

    /** A mediator's action: the date, who was contacted, what came of it. */
    public record Action(int level, LocalDate actionDate, String counterpart, String summary) {}

    private final JdbcClient jdbc;

    MediationRepository(JdbcClient jdbc, Timeline timeline) {
        super(jdbc, timeline, "mediation_case", "case_number", "filed_at", MediationRepository::toCase);
        this.jdbc = jdbc;
    }

    public void insert(
            String caseNumber,
            String ownerId,
            String processInstanceId,
            MediationRequest r,
            LatePaymentInterest.Computation interest,
            String interestExplanation) {
        jdbc.sql("""
                insert into mediation_case (case_number, owner_id, process_instance_id, level,
                  company_siren, company_name, contact_name, contact_email, subject, counterpart_name,
                  contract_reference, dossier_number, amount_at_stake_eur, description, document_list,
                  confidentiality_accepted, invoice_amount_eur, invoice_received_date, payment_date,
                  late_days, late_interest_eur, late_interest_computation, filed_at, updated_at)
                values (:number, :owner, :pid, 1, :siren, :name, :contactName, :contactEmail, :subject,
                  :counterpart, :contract, :dossier, :amount, :description, :documents, :confidentiality,
                  :invoice, :received, :paid, :lateDays, :lateInterest, :computation, :now, :now)
                """)
                .param("number", caseNumber)
                .param("owner", ownerId)
                .param("pid", processInstanceId)
                .param("siren", r.companySiren())
                .param("name", r.companyName())
                .param("contactName", r.contactName())
                .param("contactEmail", r.contactEmail())
                .param("subject", r.subject().name())
                .param("counterpart", r.counterpartName())
                .param("contract", r.contractReference())
                .param("dossier", r.dossierNumber())
                .param("amount", r.amountAtStakeEur())
                .param("description", r.description())
                .param("documents", r.documentList())
                .param("confidentiality", r.confidentialityAccepted())
                .param("invoice", r.invoiceAmountEur())
                .param("received", r.invoiceReceivedDate())
                .param("paid", r.paymentDate())
                .param("lateDays", interest == null ? null : interest.lateDays())
                .param("lateInterest", interest == null ? null : interest.lateInterestEur())
                .param("computation", interestExplanation)
                .param("now", now())
                .update();
        addEvent(
                caseNumber,
                "FILED",
                "Demande de médiation enregistrée (" + r.subject().label() + ").");
    }

    public void recordQualification(String caseNumber, boolean admissible) {
        jdbc.sql(
                        "update mediation_case set admissible = :admissible, answered_at = :now, updated_at = :now where case_number = :number")
                .param("admissible", admissible)
                .param("now", now())
                .param("number", caseNumber)
                .update();
    }

    public void changeLevel(String caseNumber, int level) {
        jdbc.sql("update mediation_case set level = :level, updated_at = :now where case_number = :number")
                .param("level", level)
                .param("now", now())
                .param("number", caseNumber)
                .update();
    }

    public void close(String caseNumber, MediationOutcome outcome) {
        jdbc.sql(
                        "update mediation_case set outcome = :outcome, closed_at = :now, updated_at = :now where case_number = :number")
                .param("outcome", outcome.name())
                .param("now", now())
                .param("number", caseNumber)
                .update();
    }

    public void recordSatisfaction(String caseNumber, int rating, String comment) {
        jdbc.sql("""
                update mediation_case set satisfaction_rating = :rating, satisfaction_comment = :comment,
                  updated_at = :now where case_number = :number
                """)
                .param("rating", rating)
                .param("comment", comment)
                .param("now", now())
                .param("number", caseNumber)
                .update();
    }

    public void addAction(String caseNumber, Action action, String recordedBy) {
        jdbc.sql("""
                insert into mediation_action (case_number, level, action_date, counterpart, summary, recorded_by, recorded_at)
                values (:number, :level, :date, :counterpart, :summary, :by, :now)
                """)
                .param("number", caseNumber)
                .param("level", action.level())
                .param("date", action.actionDate())
                .param("counterpart", action.counterpart())
                .param("summary", action.summary())
                .param("by", recordedBy)
                .param("now", now())
                .update();
    }

    /** The case opened to contest a RAPID dossier's rejection, if any. */
    public Optional<MediationCase> findByDossier(String dossierNumber) {
        return jdbc.sql("select * from mediation_case where dossier_number = :dossier and subject = 'RAPID_DECISION'")
                .param("dossier", dossierNumber)
                .query(MediationRepository::toCase)
                .optional();
    }

    public List<Action> actions(String caseNumber) {
        return jdbc.sql("""
                select level, action_date, counterpart, summary from mediation_action
                where case_number = :number order by action_date, id
                """)
                .param("number", caseNumber)
                .query((rs, i) -> new Action(
                        rs.getInt("level"),
                        rs.getObject("action_date", LocalDate.class),
                        rs.getString("counterpart"),
                        rs.getString("summary")))
                .list();
    }

    private static MediationCase toCase(ResultSet rs, int row) throws SQLException {
        MediationRequest request = new MediationRequest(
                rs.getString("company_siren"),
                rs.getString("company_name"),
                rs.getString("contact_name"),
                rs.getString("contact_email"),
                MediationSubject.valueOf(rs.getString("subject")),
                rs.getString("counterpart_name"),
                rs.getString("contract_reference"),
                rs.getString("dossier_number"),
                rs.getLong("amount_at_stake_eur"),
                rs.getString("description"),
                rs.getString("document_list"),
                rs.getBoolean("confidentiality_accepted"),
                rs.getObject("invoice_amount_eur", Long.class),
                rs.getObject("invoice_received_date", LocalDate.class),
                rs.getObject("payment_date", LocalDate.class));
        String outcome = rs.getString("outcome");
        return new MediationCase(
                rs.getString("case_number"),
                rs.getString("owner_id"),
                rs.getString("process_instance_id"),
                rs.getInt("level"),
                rs.getObject("admissible", Boolean.class),
                outcome == null ? null : MediationOutcome.valueOf(outcome),
                request,
                rs.getObject("late_days", Long.class),
                rs.getObject("late_interest_eur", BigDecimal.class),
                rs.getString("late_interest_computation"),
                rs.getObject("satisfaction_rating", Integer.class),
                rs.getString("satisfaction_comment"),
                rs.getObject("filed_at", OffsetDateTime.class),
                rs.getObject("answered_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class));
    }
}
