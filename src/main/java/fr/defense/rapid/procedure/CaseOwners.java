package fr.defense.rapid.procedure;

import java.util.Set;

/**
 * Whose cases an SME user works on. A dossier or a mediation case belongs to the company of the
 * user who filed it: every active user of that company sees it and works its tasks, a user of
 * another company never does (issue 15). A user without a company (accounts made before companies,
 * the demo's SME users) works on his own cases only.
 */
public interface CaseOwners {

    /** The users whose cases and tasks this user may read and work on, the user included. */
    Set<String> sharingWith(String userId);

    /** Whether this user may work on a case filed by {@code ownerId}. */
    default boolean shares(String userId, String ownerId) {
        return userId.equals(ownerId) || sharingWith(userId).contains(ownerId);
    }
}
