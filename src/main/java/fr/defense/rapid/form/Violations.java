package fr.defense.rapid.form;

import fr.defense.rapid.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one submission. */
public final class Violations {

    private final List<FieldViolation> list = new ArrayList<>();

    public void add(String field, String message) {
        list.add(new FieldViolation(field, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(list);
    }
}
