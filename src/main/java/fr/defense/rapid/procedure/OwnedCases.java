package fr.defense.rapid.procedure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The cases of a procedure as the SMEs who filed them read them: one by one, or page by page. */
public interface OwnedCases<C extends OwnedCases.OwnedCase> {

    /** A case and the SME user who filed it. */
    interface OwnedCase {
        String ownerId();
    }

    Optional<C> find(String reference);

    /** The cases filed by these users (a company's), newest first. */
    List<C> findByOwners(Collection<String> ownerIds, int page, int size);

    long countByOwners(Collection<String> ownerIds);
}
