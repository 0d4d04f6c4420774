package fr.defense.rapid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The bundle's texts come out as French readers see them: apostrophes single, every argument filled in. */
class MessagesTest {

    @Test
    void everyTextOfTheBundleReadsWell() throws IOException {
        Properties bundle = new Properties();
        try (var in = new InputStreamReader(
                getClass().getResourceAsStream("/messages/rapid.properties"), StandardCharsets.UTF_8)) {
            bundle.load(in);
        }
        assertThat(bundle).isNotEmpty();
        for (String key : bundle.stringPropertyNames()) {
            String text = Messages.get(key, "A", "B", "C");
            assertThat(text).as(key).doesNotContain("''", "{", "}").isNotBlank();
        }
        assertThat(Messages.get("validation.pattern", "SIREN")).isEqualTo("« SIREN » n'a pas le format attendu.");
        assertThat(Messages.get("validation.max", "Montant", "1000000000000"))
                .isEqualTo("« Montant » doit être inférieur ou égal à 1000000000000.");
        assertThat(Messages.forStatus(418))
                .containsExactly("Requête refusée", "La requête n'a pas pu être traitée (statut 418).");
    }
}
