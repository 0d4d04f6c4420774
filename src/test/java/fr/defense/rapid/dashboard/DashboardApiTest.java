package fr.defense.rapid.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard's figures over HTTP, as the page and scripts ask for them (DashboardFiguresTest
 * checks their values): each view answers a manager in JSON, never from a cache; a bad filter is
 * refused as a whole, in French, naming each wrong parameter, and no figure is sent.
 */
@AppTest
class DashboardApiTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void eachViewAnswersAManagerWithItsFigures() {
        Http.Response rapid = http.get("manager", "/dashboard/api/rapid?from=2084-01-01&to=2084-03-31&category=SMALL");
        assertThat(rapid.header("Cache-Control")).contains("no-store");
        JsonNode figures = rapid.okJson();
        assertThat(figures.path("byStage")).hasSize(13);
        assertThat(figures.path("perMonth").findValuesAsText("label"))
                .containsExactly("janvier 2084", "février 2084", "mars 2084");
        assertThat(figures.path("byCategory").findValuesAsText("key"))
                .containsExactly("SMALL", "MEDIUM", "ETI", "LARGE");
        assertThat(figures.path("byRegion")).hasSize(18);

        JsonNode mediation = http.get("admin", "/dashboard/api/mediation").okJson();
        assertThat(mediation.path("byLevel").findValuesAsText("label"))
                .containsExactly(
                        "Niveau 1 : correspondant PME",
                        "Niveau 2 : médiateur du ministère",
                        "Niveau 3 : Médiateur des entreprises");

        JsonNode work = http.get("manager", "/dashboard/api/work").okJson();
        assertThat(work.path("groups").findValuesAsText("groupName"))
                .startsWith(
                        "Secrétariat RAPID (AID)",
                        "Experts techniques DGA",
                        "Comité de pilotage RAPID",
                        "Correspondants PME",
                        "Médiateurs du ministère");

        JsonNode options = http.get("manager", "/dashboard/api/options").okJson();
        assertThat(options.path("categories").findValuesAsText("label"))
                .containsExactly(
                        "Petite entreprise",
                        "Moyenne entreprise",
                        "Entreprise de taille intermédiaire",
                        "Grande entreprise");
        assertThat(options.path("regions")).hasSize(18);
    }

    @Test
    void aBadFilterIsRefusedInFrenchWithEachWrongParameter() {
        Http.Response refused = http.get(
                "manager",
                "/dashboard/api/rapid?from=2084-13-01&to=demain&stage=DECIDED&region=" + "x".repeat(101)
                        + "&category=HUGE");

        assertThat(refused.status()).isEqualTo(400);
        JsonNode problem = refused.json();
        assertThat(problem.path("title").asText()).isEqualTo("Filtre invalide");
        assertThat(problem.path("detail").asText())
                .isEqualTo(
                        "Filtre refusé : corrigez les paramètres indiqués. Aucun chiffre n'a été calculé ni exporté.");
        assertThat(errors(problem))
                .containsExactly(
                        tuple("from", "date « 2084-13-01 » invalide (attendu : AAAA-MM-JJ)."),
                        tuple("to", "date « demain » invalide (attendu : AAAA-MM-JJ)."),
                        tuple("stage", "étape « DECIDED » inconnue."),
                        tuple("region", "100 caractères au plus."),
                        tuple("category", "catégorie « HUGE » inconnue (SMALL, MEDIUM, ETI ou LARGE)."));
        assertThat(problem.has("dossiers")).as("no figure with a refusal").isFalse();

        JsonNode reversed = http.get("manager", "/dashboard/api/mediation?from=2084-06-30&to=2084-01-01")
                .json();
        assertThat(errors(reversed)).containsExactly(tuple("from", "la date de début doit précéder la date de fin."));
        assertThat(reversed.has("cases")).isFalse();
    }

    private static List<org.assertj.core.groups.Tuple> errors(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> tuple(
                        error.path("field").asText(), error.path("message").asText()))
                .toList();
    }
}
