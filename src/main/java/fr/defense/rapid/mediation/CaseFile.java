package fr.defense.rapid.mediation;

import fr.defense.rapid.procedure.TimelineEntry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the national Médiateur des entreprises receives when a case leaves the ministry (level 3):
 * the request, the computations and the outcome of each level as labelled sections, then the
 * mediation actions, the documents declared by the SME and the timeline of the case.
 * Only data, in display order: {@link CaseFilePdf} decides how it looks.
 */
record CaseFile(
        String caseNumber,
        String title,
        List<Section> sections,
        List<Action> actions,
        List<String> documents,
        List<TimelineEntry> timeline) {

    /** Missing lists become empty ones so that the PDF can say "nothing" instead of failing. */
    public CaseFile {
        Objects.requireNonNull(caseNumber, "caseNumber");
        sections = sections == null ? List.of() : List.copyOf(sections);
        actions = actions == null ? List.of() : List.copyOf(actions);
        documents = documents == null ? List.of() : List.copyOf(documents);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    public record Section(String heading, List<Field> fields) {
        public Section {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    /** A labelled value; the value may span several lines. */
    public record Field(String label, String value) {}

    /** One RECORD_ACTION step of a mediation level. */
    public record Action(LocalDate date, String counterpart, String summary) {}

    public record TimelineEntry(OffsetDateTime occurredAt, String description) {}
}
