package fr.defense.rapid.form;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a task's form may change: only its own fields. A fingerprint of every other variable is
 * taken when the task is created and compared when it is completed, so that nobody completing a
 * task (Tasklist, engine REST API) can slip in, say, the proposed aid or the applicant.
 */
final class VariableFingerprints {

    /** Our own bookkeeping variables, never part of the comparison. */
    static final String INTERNAL_PREFIX = "rapid.";

    private VariableFingerprints() {
    }

    static String of(Map<String, Object> variables, Set<String> formFields) {
        return relevant(variables, formFields).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** A violation for each variable outside the form that appeared or changed since {@code before}. */
    static List<FieldViolation> changedOutsideTheForm(String before, Map<String, Object> now, Set<String> formFields) {
        Map<String, String> then = new TreeMap<>();
        if (before != null && !before.isEmpty()) {
            for (String line : before.split("\n")) {
                int cut = line.indexOf('=');
                then.put(line.substring(0, cut), line.substring(cut + 1));
            }
        }
        List<FieldViolation> violations = new ArrayList<>();
        relevant(now, formFields).forEach((name, hash) -> {
            if (!hash.equals(then.get(name))) {
                violations.add(new FieldViolation(name, "ne fait pas partie de ce formulaire : cette tâche ne peut pas le modifier."));
            }
        });
        return violations;
    }

    private static Map<String, String> relevant(Map<String, Object> variables, Set<String> formFields) {
        Map<String, String> hashes = new TreeMap<>();
        variables.forEach((name, value) -> {
            if (!formFields.contains(name) && !name.startsWith(INTERNAL_PREFIX)) {
                hashes.put(name, hash(value));
            }
        });
        return hashes;
    }

    private static String hash(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
