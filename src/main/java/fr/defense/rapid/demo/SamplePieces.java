package fr.defense.rapid.demo;

import fr.defense.rapid.attachment.AttachmentKind;
import fr.defense.rapid.attachment.Attachments;
import java.nio.charset.StandardCharsets;

/**
 * The pieces of a complete dossier (a description, two tax return packages, a financial annex), as
 * small real PDFs: the demo's dossiers carry them, and the tests attach them to the dossiers they
 * take past the completeness check, as the SME would have.
 */
public final class SamplePieces {

    private SamplePieces() {}

    /** Attaches every required piece to this dossier, still open (through the same checks as an upload). */
    public static void attachAll(Attachments attachments, String dossierNumber) {
        attachments.addToDossier(
                dossierNumber,
                AttachmentKind.PROJECT_DESCRIPTION,
                "Description du projet.pdf",
                pdf("Description du projet"));
        attachments.addToDossier(
                dossierNumber, AttachmentKind.TAX_RETURN, "Liasse fiscale 2025.pdf", pdf("Liasse fiscale 2025"));
        attachments.addToDossier(
                dossierNumber, AttachmentKind.TAX_RETURN, "Liasse fiscale 2024.pdf", pdf("Liasse fiscale 2024"));
        attachments.addToDossier(
                dossierNumber, AttachmentKind.FINANCIAL_ANNEX, "Annexe financière.pdf", pdf("Annexe financiere"));
    }

    /** A one-page PDF showing its title (ASCII, Helvetica). */
    public static byte[] pdf(String title) {
        String stream = "BT /F1 18 Tf 72 770 Td (" + title.replaceAll("[()\\\\]", "") + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
