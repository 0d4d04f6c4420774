package fr.defense.rapid.attachment;

import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.dossier.DossierSubmissions;
import fr.defense.rapid.dossier.DossierSummary;
import fr.defense.rapid.form.FormValidator;
import fr.defense.rapid.procedure.IdempotentRequests;
import fr.defense.rapid.procedure.Procedure;
import fr.defense.rapid.security.CurrentUser;
import fr.defense.rapid.system.Messages;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits an SME's draft as a dossier: its values are checked as {@code POST /api/dossiers} checks
 * them (the same form, the same refusals), its required pieces must all be there, then in ONE
 * transaction the process starts (DossierSubmissions joins it: Camunda's Spring transaction
 * integration), the draft's files move to the new dossier and the draft is deleted. Whatever fails,
 * nothing of it happened: the draft keeps its values and its files.
 */
@Component
class DraftSubmissions {

    private final DraftRepository drafts;
    private final Drafts draftValues;
    private final AttachmentRepository files;
    private final DossierSubmissions submissions;
    private final DossierRepository dossiers;
    private final IdempotentRequests requests;
    private final FormValidator validator;
    private final TransactionTemplate transaction;

    DraftSubmissions(
            DraftRepository drafts,
            Drafts draftValues,
            AttachmentRepository files,
            DossierSubmissions submissions,
            DossierRepository dossiers,
            IdempotentRequests requests,
            FormValidator validator,
            PlatformTransactionManager transactionManager) {
        this.drafts = drafts;
        this.draftValues = draftValues;
        this.files = files;
        this.submissions = submissions;
        this.dossiers = dossiers;
        this.requests = requests;
        this.validator = validator;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    ResponseEntity<DossierSummary> submit(Authentication authentication, String key) {
        IdempotentRequests.requireValidKey(DossierSubmissions.START_FORM, key);
        CurrentUser user = CurrentUser.of(authentication);
        Optional<String> earlier = key == null ? Optional.empty() : requests.earlier(Procedure.RAPID, user.id(), key);
        IdempotentRequests.Outcome outcome = earlier.map(number -> new IdempotentRequests.Outcome(number, false))
                .orElseGet(() -> transaction.execute(status -> submitDraft(user, key)));
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/dossiers/" + outcome.reference()))
                .body(DossierSummary.of(dossiers.find(outcome.reference()).orElseThrow()));
    }

    private IdempotentRequests.Outcome submitDraft(CurrentUser user, String key) {
        DraftRepository.Draft draft = drafts.lock(user.id());
        Map<String, Object> values = draftValues.valuesToSubmit(draft);
        // The engine applies the same rules at the start: checked first here so that a dossier with
        // invalid values and missing pieces hears about its values first, as POST /api/dossiers says them.
        Map<String, Object> composed = new java.util.HashMap<>(values);
        composed.putAll(validator.composedText(DossierSubmissions.START_FORM, values));
        validator.requireValid(DossierSubmissions.START_FORM, composed);
        List<String> missing = Attachments.missing(files.ofDraft(user.id()));
        if (!missing.isEmpty()) {
            throw new AttachmentRefusedException(Messages.get("attachment.missing", String.join(" ; ", missing)));
        }
        IdempotentRequests.Outcome outcome = submissions.submit(user.id(), user.groups(), key, values);
        if (outcome.created()) {
            files.moveDraftToDossier(user.id(), outcome.reference());
            drafts.delete(user.id());
        }
        return outcome;
    }
}
