package fr.defense.rapid.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mails of a dossier or a case, as recorded before sending: what staff see in a case file. */
@Component
public class SentMails {

    /** One mail: when it was created and sent (null while pending), to whom, and how it stands, in French. */
    public record SentMail(
            OffsetDateTime createdAt, OffsetDateTime sentAt, String subject, String recipients, String status) {}

    private final JdbcClient jdbc;

    SentMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The mails of a dossier ({@code RAPID-…}) or a mediation case ({@code MED-…}), oldest first. */
    public List<SentMail> of(String caseReference) {
        return jdbc.sql("""
                select created_at, sent_at, subject, recipients, status, attempts, possible_repeats from notification
                where dossier_number = :reference or case_number = :reference
                order by created_at, id
                """)
                .param("reference", caseReference)
                .query((rs, row) -> new SentMail(
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getString("subject"),
                        rs.getString("recipients"),
                        status(
                                NotificationStatus.valueOf(rs.getString("status")),
                                rs.getInt("attempts"),
                                rs.getInt("possible_repeats"))))
                .list();
    }

    private static String status(NotificationStatus status, int attempts, int possibleRepeats) {
        return switch (status) {
            case SENT ->
                possibleRepeats == 0
                        ? "envoyé"
                        : "envoyé, peut-être en double : un envoi interrompu a pu aboutir (même identifiant de message)";
            case RECORDED -> "enregistré (aucun serveur de messagerie configuré)";
            case PENDING ->
                switch (attempts) {
                    case 0 -> "en cours d'envoi";
                    case 1 -> "en attente : une tentative échouée";
                    default -> "en attente : " + attempts + " tentatives échouées";
                };
        };
    }
}
