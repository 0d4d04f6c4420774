package fr.defense.rapid.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The type of a file is read from its bytes (Apache Tika), whatever its name says. */
class FileTypesTest {

    @Test
    void aFileIsAcceptedOrRefusedForWhatItsBytesAre() {
        Map<String, Optional<FileType>> types = new LinkedHashMap<>();
        types.put("pdf", FileTypes.of(SampleFiles.pdf()));
        types.put("xlsx", FileTypes.of(SampleFiles.xlsx()));
        types.put("ods", FileTypes.of(SampleFiles.ods()));
        types.put("docx", FileTypes.of(SampleFiles.docx()));
        types.put("text", FileTypes.of(SampleFiles.text()));
        types.put("exe", FileTypes.of(SampleFiles.executable()));
        types.put("html", FileTypes.of(SampleFiles.html()));
        assertThat(types)
                .containsExactly(
                        Map.entry("pdf", Optional.of(FileType.PDF)),
                        Map.entry("xlsx", Optional.of(FileType.XLSX)),
                        Map.entry("ods", Optional.of(FileType.ODS)),
                        Map.entry("docx", Optional.empty()),
                        Map.entry("text", Optional.empty()),
                        Map.entry("exe", Optional.empty()),
                        Map.entry("html", Optional.empty()));
        assertThat(FileTypes.detect(SampleFiles.executable())).isEqualTo("application/x-msdownload");
        assertThat(FileTypes.detect(SampleFiles.text())).isEqualTo("text/plain");
        assertThat(FileTypes.detect(SampleFiles.html())).isEqualTo("text/html");
        assertThat(FileTypes.detect(SampleFiles.docx())).isEqualTo(FileTypes.OOXML);
    }

    @Test
    void aFileIsNamedAsSentWithoutItsPathOrControlCharacters() {
        assertThat(Attachments.fileName("C:\\Users\\claire\\Liasse fiscale 2025.pdf"))
                .isEqualTo("Liasse fiscale 2025.pdf");
        assertThat(Attachments.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Attachments.fileName("annexe\u202Efdp.exe")).isEqualTo("annexefdp.exe");
        assertThat(Attachments.fileName("  ")).isEqualTo("piece");
        assertThat(Downloads.contentDisposition("Liasse fiscale été \"2025\".pdf"))
                .isEqualTo("attachment; filename=\"Liasse fiscale ete _2025_.pdf\"; "
                        + "filename*=UTF-8''Liasse%20fiscale%20%C3%A9t%C3%A9%20%222025%22.pdf");
    }
}
