package fr.defense.rapid.notification;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a feature knows about the mails of its process: who receives them and what they say. Each
 * process's business key tells which source serves it (a dossier number, a case number).
 */
public interface MailSource {

    /** A file sent with the mail (the case file handed to the national mediator). */
    record Attachment(String fileName, String contentType, byte[] content) {}

    /** The mail of one notification, ready to render: its reference is the dossier or case number. */
    record PreparedMail(String reference, List<String> to, Map<String, Object> model, List<Attachment> attachments) {}

    boolean serves(String businessKey);

    PreparedMail prepare(RapidNotification notification, DelegateExecution execution);
}
