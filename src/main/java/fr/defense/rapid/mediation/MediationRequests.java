package fr.defense.rapid.mediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.dossier.RapidDeadlines;
import fr.defense.rapid.form.FormValidator;
import fr.defense.rapid.procedure.CaseOwners;
import fr.defense.rapid.procedure.IdempotentRequests;
import fr.defense.rapid.procedure.Procedure;
import fr.defense.rapid.security.ActingUser;
import fr.defense.rapid.system.ConflictException;
import fr.defense.rapid.system.FieldViolation;
import fr.defense.rapid.system.FormValidationException;
import fr.defense.rapid.system.Messages;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * An SME's mediation request, at most once per {@code Idempotency-Key}. Most start
 * {@code mediation-escalation} as the SME (the engine applies the start form's rules). Contesting
 * a RAPID rejection goes through the dossier's own process instead: {@code rapid-subsidy} waits
 * for the contest during two months and opens the case itself, linked to the dossier.
 */
@Component
public class MediationRequests {

    static final String START_FORM = "request-mediation";
    /** Tries of a request that met a concurrent step of the dossier's process (see {@link #file}). */
    private static final int ATTEMPTS = 3;

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final IdempotentRequests requests;
    private final FormValidator validator;
    private final DossierRepository dossiers;
    private final MediationRepository cases;
    private final ObjectMapper json;

    private final RapidDeadlines rapidDeadlines;
    private final CaseOwners owners;

    public MediationRequests(
            RuntimeService runtime,
            IdentityService identity,
            IdempotentRequests requests,
            FormValidator validator,
            DossierRepository dossiers,
            MediationRepository cases,
            ObjectMapper json,
            RapidDeadlines rapidDeadlines,
            CaseOwners owners) {
        this.rapidDeadlines = rapidDeadlines;
        this.owners = owners;
        this.runtime = runtime;
        this.identity = identity;
        this.requests = requests;
        this.validator = validator;
        this.dossiers = dossiers;
        this.cases = cases;
        this.json = json;
    }

    /**
     * A contest is a message to the dossier's running process, whose rejection letter goes out
     * meanwhile in a job of its own: when both move the dossier at the same moment, the engine
     * refuses one of them (OptimisticLockingException). The job executor retries its job; here,
     * where nothing was kept, the request is tried again, as Camunda advises for correlations.
     */
    public IdempotentRequests.Outcome file(
            String user, List<String> groups, String idempotencyKey, Map<String, Object> values) {
        for (int attempt = 1; ; attempt++) {
            try {
                return requests.once(Procedure.MEDIATION, user, idempotencyKey, values, () -> {
                    String dossierNumber =
                            values.get("dossierNumber") instanceof String number && !number.isBlank() ? number : null;
                    if (dossierNumber != null) {
                        requireOwnDossier(dossierNumber, user);
                    }
                    return MediationSubject.RAPID_DECISION.name().equals(values.get("subject")) && dossierNumber != null
                            ? contest(dossierNumber, values)
                            : start(user, groups, values);
                });
            } catch (OptimisticLockingException concurrentStep) {
                if (attempt == ATTEMPTS) {
                    throw concurrentStep;
                }
            }
        }
    }

    private String start(String user, List<String> groups, Map<String, Object> values) {
        return ActingUser.call(
                identity,
                user,
                groups,
                () -> runtime.startProcessInstanceByKey("mediation-escalation", values)
                        .getBusinessKey());
    }

    /** The message start of the case runs no start form: its rules are applied here first. */
    private String contest(String dossierNumber, Map<String, Object> values) {
        validator.requireValid(START_FORM, values);
        cases.findByDossier(dossierNumber).ifPresent(existing -> {
            throw new ConflictException(Messages.get("refusal.alreadyContested", dossierNumber, existing.caseNumber()));
        });
        try {
            runtime.createMessageCorrelation("RapidDecisionContested")
                    .processInstanceBusinessKey(dossierNumber)
                    .setVariable(
                            OpenMediationCase.CONTEST_REQUEST,
                            Variables.byteArrayValue(OpenMediationCase.contestRequest(json, values)))
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException notContestable) {
            throw new ConflictException(
                    Messages.get("refusal.notContestable", dossierNumber, rapidDeadlines.contestPeriodInWords()));
        }
        return cases.findByDossier(dossierNumber).orElseThrow().caseNumber();
    }

    /** A request may name only one of the dossiers of the SME's company; any other reads as unknown. */
    private void requireOwnDossier(String dossierNumber, String user) {
        dossiers.find(dossierNumber)
                .filter(dossier -> owners.shares(user, dossier.ownerId()))
                .orElseThrow(() -> new FormValidationException(
                        START_FORM,
                        List.of(new FieldViolation(
                                "dossierNumber", Messages.get("notFound.ownDossier", dossierNumber)))));
    }
}
