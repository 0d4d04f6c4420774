package fr.defense.rapid.system;

/**
 * Nothing of that name for this caller. Said alike of what does not exist and of what belongs to
 * someone else, so that an SME cannot learn which dossier numbers or task ids exist.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
