package fr.defense.rapid.system;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Addresses refused at the edge rather than discovered when a notification cannot be sent. */
public final class EmailAddresses {

    private EmailAddresses() {}

    public static boolean deliverable(String email) {
        try {
            new InternetAddress(email, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
