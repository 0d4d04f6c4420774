package fr.defense.rapid.security;

/**
 * Accounts whose password is right but which may not sign in yet: an SME account whose e-mail
 * address is not confirmed. The account module knows that state; security only asks, after the
 * password matched, so that nobody learns it without the password.
 */
public interface UnconfirmedAccounts {

    boolean unconfirmed(String userId);
}
