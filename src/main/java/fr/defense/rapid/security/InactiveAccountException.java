package fr.defense.rapid.security;

import org.springframework.security.authentication.DisabledException;

/** The right password of an account that may not sign in (yet): the login page says why. */
public class InactiveAccountException extends DisabledException {

    private final InactiveAccounts.Inactivity inactivity;

    InactiveAccountException(InactiveAccounts.Inactivity inactivity) {
        super("Compte inactif : " + inactivity.reason() + ".");
        this.inactivity = inactivity;
    }

    public InactiveAccounts.Inactivity inactivity() {
        return inactivity;
    }
}
