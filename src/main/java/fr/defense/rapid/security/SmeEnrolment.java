package fr.defense.rapid.security;

/**
 * An SME user whom the identity provider vouched for, with the SIREN of their company, but whom no
 * SME account matches (single sign-on, security.sso): the account module, which keeps the companies
 * and their users, enrols them. It depends on this module, not the other way round; declared here
 * beside InactiveAccounts rather than in security.sso, which is internal to this module.
 */
public interface SmeEnrolment {

    /**
     * What the provider says of the person: the SIREN (9 digits, checked), the e-mail address it
     * verified, the name, and the company's name if it gives one (else null).
     */
    record Applicant(
            String siren, String email, String firstName, String lastName, String companyName, String providerName) {}

    enum Result {
        /** The SIREN had no company: it is created, with this person as its ACTIVE administrator (group sme). */
        ADMINISTRATOR,
        /** The company exists: a request to join it now waits for its administrator, who was mailed. */
        REQUEST_SENT,
        /** This person's request to join this company waits already: nothing changed. */
        REQUEST_WAITING,
        /**
         * The address is a live account's that cannot sign on this way (registration not confirmed,
         * invitation not accepted, request to join another company, an agent): nothing changed.
         */
        ADDRESS_IN_USE
    }

    /** The result, and the account it concerns (none for ADDRESS_IN_USE). */
    record Enrolment(Result result, String userId) {}

    /** Enrols, in one transaction: all of it is done, or nothing (an exception). */
    Enrolment enrol(Applicant applicant);
}
