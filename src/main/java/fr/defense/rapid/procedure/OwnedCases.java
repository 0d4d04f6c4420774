package fr.defense.rapid.procedure;

import java.util.List;
import java.util.Optional;

/** The cases of a procedure as the SME who filed them reads them: one by one, or page by page. */
public interface OwnedCases<C extends OwnedCases.OwnedCase> {

    /** A case and the SME user who filed it. */
    interface OwnedCase {
        String ownerId();
    }

    Optional<C> find(String reference);

    /** The cases of one owner, newest first. */
    List<C> findByOwner(String ownerId, int page, int size);

    long countByOwner(String ownerId);
}
