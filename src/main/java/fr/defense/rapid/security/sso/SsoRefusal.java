package fr.defense.rapid.security.sso;

import java.util.Arrays;
import java.util.Optional;

/** Why a sign-on let nobody in; each has its French explanation (messages, {@code sso.refused.<code>}). */
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
    /** The sign-on did not start from one of our doors (/sso/agents, /sso/entreprises). */
    NO_AUDIENCE("parcours-inconnu", "parcours inconnu"),
    /** The provider refused, or its answer could not be checked. */
    FAILED("echec", "refusée par le fournisseur, ou réponse invalide");

    final String code;
    /** Why, in the few words of the account audit log. */
    final String reason;

    SsoRefusal(String code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    static Optional<SsoRefusal> of(String code) {
        return Arrays.stream(values())
                .filter(refusal -> refusal.code.equals(code))
                .findFirst();
    }

    String page() {
        return SsoPages.REFUSED + "?motif=" + code;
    }
}
