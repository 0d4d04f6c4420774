package fr.defense.rapid.attachment;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The pieces a RAPID dossier contains (DOMAIN.md §2), how many files each takes, and of which types. */
public enum AttachmentKind {
    PROJECT_DESCRIPTION(
            "Description du projet",
            1,
            List.of(FileType.PDF),
            "Le projet en 20 pages au plus : objectifs, travaux prévus, applications de défense et civiles."),
    TAX_RETURN(
            "Liasse fiscale",
            2,
            List.of(FileType.PDF),
            "Les liasses fiscales des deux derniers exercices clos de l'entreprise : un fichier par exercice."),
    FINANCIAL_ANNEX(
            "Annexe financière",
            1,
            List.of(FileType.PDF, FileType.XLSX, FileType.ODS),
            "Le coût du projet par partenaire : frais de personnel, sous-traitance, équipements.");

    private final String label;
    private final int required;
    private final List<FileType> accepted;
    private final String description;

    AttachmentKind(String label, int required, List<FileType> accepted, String description) {
        this.label = label;
        this.required = required;
        this.accepted = accepted;
        this.description = description;
    }

    /** What the applicant should send, in a sentence. */
    public String description() {
        return description;
    }

    public String label() {
        return label;
    }

    /** How many files of this piece a complete dossier has; also the most it may have. */
    public int required() {
        return required;
    }

    List<FileType> accepted() {
        return accepted;
    }

    /** « PDF », « PDF, XLSX ou ODS ». */
    public String acceptedNames() {
        List<String> names = accepted.stream().map(FileType::name).toList();
        return names.size() == 1
                ? names.get(0)
                : names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " ou "
                        + names.get(names.size() - 1);
    }

    /** What a file picker should offer: « .pdf,application/pdf,… ». */
    public String accept() {
        return accepted.stream()
                .map(type -> "." + type.name().toLowerCase(Locale.ROOT) + "," + type.mediaType())
                .collect(Collectors.joining(","));
    }

    /** « 1 fichier », « 2 fichiers ». */
    static String files(int count) {
        return count + (count > 1 ? " fichiers" : " fichier");
    }
}
