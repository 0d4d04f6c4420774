package fr.defense.rapid.account;

import fr.defense.rapid.system.EngineClock;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The account audit log in the browser (the latest {@value #SHOWN} events) and as CSV (every event,
 * as French Excel opens it: UTF-8 with a byte order mark, {@code ;} between fields, Paris times).
 */
@Controller
class AuditLogPage {

    static final int SHOWN = 500;
    /** The export's dates sort as text; the page's read the French way, to the second (an audit needs it). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm:ss");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat CSV = CSVFormat.Builder.create(CSVFormat.RFC4180)
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .get();

    private final AccountAudit audit;

    AuditLogPage(AccountAudit audit) {
        this.audit = audit;
    }

    @GetMapping(AuditLogSecurity.PAGE)
    String page(Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("events", audit.latest(SHOWN));
        model.addAttribute("shown", SHOWN);
        model.addAttribute("time", PAGE_TIME);
        model.addAttribute("paris", EngineClock.PARIS);
        return "account/audit";
    }

    @GetMapping(AuditLogSecurity.EXPORT)
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"journal-des-comptes.csv\"");
        OutputStream out = response.getOutputStream();
        out.write(BOM);
        CSVPrinter csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), CSV);
        csv.printRecord("date", "evenement", "code", "compte", "auteur", "adresse", "detail");
        audit.each(event -> {
            try {
                csv.printRecord(
                        TIME.format(event.occurredAt().atZoneSameInstant(EngineClock.PARIS)),
                        event.kind().label(),
                        event.kind().name(),
                        neutralised(event.accountId()),
                        neutralised(event.actorId()),
                        neutralised(event.clientAddress()),
                        neutralised(event.detail()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    /** Signed in, but no administrator. */
    @GetMapping(AuditLogSecurity.REFUSAL)
    String refused(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("service", "Journal des comptes");
        model.addAttribute("reasons", List.of("Le journal des comptes est réservé aux administrateurs."));
        model.addAttribute("tasklist", false);
        return "staff/refused";
    }

    /**
     * A name typed at a failed login is anyone's text: a spreadsheet must never take it for a formula
     * (OWASP's advice, as the dashboard's exports do).
     */
    static String neutralised(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text == null ? "" : text;
    }
}
