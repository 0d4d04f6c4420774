package fr.defense.rapid.attachment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file as a download, never shown inline: {@code Content-Disposition: attachment} with
 * its name (RFC 6266: an ASCII {@code filename} and the exact one, accents included, as
 * {@code filename*}), the type read from its bytes, {@code nosniff}, not cached.
 */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<byte[]> of(StoredFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(file.content());
    }

    static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encoded(fileName);
    }

    /** « Liasse fiscale été.pdf » → « Liasse fiscale ete.pdf »; anything else that is not plain ASCII → « _ ». */
    static String asciiFallback(String fileName) {
        String decomposed = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replaceAll("[^A-Za-z0-9 ._()+,;=@&!#$'~-]", "_");
    }

    /** RFC 8187: UTF-8, percent-encoded but for attr-chars. */
    static String encoded(String fileName) {
        return URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
