package fr.defense.rapid.mediation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * The case file handed to the national Médiateur des entreprises, as an A4 PDF.
 * Laid out in two passes: the content is first cut into lines and pages, then drawn, so that every
 * footer can already tell the page count ("page N / M").
 */
@Component
class CaseFilePdf {

    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float MARGIN = 56; // about 2 cm
    private static final float TOP = A4.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN; // the footer lives in the margin below
    private static final float INDENT = 14;
    private static final float BODY = 10;
    private static final float LEADING = 1.35f;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String NONE = "—";

    /** A printable, already wrapped line; {@code gap} is the space above it, dropped at a page top. */
    private record Line(PDFont font, float size, float indent, float gap, String text, boolean keepWithNext) {}

    private record Placed(Line line, float baseline) {}

    public byte[] render(CaseFile file) {
        // New fonts for each file: PDFont caches codes and widths in plain HashMaps, and this bean is shared.
        Layout layout = new Layout(
                new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            List<List<Placed>> pages = paginate(layout.lines(file));
            for (int n = 1; n <= pages.size(); n++) {
                PDPage page = new PDPage(A4);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    for (Placed placed : pages.get(n - 1)) {
                        Line line = placed.line();
                        show(out, line.font(), line.size(), MARGIN + line.indent(), placed.baseline(), line.text());
                    }
                    String footer = layout.printable(file.caseNumber() + " — page " + n + " / " + pages.size());
                    float width = layout.regular.getStringWidth(footer) / 1000 * 8;
                    show(out, layout.regular, 8, (A4.getWidth() - width) / 2, MARGIN / 2, footer);
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Dossier de médiation " + file.caseNumber());
            info.setProducer("rapid-bpm");
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the case file " + file.caseNumber(), e);
        }
    }

    /** Fills pages top down; a heading that would end a page goes to the next one with its first line. */
    private static List<List<Placed>> paginate(List<Line> lines) {
        List<List<Placed>> pages = new ArrayList<>();
        List<Placed> page = new ArrayList<>();
        float y = TOP;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            float needed = line.gap() + line.size() * LEADING;
            if (line.keepWithNext() && i + 1 < lines.size()) {
                needed += lines.get(i + 1).gap() + lines.get(i + 1).size() * LEADING;
            }
            if (y - needed < BOTTOM && !page.isEmpty()) {
                pages.add(page);
                page = new ArrayList<>();
                y = TOP;
            }
            float gap = page.isEmpty() ? 0 : line.gap();
            page.add(new Placed(line, y - gap - line.size()));
            y -= gap + line.size() * LEADING;
        }
        pages.add(page);
        return pages;
    }

    private static void show(PDPageContentStream out, PDFont font, float size, float x, float y, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    /** Turns the case file into lines, in reading order. */
    private static final class Layout {

        private final PDFont regular;
        private final PDFont bold;
        private final List<Line> lines = new ArrayList<>();

        Layout(PDFont regular, PDFont bold) {
            this.regular = regular;
            this.bold = bold;
        }

        List<Line> lines(CaseFile file) throws IOException {
            add(bold, 16, 0, 0, "Dossier de médiation " + file.caseNumber(), false);
            if (file.title() != null) {
                add(regular, 12, 0, 4, file.title(), false);
            }
            for (CaseFile.Section section : file.sections()) {
                heading(orNone(section.heading()));
                for (CaseFile.Field field : section.fields()) {
                    add(regular, BODY, 0, 3, field.label() + " : " + orNone(field.value()), false);
                }
            }
            heading("Actions de médiation");
            if (file.actions().isEmpty()) {
                add(regular, BODY, 0, 0, "Aucune action consignée.", false);
            }
            for (CaseFile.Action action : file.actions()) {
                add(bold, BODY, 0, 6, day(action.date()) + " — " + orNone(action.counterpart()), true);
                add(regular, BODY, INDENT, 0, orNone(action.summary()), false);
            }
            heading("Documents");
            if (file.documents().isEmpty()) {
                add(regular, BODY, 0, 0, "Aucun document déclaré.", false);
            }
            for (String document : file.documents()) {
                add(regular, BODY, 0, 0, "• " + orNone(document), false);
            }
            heading("Chronologie");
            if (file.timeline().isEmpty()) {
                add(regular, BODY, 0, 0, "Aucun événement enregistré.", false);
            }
            for (CaseFile.TimelineEntry entry : file.timeline()) {
                add(regular, BODY, 0, 0, moment(entry.occurredAt()) + " — " + orNone(entry.description()), false);
            }
            return lines;
        }

        private void heading(String text) throws IOException {
            add(bold, 13, 0, 16, text, true);
        }

        /** Each newline of the text starts a line, and each line wraps at the page width. */
        private void add(PDFont font, float size, float indent, float gap, String text, boolean keepWithNext)
                throws IOException {
            float width = A4.getWidth() - 2 * MARGIN - indent;
            boolean first = true;
            for (String paragraph : text.split("\\R")) {
                for (String wrapped : wrap(printable(paragraph), font, size, width)) {
                    lines.add(new Line(font, size, indent, first ? gap : 0, wrapped, keepWithNext));
                    first = false;
                }
            }
        }

        private static List<String> wrap(String paragraph, PDFont font, float size, float width) throws IOException {
            List<String> wrapped = new ArrayList<>();
            String line = "";
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line = candidate;
                    continue;
                }
                if (!line.isEmpty()) {
                    wrapped.add(line);
                }
                line = word;
                while (width(line, font, size) > width) { // a word wider than the page (a URL...): cut it
                    int cut = 1;
                    while (width(line.substring(0, cut + 1), font, size) <= width) {
                        cut++;
                    }
                    wrapped.add(line.substring(0, cut));
                    line = line.substring(cut);
                }
            }
            wrapped.add(line);
            return wrapped;
        }

        private static float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /**
         * The standard 14 fonts only encode WinAnsi, and PDFBox throws on anything else: print '?'
         * instead of losing the whole file. French number formatting uses (narrow) no-break spaces.
         */
        String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.replaceAll("[\\t\\u00A0\\u2007\\u202F]", " ")
                    .codePoints()
                    .forEach(c -> out.append(encodable(c) ? Character.toString(c) : "?"));
            return out.toString();
        }

        private boolean encodable(int codePoint) {
            String character = Character.toString(codePoint);
            try {
                regular.encode(character);
                bold.encode(character);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        private static String orNone(String value) {
            return value == null || value.isBlank() ? NONE : value;
        }

        private static String day(LocalDate date) {
            return date == null ? NONE : DAY.format(date);
        }

        private static String moment(OffsetDateTime at) {
            return at == null ? NONE : MOMENT.format(at.atZoneSameInstant(PARIS));
        }
    }
}
