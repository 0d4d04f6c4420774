package fr.defense.rapid.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.mediation.CaseFile.Action;
import fr.defense.rapid.mediation.CaseFile.Field;
import fr.defense.rapid.mediation.CaseFile.Section;
import fr.defense.rapid.mediation.CaseFile.TimelineEntry;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Renders case files and reads them back with PDFBox's own text extraction. */
class CaseFilePdfTest {

    private final CaseFilePdf pdf = new CaseFilePdf();

    @Test
    void aFullCaseFileFlowsOverSeveralPagesAndKeepsEverything() throws IOException {
        String description = description();
        List<Action> actions = IntStream.rangeClosed(1, 40)
                .mapToObj(n -> new Action(
                        LocalDate.of(2026, 6, 1).plusDays(n),
                        "Service achats de la DGA",
                        "Relance n°%02d de l’acheteur sur la facture impayée".formatted(n)))
                .toList();
        CaseFile file = new CaseFile(
                "MED-2026-00042",
                "Retard de paiement — Société d’Études Aéronautiques",
                List.of(
                        new Section(
                                "Demande",
                                List.of(
                                        new Field("Description", description),
                                        new Field("Entreprise", "Société d’Études Aéronautiques Françaises"),
                                        // ✈ (U+2708) and 😀 (outside the BMP) are not WinAnsi
                                        new Field("Référence du marché", "Marché ✈ 2026-042 😀"),
                                        new Field("Adresse", "12 rue de l’Église\n75007 Paris"))),
                        new Section(
                                "Intérêts moratoires",
                                List.of(
                                        // as NumberFormat formats it for fr-FR: U+202F as the thousands separator
                                        new Field("Montant", "1\u202F234,56 €")))),
                actions,
                List.of("facture-2026-001.pdf", "bon de commande.pdf"),
                List.of(
                        new TimelineEntry(
                                OffsetDateTime.of(2026, 5, 13, 8, 30, 0, 0, ZoneOffset.UTC), "Demande déposée"),
                        new TimelineEntry(
                                OffsetDateTime.of(2026, 12, 1, 8, 30, 0, 0, ZoneOffset.UTC), "Saisine du Médiateur")));

        try (PDDocument document = Loader.loadPDF(pdf.render(file))) {
            String text = new PDFTextStripper().getText(document);
            int pages = document.getNumberOfPages();

            // ~32 lines of description + 80 lines of actions + the rest, about 50 lines a page
            assertThat(pages).isGreaterThanOrEqualTo(3);
            assertThat(text)
                    .contains(
                            "Dossier de médiation MED-2026-00042",
                            "Société d’Études Aéronautiques Françaises",
                            "Intérêts moratoires",
                            "Actions de médiation",
                            "Chronologie",
                            "• facture-2026-001.pdf");
            assertThat(text).contains("Marché ? 2026-042 ?").contains("1 234,56 €");
            assertThat(text).contains("12 rue de l’Église" + System.lineSeparator() + "75007 Paris");
            actions.forEach(action -> assertThat(text).contains(action.summary()));
            assertThat(text).contains("02/06/2026 — Service achats de la DGA");
            // 08:30 UTC is 10:30 in Paris in summer, 09:30 in winter
            assertThat(text).contains("13/05/2026 10:30 — Demande déposée", "01/12/2026 09:30 — Saisine du Médiateur");

            // wrapped, not cut: the whole description is there once line breaks are put back as spaces
            assertThat(text.replaceAll("\\s+", " ")).contains(description);
            assertThat(Arrays.stream(text.split("\\R"))
                            .mapToInt(String::length)
                            .max()
                            .orElseThrow())
                    .isLessThan(130);

            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains("MED-2026-00042 — page " + page + " / " + pages);
            }
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Dossier de médiation MED-2026-00042");
            assertThat(document.getDocumentInformation().getProducer()).isEqualTo("rapid-bpm");
        }
    }

    @Test
    void aMinimalCaseFileSaysThereIsNothingToShow() throws IOException {
        CaseFile file = new CaseFile("MED-2026-00001", "Litige contractuel", List.of(), List.of(), null, List.of());

        try (PDDocument document = Loader.loadPDF(pdf.render(file))) {
            String text = new PDFTextStripper().getText(document);

            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(text)
                    .contains("Aucune action consignée.", "Aucun document déclaré.", "MED-2026-00001 — page 1 / 1");
        }
    }

    /** About 3 000 characters of accented French, with a marker at each end. */
    private static String description() {
        String sentence =
                "L’entreprise a livré les équipements commandés ; la facture reçue n’a pas été réglée à l’échéance. ";
        String body = sentence.repeat(3000 / sentence.length() + 1);
        return ("DÉBUT " + body).substring(0, 2990).strip() + " FIN";
    }
}
