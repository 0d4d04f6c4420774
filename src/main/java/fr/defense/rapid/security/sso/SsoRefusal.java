package fr.defense.rapid.security.sso;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a sign-on let nobody in; each has its French explanation (messages, {@code sso.refused.<code>},
 * or {@code sso.request.<code>} for a request to join a company that waits for its administrator).
 */
enum SsoRefusal {
    /** The provider knows the agent, but none of its group values is mapped to one of our groups. */
    STAFF_NOT_MAPPED("agent-non-habilite", "aucun groupe du fournisseur ne correspond à un rôle"),
    /** The provider gave no usable identifier for the agent. */
    STAFF_NO_ID("agent-sans-identifiant", "pas d'identifiant utilisable"),
    /** The identifier is that of an SME account: an SME account never becomes staff. */
    STAFF_IS_SME("agent-compte-entreprise", "identifiant d'un compte entreprise"),
    /** No SME account matches: the person must register or be invited. */
    SME_UNKNOWN("entreprise-inconnue", "aucun compte entreprise ne correspond"),
    /** Several SME accounts match: which one is meant cannot be told. */
    SME_AMBIGUOUS("entreprise-ambigue", "plusieurs comptes entreprise correspondent"),
    /** No SME account matches, and the SIREN claim is no SIRET nor SIREN (digits, Luhn key). */
    SME_SIREN_INVALID("siret-invalide", "numéro SIRET ou SIREN transmis invalide"),
    /** No SME account matches, and the provider gave no usable e-mail address or name to enrol the person. */
    SME_IDENTITY_INCOMPLETE("identite-incomplete", "adresse électronique ou nom non transmis, ou invalides"),
    /** No SME account matches, and the address is a live account's that cannot sign on this way. */
    SME_ADDRESS_IN_USE("adresse-deja-utilisee", "adresse électronique d'un compte inactif ou d'un autre compte"),
    /** The enrolment failed (a mail refused, two first sign-ons of one SIREN at once): nothing was kept. */
    SME_ENROLMENT_FAILED("inscription-impossible", "inscription par le numéro SIREN impossible"),
    /** Not a refusal of the person: their request to join the company was sent to its administrator. */
    SME_REQUEST_SENT("demande-envoyee", "demande d'accès envoyée à l'administrateur de l'entreprise", true),
    /** Not a refusal of the person: their request to join the company still waits for its administrator. */
    SME_REQUEST_WAITING(
            "demande-en-attente", "demande d'accès toujours en attente de l'administrateur de l'entreprise", true),
    /** The sign-on did not start from one of our doors (/sso/agents, /sso/entreprises). */
    NO_AUDIENCE("parcours-inconnu", "parcours inconnu"),
    /** The provider refused, or its answer could not be checked. */
    FAILED("echec", "refusée par le fournisseur, ou réponse invalide");

    final String code;
    /** Why, in the few words of the account audit log. */
    final String reason;
    /** Whether the person is not in yet because a request waits (its own page), rather than refused. */
    final boolean request;

    SsoRefusal(String code, String reason) {
        this(code, reason, false);
    }

    SsoRefusal(String code, String reason, boolean request) {
        this.code = code;
        this.reason = reason;
        this.request = request;
    }

    static Optional<SsoRefusal> of(String code) {
        return Arrays.stream(values())
                .filter(refusal -> refusal.code.equals(code))
                .findFirst();
    }

    String page() {
        return (request ? SsoPages.REQUEST : SsoPages.REFUSED) + "?motif=" + code;
    }
}
