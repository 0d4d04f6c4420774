package fr.defense.rapid.attachment;

import java.util.List;
import java.util.stream.Collectors;

/** The pieces a RAPID dossier contains (DOMAIN.md §2), how many files each takes, and of which types. */
public enum AttachmentKind {
    PROJECT_DESCRIPTION("Description du projet", 1, List.of(FileType.PDF)),
    TAX_RETURN("Liasse fiscale", 2, List.of(FileType.PDF)),
    FINANCIAL_ANNEX("Annexe financière", 1, List.of(FileType.PDF, FileType.XLSX, FileType.ODS));

    private final String label;
    private final int required;
    private final List<FileType> accepted;

    AttachmentKind(String label, int required, List<FileType> accepted) {
        this.label = label;
        this.required = required;
        this.accepted = accepted;
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
    String acceptedNames() {
        List<String> names = accepted.stream().map(FileType::name).toList();
        return names.size() == 1
                ? names.get(0)
                : names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " ou "
                        + names.get(names.size() - 1);
    }

    /** « 1 fichier », « 2 fichiers ». */
    static String files(int count) {
        return count + (count > 1 ? " fichiers" : " fichier");
    }
}
