package fr.defense.rapid.security;

import java.util.Optional;

/**
 * Accounts whose password is right but which may not sign in: an SME account whose e-mail address
 * is not confirmed, whose request to join its company waits for the administrator, or which the
 * administrator removed. The account module knows that state; security only asks, after the password
 * matched, so that nobody learns it without the password.
 */
public interface InactiveAccounts {

    enum Inactivity {
        UNCONFIRMED("adresse électronique non confirmée"),
        AWAITING_APPROVAL("demande d'accès en attente de l'administrateur de l'entreprise"),
        REMOVED("compte retiré de l'entreprise");

        private final String reason;

        Inactivity(String reason) {
            this.reason = reason;
        }

        /** In French, as the account audit log records it. */
        public String reason() {
            return reason;
        }
    }

    Optional<Inactivity> inactivity(String userId);
}
