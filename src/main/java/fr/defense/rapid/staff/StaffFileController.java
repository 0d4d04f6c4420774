package fr.defense.rapid.staff;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.attachment.Downloads;
import fr.defense.rapid.system.Messages;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The read-only staff file of a dossier or a mediation case, linked from every Tasklist form of its
 * procedure. Who may open which is set in SecurityConfig (the procedure's staff, managers and
 * administrators); an unknown number is a 404.
 */
@RestController
class StaffFileController {

    private static final String DOSSIERS = "/staff/dossiers/";
    private static final String MEDIATIONS = "/staff/mediations/";

    private final DossierFiles dossiers;
    private final MediationFiles mediations;
    private final Attachments attachments;
    private final TemplateEngine pages = pages();

    StaffFileController(DossierFiles dossiers, MediationFiles mediations, Attachments attachments) {
        this.dossiers = dossiers;
        this.mediations = mediations;
        this.attachments = attachments;
    }

    static String attachmentLink(String dossierNumber, String attachmentId) {
        return DOSSIERS + dossierNumber + "/attachments/" + attachmentId;
    }

    static String dossierLink(String dossierNumber) {
        return DOSSIERS + dossierNumber;
    }

    static String mediationLink(String caseNumber) {
        return MEDIATIONS + caseNumber;
    }

    @GetMapping(value = DOSSIERS + "{dossierNumber}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> dossier(@PathVariable String dossierNumber) {
        return dossiers.of(dossierNumber)
                .map(file -> page(file, "Dossier", true))
                .orElseGet(() -> message(
                        HttpStatus.NOT_FOUND,
                        "Dossier introuvable",
                        Messages.get("staff.notFound.dossier", dossierNumber)));
    }

    /** A file of the dossier, as a download (never shown inline), for the staff who may open the dossier's file. */
    @GetMapping(DOSSIERS + "{dossierNumber}/attachments/{attachmentId}")
    ResponseEntity<?> attachment(@PathVariable String dossierNumber, @PathVariable String attachmentId) {
        return attachments
                .fileOfDossier(dossierNumber, attachmentId)
                .<ResponseEntity<?>>map(Downloads::of)
                .orElseGet(() -> message(
                        HttpStatus.NOT_FOUND,
                        "Pièce jointe introuvable",
                        Messages.get("staff.notFound.attachment", dossierNumber)));
    }

    @GetMapping(value = MEDIATIONS + "{caseNumber}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> mediation(@PathVariable String caseNumber) {
        return mediations
                .of(caseNumber)
                .map(file -> page(file, "Dossier de médiation", false))
                .orElseGet(() -> message(
                        HttpStatus.NOT_FOUND,
                        "Dossier introuvable",
                        Messages.get("staff.notFound.mediation", caseNumber)));
    }

    private ResponseEntity<String> page(StaffFile file, String kind, boolean rapid) {
        return html(HttpStatus.OK, "staff-file", Map.of("file", file, "kind", kind, "rapid", rapid));
    }

    ResponseEntity<String> message(HttpStatus status, String title, String message) {
        return html(status, "message", Map.of("title", title, "message", message));
    }

    String messagePage(String title, String message) {
        return pages.process("message", new Context(Locale.FRANCE, Map.of("title", title, "message", message)));
    }

    private ResponseEntity<String> html(HttpStatus status, String template, Map<String, Object> model) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pages.process(template, new Context(Locale.FRANCE, model)));
    }

    private static TemplateEngine pages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/staff/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
