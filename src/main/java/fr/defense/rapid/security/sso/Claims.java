package fr.defense.rapid.security.sso;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A provider's claims, read the same way whether a claim holds one value or a list. */
record Claims(Map<String, Object> all) {

    List<String> values(String name) {
        Object value = all.get(name);
        if (value instanceof Collection<?> many) {
            return many.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        return value == null || String.valueOf(value).isBlank() ? List.of() : List.of(String.valueOf(value));
    }

    String first(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0).strip();
    }
}
