package fr.defense.rapid.security.sso;

/**
 * The outcome of a sign-on: where the person goes next, and for the audit log, who it was (our
 * account, or what the provider called the person when refused) and why it was refused.
 */
record SignOn(String next, String account, SsoRefusal refusal) {

    static SignOn done(String next, String account) {
        return new SignOn(next, account, null);
    }

    static SignOn refused(SsoRefusal refusal, String account) {
        return new SignOn(refusal.page(), account, refusal);
    }
}
