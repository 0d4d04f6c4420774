package fr.defense.rapid.system;

/** A refused field: its data-dictionary name and a message in French for the person who typed it. */
public record FieldViolation(String field, String message) {

    @Override
    public String toString() {
        return field + " : " + message;
    }
}
