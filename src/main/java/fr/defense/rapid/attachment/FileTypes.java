package fr.defense.rapid.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * The real type of a file, from its bytes alone (magic numbers, and the entries of a ZIP container),
 * never from its name or the type its sender declared: a text renamed {@code .pdf} is text. Apache
 * Tika's detectors: {@code tika-core}, and {@code tika-parser-zip-commons} for ODS. Tika names any
 * Office Open XML file {@code application/x-tika-ooxml} without the POI-based detector; an XLSX is
 * then told from a DOCX by its {@code [Content_Types].xml}, which must declare a workbook (a
 * macro-enabled one declares another type, and is refused). See docs/stack-notes.md §9.
 */
final class FileTypes {

    static final String OOXML = "application/x-tika-ooxml";
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    /** [Content_Types].xml lists a few dozen parts: more is no spreadsheet of ours. */
    private static final int MAX_CONTENT_TYPES = 1 << 20;

    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private FileTypes() {}

    /** The media type Tika gives these bytes (e.g. {@code text/plain}, {@code application/x-msdownload}). */
    static String detect(byte[] content) {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            MediaType type = DETECTOR.detect(in, new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            return MediaType.OCTET_STREAM.toString();
        }
    }

    /** The type of file these bytes are, if one of ours. */
    static Optional<FileType> of(byte[] content) {
        String detected = detect(content);
        if (OOXML.equals(detected)) {
            return isWorkbook(content) ? Optional.of(FileType.XLSX) : Optional.empty();
        }
        for (FileType type : FileType.values()) {
            if (type.mediaType().equals(detected)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static boolean isWorkbook(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (CONTENT_TYPES.equals(entry.getName())) {
                    String types = new String(read(zip), StandardCharsets.UTF_8);
                    return types.contains("\"" + WORKBOOK + "\"");
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException notAZip) {
            return false;
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_CONTENT_TYPES + 1);
        return bytes.length > MAX_CONTENT_TYPES ? new byte[0] : bytes;
    }
}
