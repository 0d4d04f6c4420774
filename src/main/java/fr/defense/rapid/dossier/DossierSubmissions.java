package fr.defense.rapid.dossier;

import fr.defense.rapid.procedure.IdempotentRequests;
import fr.defense.rapid.procedure.Procedure;
import fr.defense.rapid.security.ActingUser;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Submission of a dossier by an SME: starts {@code rapid-subsidy} as that user, at most once per
 * {@code Idempotency-Key}. The start form's rules are applied by the engine itself (see
 * FormValidationPlugin): a refused start throws FormValidationException and rolls everything back,
 * the key included. It joins the caller's transaction, if there is one (Camunda's Spring
 * transaction integration): a draft's submission moves its attachments in the same transaction.
 */
@Component
public class DossierSubmissions {

    /** The start form's id: its fields are a dossier's values. */
    public static final String START_FORM = "submit-dossier";

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final IdempotentRequests requests;

    public DossierSubmissions(RuntimeService runtime, IdentityService identity, IdempotentRequests requests) {
        this.runtime = runtime;
        this.identity = identity;
        this.requests = requests;
    }

    public IdempotentRequests.Outcome submit(
            String user, List<String> groups, String idempotencyKey, Map<String, Object> values) {
        return requests.once(Procedure.RAPID, user, idempotencyKey, values, () -> start(user, groups, values));
    }

    /** Starts the process as the SME, so that the engine records it as the initiator (the owner). */
    private String start(String user, List<String> groups, Map<String, Object> values) {
        return ActingUser.call(
                identity,
                user,
                groups,
                () -> runtime.startProcessInstanceByKey("rapid-subsidy", values).getBusinessKey());
    }
}
