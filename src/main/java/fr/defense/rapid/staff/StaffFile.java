package fr.defense.rapid.staff;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.defense.rapid.form.SubmittedFields.Field;
import fr.defense.rapid.form.SubmittedFields.Section;
import java.util.List;
import java.util.Map;

/**
 * A case as staff read it, every value already written in French (« 200 000 € », « 12 mars 2027 »,
 * « Petite entreprise »): the same object renders the staff file page and feeds the forms'
 * templates ({@code {{dossier.facts.requestedAid}}}, {@code {{#loop dossier.sections}}}).
 * {@code missingAttachments} names the required pieces a dossier lacks (null when none, or for a
 * mediation case).
 */
public record StaffFile(
        String reference,
        String title,
        String status,
        String link,
        Map<String, String> facts,
        List<Section> sections,
        List<EvaluationView> evaluations,
        List<ActionView> actions,
        List<AttachmentView> attachments,
        String missingAttachments,
        List<Line> timeline,
        List<Mail> mails) {

    public record EvaluationView(
            String expert, String date, List<Field> scores, String total, String recommendation, String opinion) {}

    public record ActionView(String level, String date, String counterpart, String summary) {}

    /** A file of the dossier: its piece, its name, its size (« 1,2 Mo ») and the staff's download link. */
    public record AttachmentView(String label, String fileName, String size, String date, String link) {}

    public record Line(String date, String text) {}

    public record Mail(String date, String subject, String recipients, String status) {}

    /** For the forms' conditions ({@code {{#if dossier.hasEvaluations}}}): templates take no FEEL expression. */
    @JsonProperty("hasEvaluations")
    public boolean hasEvaluations() {
        return !evaluations.isEmpty();
    }

    @JsonProperty("noEvaluation")
    public boolean noEvaluation() {
        return evaluations.isEmpty();
    }

    @JsonProperty("hasAttachments")
    public boolean hasAttachments() {
        return !attachments.isEmpty();
    }

    @JsonProperty("noAttachment")
    public boolean noAttachment() {
        return attachments.isEmpty();
    }

    @JsonProperty("hasActions")
    public boolean hasActions() {
        return !actions.isEmpty();
    }
}
