package fr.defense.rapid.system;

import java.util.List;

/** The SME API's lists are paginated alike: page from 0, up to 100 items a page. */
public final class Pages {

    public static final int MAX_SIZE = 100;

    private Pages() {}

    public static void requireValid(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new FormValidationException(
                    "pagination",
                    List.of(new FieldViolation(page < 0 ? "page" : "size", Messages.get("refusal.page", MAX_SIZE))));
        }
    }
}
