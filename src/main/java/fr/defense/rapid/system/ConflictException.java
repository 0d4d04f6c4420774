package fr.defense.rapid.system;

/** The request is valid but the procedure no longer allows it (e.g. withdrawal after the decision). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
