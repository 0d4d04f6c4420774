package fr.defense.rapid.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Tiny real files, made in the test: what an SME may send, and what it must not. */
public final class SampleFiles {

    private SampleFiles() {}

    /** A minimal PDF of one empty page, padded with a comment to exactly {@code size} bytes (at least 250). */
    public static byte[] pdf(int size) {
        String body = "%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
                + "trailer << /Root 1 0 R >>\n";
        StringBuilder pdf = new StringBuilder(body);
        int padding = size - body.length() - "%%EOF\n".length();
        if (padding >= 2) {
            pdf.append('%').append("x".repeat(padding - 2)).append('\n');
        }
        pdf.append("%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] pdf() {
        return pdf(600);
    }

    /** An Office Open XML workbook: a ZIP whose [Content_Types].xml declares the spreadsheetml part. */
    public static byte[] xlsx() {
        return ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml");
    }

    /** A word-processing document: Office Open XML too, but no spreadsheet. */
    public static byte[] docx() {
        return ooxml(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "word/document.xml");
    }

    private static byte[] ooxml(String mainType, String mainPart) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(
                "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/" + mainPart + "\" ContentType=\"" + mainType + "\"/>"
                        + "</Types>");
        entries.put(
                "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\""
                        + mainPart + "\"/></Relationships>");
        entries.put(mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><root/>");
        return zip(entries, false);
    }

    /** An OpenDocument spreadsheet: a ZIP whose first entry, stored, is {@code mimetype}. */
    public static byte[] ods() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
        entries.put(
                "META-INF/manifest.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
                        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                        + "</manifest:manifest>");
        entries.put("content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content/>");
        return zip(entries, true);
    }

    public static byte[] text() {
        return "Description du projet : caméra infrarouge compacte.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** The first bytes of a Windows executable (MZ header, PE signature). */
    public static byte[] executable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        return exe;
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    private static final long FIXED_TIME =
            java.time.Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();

    private static byte[] zip(Map<String, String> entries, boolean firstStored) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            boolean first = true;
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                // A fixed date: the same file byte for byte at every call (a test compares a download with it).
                zipEntry.setTime(FIXED_TIME);
                if (first && firstStored) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(content.length);
                    zipEntry.setCompressedSize(content.length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(content);
                zip.closeEntry();
                first = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
