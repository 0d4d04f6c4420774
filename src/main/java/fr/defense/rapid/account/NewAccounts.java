package fr.defense.rapid.account;

import fr.defense.rapid.system.EngineClock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** What registrations and invitations share: the account's id, its address's availability, its Camunda user. */
@Component
class NewAccounts {

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    private final IdentityService identity;
    private final Companies companies;

    NewAccounts(IdentityService identity, Companies companies) {
        this.identity = identity;
        this.companies = companies;
    }

    /**
     * Readies the SIREN for a newcomer (a registration, a sign-on by SIREN): the accounts never
     * confirmed whose links all expired are forgotten (they hold nothing), and a known company is
     * locked until the transaction ends, so that two newcomers are numbered and admitted one after
     * the other. Whether the company was known.
     */
    boolean admitNewcomer(String siren) {
        companies.abandoned(siren).forEach(stale -> {
            identity.deleteUser(stale);
            companies.forget(stale, siren);
        });
        boolean known = companies.exists(siren);
        if (known) {
            companies.lock(siren);
        }
        return known;
    }

    /**
     * The id of the company's next account ({@code pme-<siren>-<n>}), after the highest one it ever
     * had: a registration never confirmed is forgotten, so counting the rows could give an id again.
     * Call with the company locked.
     */
    String nextUserId(String siren) {
        String prefix = "pme-" + siren + "-";
        long highest = companies.userIds(siren).stream()
                .filter(id ->
                        id.startsWith(prefix) && id.substring(prefix.length()).matches("\\d{1,9}"))
                .mapToLong(id -> Long.parseLong(id.substring(prefix.length())))
                .max()
                .orElse(0);
        return prefix + (highest + 1);
    }

    /**
     * Whether the address is a live account's: a company user's that is not removed, or a user of
     * Camunda outside any company (an agent, a demo user). A removed user may join another company.
     */
    boolean emailTaken(String email) {
        if (companies.emailTaken(email)) {
            return true;
        }
        return identity.createUserQuery().userEmail(email).list().stream()
                .anyMatch(user -> companies.member(user.getId()).isEmpty());
    }

    /** A Camunda user not saved yet, the name split at its first space (« Claire Martin »). */
    User user(String userId, String name, String email, String password) {
        User user = identity.newUser(userId);
        int space = name.indexOf(' ');
        user.setFirstName(space < 0 ? name : name.substring(0, space));
        user.setLastName(space < 0 ? "" : name.substring(space + 1).strip());
        user.setEmail(email);
        user.setPassword(password);
        return user;
    }

    boolean passwordAllowed(User user, String password) {
        return identity.checkPasswordAgainstPolicy(password, user).isValid();
    }

    /** When a link issued now for this long expires, as a mail says it (Paris time). */
    static String expiry(Duration validity) {
        return EXPIRY.format(EngineClock.now().plus(validity).atZoneSameInstant(EngineClock.PARIS));
    }

    /** The name a page shows for a user: first and last name, else the id. */
    String displayName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return null;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .strip();
        return name.isEmpty() ? userId : name;
    }
}
