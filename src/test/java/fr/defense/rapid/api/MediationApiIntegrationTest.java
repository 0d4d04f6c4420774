package fr.defense.rapid.api;

import static fr.defense.rapid.demo.SampleDossiers.completeness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.demo.SamplePieces;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.RestVariables;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SME mediation service over real HTTP on PostgreSQL: the SME files and follows its cases and
 * does its own tasks through its API; the staff work the case over the engine REST API, each
 * group at its own level; the job executor sends the notifications in between.
 */
@AppTest
class MediationApiIntegrationTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration ASYNC_STEP = Duration.ofSeconds(30);
    private static final String WITHDRAW = "Retirer ma demande de médiation";
    private static final String RATE = "Noter le service de médiation";
    private static final String REJECTION_LETTER = "Décision du comité : dossier rejeté";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Attachments attachments;

    @Autowired
    HistoryService history;

    @Autowired
    ProcessEngine engine;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    // --- filing and following a case ---------------------------------------------------------------

    @Test
    void requestIsNumberedAndTheAnswerSaysWhereTheCaseIs() {
        Http.Response created = http.post("pme-demo", "/api/mediations", SampleMediations.contractDispute());

        assertThat(created.status()).isEqualTo(201);
        String number = created.json().path("caseNumber").asText();
        assertThat(number).matches("MED-" + Year.now(PARIS) + "-\\d{5}");
        assertThat(created.header("Location")).endsWith("/api/mediations/" + number);
        assertThat(created.json().path("level").asInt()).isEqualTo(1);
        assertThat(created.json().path("subject").asText()).isEqualTo("CONTRACT_DISPUTE");
        assertThat(created.json().path("subjectLabel").asText()).isEqualTo("Litige contractuel");
        assertThat(created.json().path("statusLabel").asText()).isEqualTo("En cours de médiation — correspondant PME");
        assertThat(created.json().has("outcome")).isFalse();
        assertThat(jdbc.sql("select owner_id from mediation_case where case_number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .isEqualTo("pme-demo");
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(number)
                        .processDefinitionKey("mediation-escalation")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void smeReadsItsCaseWithTheRequestLevelDeadlinesWhatItCanDoAndTimeline() {
        String number = filed("pme-demo", SampleMediations.contractDispute());
        JsonNode withdrawal = awaitSmeTask("pme-demo", number, WITHDRAW);
        await().atMost(ASYNC_STEP)
                .until(() -> caseOf("pme-demo", number).path("timeline").findValuesAsText("description").stream()
                        .anyMatch(text -> text.contains("Accusé de réception")));

        JsonNode mediation = caseOf("pme-demo", number);
        // The request, under the names of the data dictionary.
        assertThat(mediation.path("caseNumber").asText()).isEqualTo(number);
        assertThat(mediation.path("companySiren").asText()).isEqualTo("732829320");
        assertThat(mediation.path("companyName").asText()).isEqualTo("Optronique du Lac");
        assertThat(mediation.path("contactEmail").asText()).isEqualTo("claire.martin@optronique-du-lac.example");
        assertThat(mediation.path("subject").asText()).isEqualTo("CONTRACT_DISPUTE");
        assertThat(mediation.path("counterpartName").asText()).isEqualTo("Naval Systems SA (maître d'œuvre)");
        assertThat(mediation.path("contractReference").asText()).isEqualTo("SOUS-TRAITANCE 2024-77");
        assertThat(mediation.path("amountAtStakeEur").asLong()).isEqualTo(85_000L);
        assertThat(mediation.path("description").asText()).startsWith("Le maître d'œuvre refuse la réception");
        assertThat(mediation.path("documentList").asText()).contains("Procès-verbaux de livraison");
        assertThat(mediation.path("confidentialityAccepted").asBoolean()).isTrue();
        assertThat(mediation.path("level").asInt()).isEqualTo(1);
        assertThat(mediation.path("levelLabel").asText()).isEqualTo("correspondant PME");
        assertThat(mediation.has("outcome")).isFalse();
        assertThat(mediation.has("lateDays")).isFalse();
        assertThat(mediation.path("lateInterestExplanation")).isEmpty();
        assertThat(mediation.has("ownerId")).isFalse();
        assertThat(mediation.has("processInstanceId")).isFalse();

        // The service's commitments: first contact within 7 days; an answer within 15 working days,
        // to the end of the last one in Paris (about three weeks, more around public holidays; the
        // exact count is FrenchWorkingDaysTest's and MediationEscalationProcessTest's).
        OffsetDateTime filedAt = OffsetDateTime.parse(mediation.path("filedAt").asText());
        OffsetDateTime firstContact = OffsetDateTime.parse(
                mediation.path("deadlines").path("firstContactDueDate").asText());
        OffsetDateTime answer = OffsetDateTime.parse(
                mediation.path("deadlines").path("answerDueDate").asText());
        assertThat(firstContact).isCloseTo(filedAt.plusDays(7), within(1, ChronoUnit.MINUTES));
        ZonedDateTime answerInParis = answer.atZoneSameInstant(PARIS);
        assertThat(answerInParis.toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));
        assertThat(answerInParis.toLocalDate())
                .isBetween(
                        filedAt.atZoneSameInstant(PARIS).toLocalDate().plusDays(19),
                        filedAt.atZoneSameInstant(PARIS).toLocalDate().plusDays(30));

        // The correspondent's qualification is under way, due on the answer commitment.
        assertThat(mediation.path("currentSteps")).anySatisfy(step -> {
            assertThat(step.path("name").asText()).isEqualTo("Qualifier la demande");
            assertThat(OffsetDateTime.parse(step.path("dueDate").asText())).isEqualTo(answer);
        });
        // What the SME can do: withdraw, through its task's form.
        assertThat(mediation.path("availableActions")).singleElement().satisfies(action -> {
            assertThat(action.path("taskId").asText())
                    .isEqualTo(withdrawal.path("id").asText());
            assertThat(action.path("name").asText()).isEqualTo(WITHDRAW);
            assertThat(action.path("form").asText())
                    .isEqualTo("/api/tasks/" + withdrawal.path("id").asText() + "/form");
        });
        assertThat(http.get("pme-demo", action(mediation)).status()).isEqualTo(200);
        assertThat(mediation.path("timeline").findValuesAsText("description"))
                .startsWith("Demande de médiation enregistrée (Litige contractuel).")
                .anyMatch(text -> text.contains("Accusé de réception de votre demande de médiation"));
    }

    @Test
    void smeListsOnlyItsOwnCasesNewestFirstPageByPage() {
        String older = filed("pme-other", SampleMediations.contractDispute());
        String newer = filed("pme-other", SampleMediations.latePayment());

        JsonNode page = http.get("pme-other", "/api/mediations?size=1").json();
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("caseNumber").asText()).isEqualTo(newer);
        assertThat(page.path("items").get(0).path("subjectLabel").asText()).isEqualTo("Retard de paiement");
        assertThat(page.path("items").get(0).path("statusLabel").asText())
                .isEqualTo("En cours de médiation — correspondant PME");
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(http.get("pme-other", "/api/mediations?page=1&size=1")
                        .json()
                        .path("items")
                        .get(0)
                        .path("caseNumber")
                        .asText())
                .isEqualTo(older);
        assertThat(http.get("pme-demo", "/api/mediations?size=100")
                        .okJson()
                        .path("items")
                        .findValuesAsText("caseNumber"))
                .doesNotContain(older, newer);

        Map<String, String> refusedPages = new LinkedHashMap<>();
        for (String query : List.of("size=0", "size=101", "page=-1", "page=abc", "size=vingt")) {
            Http.Response refused = http.get("pme-other", "/api/mediations?" + query);
            refusedPages.put(
                    query,
                    refused.status() + " " + refused.json().path("errors").findValuesAsText("field"));
        }
        assertThat(refusedPages)
                .isEqualTo(Map.of(
                        "size=0",
                        "400 [size]",
                        "size=101",
                        "400 [size]",
                        "page=-1",
                        "400 [page]",
                        "page=abc",
                        "400 [page]",
                        "size=vingt",
                        "400 [size]"));
    }

    @Test
    void latePaymentCaseShowsWhatTheLawGrantsAndHowItIsComputed() {
        // Received 02/03/2026, due 01/04/2026, paid 30/04/2026: 29 days late. Interest runs from
        // 02/04/2026, in the first half of 2026: ECB rate of 01/01/2026 (2.15 %, since 11/06/2025)
        // + 8 points = 10.15 %; 12 000 × 10.15 % × 29 / 365 = 96.77 €; + 40 € = 136.77 €.
        String number = filed("pme-demo", SampleMediations.latePayment());

        JsonNode mediation = caseOf("pme-demo", number);
        assertThat(mediation.path("subject").asText()).isEqualTo("LATE_PAYMENT");
        assertThat(mediation.path("invoiceAmountEur").asLong()).isEqualTo(12_000L);
        assertThat(mediation.path("invoiceReceivedDate").asText()).isEqualTo("2026-03-02");
        assertThat(mediation.path("paymentDate").asText()).isEqualTo("2026-04-30");
        assertThat(mediation.path("lateDays").asLong()).isEqualTo(29L);
        assertThat(mediation.path("lateInterestEur").decimalValue()).isEqualByComparingTo("136.77");
        List<String> explanation = texts(mediation.path("lateInterestExplanation"));
        assertThat(explanation).hasSize(6);
        assertThat(explanation.get(0))
                .isEqualTo("Facture de 12 000 € reçue par l'acheteur le 02/03/2026 : "
                        + "paiement dû sous 30 jours, au plus tard le 01/04/2026.");
        assertThat(explanation.get(1)).isEqualTo("Retard : 29 jour(s), jusqu'au paiement du 30/04/2026.");
        assertThat(explanation.get(2))
                .contains("au 01/01/2026 (premier jour du semestre)")
                .contains("majoré de 8 points");
        assertThat(explanation.get(3))
                .startsWith("Intérêts moratoires : 12 000 € × ")
                .endsWith(" × 29 / 365 = 96,77 €.");
        assertThat(explanation.get(4)).isEqualTo("Indemnité forfaitaire pour frais de recouvrement : 40,00 €.");
        assertThat(explanation.get(5)).isEqualTo("Total dû de plein droit : 136,77 €.");
    }

    @Test
    void delaySpanningTwoHalfYearsIsChargedAtTheRateOfTheHalfYearItBeganIn() {
        // Received 20/05/2025, due 19/06/2025, paid 10/07/2025: 21 days late, from 20/06/2025, so
        // at the ECB rate of 01/01/2025 (3.15 %, since 18/12/2024), not that of 01/07/2025 (2.15 %):
        // 5 000 × 11.15 % × 21 / 365 = 32.08 €; + 40 € = 72.08 €.
        Map<String, Object> values = SampleMediations.latePayment();
        values.put("amountAtStakeEur", 5_000L);
        values.put("invoiceAmountEur", 5_000L);
        values.put("invoiceReceivedDate", "2025-05-20");
        values.put("paymentDate", "2025-07-10");
        String number = filed("pme-demo", values);

        JsonNode mediation = caseOf("pme-demo", number);
        assertThat(mediation.path("lateDays").asLong()).isEqualTo(21L);
        assertThat(mediation.path("lateInterestEur").decimalValue()).isEqualByComparingTo("72.08");
        assertThat(texts(mediation.path("lateInterestExplanation")))
                .anyMatch(line -> line.contains("au 01/01/2025 (premier jour du semestre)"))
                .anyMatch(line -> line.endsWith(" × 21 / 365 = 32,08 €."))
                .contains("Total dû de plein droit : 72,08 €.");
    }

    // --- Idempotency-Key ------------------------------------------------------------------------

    @Test
    void sameRequestSentTwiceWithOneKeyFilesOneCase() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> values = SampleMediations.contractDispute();
        long cases = caseCount();

        Http.Response first = http.post("pme-demo", "/api/mediations", values, key);
        Http.Response repeat = http.post("pme-demo", "/api/mediations", values, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().path("caseNumber").asText())
                .isEqualTo(first.json().path("caseNumber").asText());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(caseCount()).isEqualTo(cases + 1);
    }

    @Test
    void keyReusedWithOtherValuesIsRefusedAndFilesNothing() {
        String key = UUID.randomUUID().toString();
        String number = http.post("pme-demo", "/api/mediations", SampleMediations.contractDispute(), key)
                .json()
                .path("caseNumber")
                .asText();
        long cases = caseCount();

        Map<String, Object> other = SampleMediations.contractDispute();
        other.put("amountAtStakeEur", 90_000L);
        Http.Response reused = http.post("pme-demo", "/api/mediations", other, key);

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reused.json().path("detail").asText())
                .contains("déjà servi à la demande de médiation " + number)
                .contains("nouvelle clé");
        assertThat(caseCount()).isEqualTo(cases);
        // The same key from another SME is another request.
        assertThat(http.post("pme-other", "/api/mediations", other, key).status())
                .isEqualTo(201);
    }

    @Test
    void twentySimultaneousRequestsWithOneIdempotencyKeyFileOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> values = SampleMediations.contractDispute();
        values.put("counterpartName", "Idempotence " + key);
        List<Http.Response> responses =
                http.simultaneously(20, () -> http.post("pme-demo", "/api/mediations", values, key));

        assertThat(responses)
                .extracting(Http.Response::status)
                .containsOnly(200, 201)
                .filteredOn(status -> status == 201)
                .hasSize(1);
        assertThat(responses)
                .extracting(response -> response.json().path("caseNumber").asText())
                .containsOnly(responses.get(0).json().path("caseNumber").asText());
        assertThat(jdbc.sql("select count(*) from mediation_case where counterpart_name = ?")
                        .param(values.get("counterpartName"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    // --- refused requests -------------------------------------------------------------------------

    /** A change that makes the request invalid, the fields refused and, where it matters, the French message. */
    record BadInput(String description, Consumer<Map<String, Object>> change, List<String> fields, String message) {
        BadInput(String description, Consumer<Map<String, Object>> change, String field) {
            this(description, change, List.of(field), null);
        }

        BadInput(String description, Consumer<Map<String, Object>> change, String field, String message) {
            this(description, change, List.of(field), message);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static BadInput[] badInputs() {
        String tomorrow = LocalDate.now(PARIS).plusDays(1).toString();
        return new BadInput[] {
            new BadInput("missing subject", v -> v.remove("subject"), "subject"),
            new BadInput("unknown subject", v -> v.put("subject", "BANKRUPTCY"), "subject"),
            new BadInput(
                    "invalid SIREN (Luhn)",
                    v -> v.put("companySiren", "732829321"),
                    "companySiren",
                    "le numéro SIREN 732829321 n'est pas valide (clé de contrôle incorrecte)."),
            new BadInput("SIREN of 8 digits", v -> v.put("companySiren", "73282932"), "companySiren"),
            new BadInput("bad email", v -> v.put("contactEmail", "claire.martin@"), "contactEmail"),
            new BadInput(
                    "confidentiality not accepted",
                    v -> v.put("confidentialityAccepted", false),
                    "confidentialityAccepted",
                    "l'engagement de confidentialité doit être accepté pour saisir la médiation."),
            new BadInput(
                    "confidentiality absent",
                    v -> v.remove("confidentialityAccepted"),
                    "confidentialityAccepted",
                    "l'engagement de confidentialité doit être accepté pour saisir la médiation."),
            new BadInput(
                    "late payment without invoice",
                    v -> {
                        v.put("subject", "LATE_PAYMENT");
                        v.remove("invoiceAmountEur");
                        v.remove("invoiceReceivedDate");
                        v.remove("paymentDate");
                    },
                    List.of("invoiceAmountEur", "invoiceReceivedDate"),
                    null),
            new BadInput(
                    "payment before receipt",
                    v -> {
                        late(v);
                        v.put("paymentDate", "2026-03-01");
                    },
                    "paymentDate",
                    "la date de paiement ne peut pas précéder la réception de la facture."),
            new BadInput(
                    "invoice received in the future",
                    v -> {
                        late(v);
                        v.remove("paymentDate");
                        v.put("invoiceReceivedDate", tomorrow);
                    },
                    "invoiceReceivedDate",
                    "la date de réception de la facture ne peut pas être dans le futur."),
            new BadInput(
                    "payment in the future",
                    v -> {
                        late(v);
                        v.put("paymentDate", tomorrow);
                    },
                    "paymentDate"),
            new BadInput(
                    "invoice of 0 €",
                    v -> {
                        late(v);
                        v.put("invoiceAmountEur", 0);
                    },
                    "invoiceAmountEur"),
            new BadInput(
                    "invoice date in French format",
                    v -> {
                        late(v);
                        v.put("invoiceReceivedDate", "02/03/2026");
                    },
                    "invoiceReceivedDate"),
            new BadInput(
                    "RAPID decision without dossier number",
                    v -> v.put("subject", "RAPID_DECISION"),
                    "dossierNumber",
                    "indiquez le numéro du dossier RAPID dont vous contestez la décision."),
            new BadInput("malformed dossier number", v -> v.put("dossierNumber", "RAPID-26-1"), "dossierNumber"),
            new BadInput(
                    "RAPID decision with a malformed dossier number",
                    v -> {
                        v.put("subject", "RAPID_DECISION");
                        v.put("dossierNumber", "RAPID-26-1");
                    },
                    "dossierNumber"),
            new BadInput(
                    "unknown dossier number",
                    v -> v.put("dossierNumber", "RAPID-2000-99999"),
                    "dossierNumber",
                    "aucun dossier RAPID-2000-99999 parmi les vôtres."),
            new BadInput(
                    "unknown field", v -> v.put("ownerId", "pme-other"), "ownerId", "champ inconnu de ce formulaire."),
            new BadInput("negative amount", v -> v.put("amountAtStakeEur", -1), "amountAtStakeEur"),
            new BadInput("decimal euros", v -> v.put("amountAtStakeEur", 85_000.5), "amountAtStakeEur"),
            new BadInput("amount as text", v -> v.put("amountAtStakeEur", "85 000"), "amountAtStakeEur"),
            new BadInput("description too short", v -> v.put("description", "Facture impayée."), "description"),
            new BadInput("oversized company name", v -> v.put("companyName", "x".repeat(201)), "companyName"),
        };
    }

    private static void late(Map<String, Object> values) {
        values.putAll(SampleMediations.latePayment());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badRequestIsRefusedWithAFieldMessageAndFilesNothing(BadInput bad) {
        Map<String, Object> values = SampleMediations.contractDispute();
        bad.change().accept(values);

        JsonNode refused = assertRefusedWithNothingFiled(values, bad.fields());
        if (bad.message() != null) {
            assertThat(refused.path("errors").findValuesAsText("message")).containsExactly(bad.message());
        }
    }

    @Test
    void requestCannotNameAnotherSmesDossier() {
        String othersDossier = http.post("pme-other", "/api/dossiers", SampleDossiers.smallCompany())
                .json()
                .path("dossierNumber")
                .asText();

        Map<String, Object> contest = SampleMediations.rapidContest(othersDossier);
        JsonNode refused = assertRefusedWithNothingFiled(contest, List.of("dossierNumber"));
        assertThat(refused.path("errors").get(0).path("message").asText())
                .isEqualTo("aucun dossier " + othersDossier + " parmi les vôtres.");
        Map<String, Object> mention = SampleMediations.contractDispute();
        mention.put("dossierNumber", othersDossier);
        assertRefusedWithNothingFiled(mention, List.of("dossierNumber"));
    }

    @Test
    void malformedJsonIsRefusedWithoutTechnicalDetails() {
        long cases = caseCount();
        Http.Response refused = http.post("pme-demo", "/api/mediations", "{\"companySiren\": ");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("JSON");
        assertThat(refused.body()).doesNotContain("Exception", "at org.", "jackson");
        assertThat(http.post("pme-demo", "/api/mediations", "[1, 2]").status()).isEqualTo(400);
        assertThat(caseCount()).isEqualTo(cases);
    }

    // --- who sees what ------------------------------------------------------------------------------

    @Test
    void anotherSmesCaseAndTasksAnswer404AsIfTheyDidNotExist() {
        String number = filed("pme-demo", SampleMediations.contractDispute());
        String taskId = awaitSmeTask("pme-demo", number, WITHDRAW).path("id").asText();

        Http.Response hidden = http.get("pme-other", "/api/mediations/" + number);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().path("detail").asText())
                .isEqualTo("Aucun dossier de médiation " + number + " parmi les vôtres.");
        assertThat(http.get("pme-other", "/api/mediations/MED-2000-99999").status())
                .isEqualTo(404);
        assertThat(http.get("pme-other", "/api/mediations?size=100")
                        .okJson()
                        .path("items")
                        .findValuesAsText("caseNumber"))
                .doesNotContain(number);
        assertThat(http.get("pme-other", "/api/tasks").okJson().findValuesAsText("caseNumber"))
                .doesNotContain(number);
        assertThat(http.get("pme-other", "/api/tasks/" + taskId + "/form").status())
                .isEqualTo(404);
        assertThat(http.post("pme-other", "/api/tasks/" + taskId + "/complete", SampleMediations.withdrawal())
                        .status())
                .isEqualTo(404);

        assertThat(caseOf("pme-demo", number).has("outcome")).isFalse();
        assertThat(smeTask("pme-demo", number, WITHDRAW)).isNotNull();
    }

    @Test
    void strangersAreToldInFrenchToIdentifyAndStaffThatTheSmeApiIsNotTheirs() {
        String number = filed("pme-demo", SampleMediations.contractDispute());

        // Every role's status on /api/mediations is in AccessMatrixTest; here, what they read.
        Http.Response anonymous = http.get(null, "/api/mediations/" + number);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.json().path("detail").asText())
                .isEqualTo("Identifiez-vous (session ou HTTP Basic) pour utiliser ce service.");
        Http.Response staff = http.get("correspondent", "/api/mediations/" + number);
        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.json().path("detail").asText()).isEqualTo("Votre profil ne donne pas accès à ce service.");
        for (Http.Response refused : List.of(
                anonymous, staff, http.post("manager", "/api/mediations", SampleMediations.contractDispute()))) {
            assertThat(refused.body()).doesNotContain("Optronique", "732829320");
        }
        assertThat(http.get("manager", "/api/mediations").status()).isEqualTo(403);
    }

    // --- the SME's own tasks ------------------------------------------------------------------------

    @Test
    void smeWithdrawsThroughItsTaskThenRatesTheService() {
        String number = filed("pme-demo", SampleMediations.contractDispute());
        JsonNode task = awaitSmeTask("pme-demo", number, WITHDRAW);
        assertThat(task.path("caseNumber").asText()).isEqualTo(number);
        assertThat(task.has("dossierNumber")).isFalse();
        String taskId = task.path("id").asText();

        JsonNode form = http.get("pme-demo", "/api/tasks/" + taskId + "/form").json();
        assertThat(form.path("formId").asText()).isEqualTo("withdraw-mediation");
        assertThat(form.path("schema").path("components").findValuesAsText("key"))
                .contains("withdrawalReason", "withdrawalConfirmed");
        assertThat(form.path("values").path("caseNumber").asText()).isEqualTo(number);
        assertThat(form.path("values").path("companyName").asText()).isEqualTo("Optronique du Lac");

        Http.Response unconfirmed = http.post(
                "pme-demo",
                "/api/tasks/" + taskId + "/complete",
                Map.of("withdrawalReason", "Le paiement est intervenu entre-temps.", "withdrawalConfirmed", false));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unconfirmed.json().path("errors").findValuesAsText("field")).containsExactly("withdrawalConfirmed");
        assertThat(unconfirmed.json().path("errors").findValuesAsText("message"))
                .contains("cochez la case pour confirmer le retrait de votre demande.");
        assertThat(caseOf("pme-demo", number).has("outcome")).isFalse();
        assertThat(smeTask("pme-demo", number, WITHDRAW)).isNotNull();

        assertThat(http.post("pme-demo", "/api/tasks/" + taskId + "/complete", SampleMediations.withdrawal())
                        .status())
                .isEqualTo(204);
        await().atMost(ASYNC_STEP)
                .until(() -> "WITHDRAWN"
                        .equals(caseOf("pme-demo", number).path("outcome").asText()));
        JsonNode withdrawn = caseOf("pme-demo", number);
        assertThat(withdrawn.path("statusLabel").asText()).isEqualTo("Demande retirée");
        assertThat(withdrawn.has("closedAt")).isTrue();
        assertThat(withdrawn.path("timeline").findValuesAsText("description"))
                .contains("Demande retirée par l'entreprise : Le paiement est intervenu entre-temps.");
        assertThat(smeTask("pme-demo", number, WITHDRAW)).isNull();

        // After the closure, the survey.
        String rating = awaitSmeTask("pme-demo", number, RATE).path("id").asText();
        JsonNode survey = http.get("pme-demo", "/api/tasks/" + rating + "/form").json();
        assertThat(survey.path("formId").asText()).isEqualTo("rate-mediation");
        assertThat(survey.path("schema").path("components").findValuesAsText("key"))
                .contains("satisfactionRating", "satisfactionComment");
        assertThat(survey.path("values").path("outcomeLabel").asText()).isEqualTo("Demande retirée");
        assertThat(caseOf("pme-demo", number).path("availableActions").findValuesAsText("taskId"))
                .containsExactly(rating);

        Http.Response sixStars =
                http.post("pme-demo", "/api/tasks/" + rating + "/complete", SampleMediations.rating(6));
        assertThat(sixStars.status()).isEqualTo(400);
        assertThat(sixStars.json().path("errors").findValuesAsText("field")).containsExactly("satisfactionRating");
        assertThat(caseOf("pme-demo", number).has("satisfactionRating")).isFalse();

        assertThat(http.post("pme-demo", "/api/tasks/" + rating + "/complete", SampleMediations.rating(5))
                        .status())
                .isEqualTo(204);
        JsonNode rated = caseOf("pme-demo", number);
        assertThat(rated.path("satisfactionRating").asInt()).isEqualTo(5);
        assertThat(rated.path("satisfactionComment").asText()).isEqualTo("Écoute et réactivité appréciées.");
        assertThat(rated.path("timeline").findValuesAsText("description"))
                .contains("Service noté 5/5 par l'entreprise.");
        assertThat(rated.path("availableActions")).isEmpty();
        assertThat(rated.path("deadlines")).isEmpty();
        assertThat(smeTask("pme-demo", number, RATE)).isNull();
    }

    // --- contest of a RAPID rejection ---------------------------------------------------------------

    @Test
    void smeContestsARapidRejectionAsSoonAsItSeesItAndOnlyOnceAndTheDossierAndTheCaseNameEachOther() {
        String dossier = rejectedDossier("pme-demo");

        Http.Response contested = http.post("pme-demo", "/api/mediations", SampleMediations.rapidContest(dossier));

        assertThat(contested.status()).isEqualTo(201);
        String number = contested.json().path("caseNumber").asText();
        assertThat(number).matches("MED-\\d{4}-\\d{5}");
        assertThat(contested.header("Location")).endsWith("/api/mediations/" + number);
        assertThat(contested.json().path("subject").asText()).isEqualTo("RAPID_DECISION");
        JsonNode rapid = http.get("pme-demo", "/api/dossiers/" + dossier).json();
        assertThat(rapid.path("mediationCaseNumber").asText()).isEqualTo(number);
        assertThat(rapid.path("timeline").findValuesAsText("description"))
                .contains("Décision contestée : dossier de médiation " + number + " ouvert.");
        JsonNode mediation = caseOf("pme-demo", number);
        assertThat(mediation.path("dossierNumber").asText()).isEqualTo(dossier);
        assertThat(mediation.path("subjectLabel").asText()).isEqualTo("Contestation d'une décision RAPID");
        assertThat(mediation.path("timeline").findValuesAsText("description"))
                .contains("Contestation de la décision rendue sur le dossier " + dossier + ".");
        // The contest is the SME's case like any other: listed, and withdrawable by it.
        assertThat(http.get("pme-demo", "/api/mediations?size=100")
                        .json()
                        .path("items")
                        .findValuesAsText("caseNumber"))
                .contains(number);
        String withdrawal =
                awaitSmeTask("pme-demo", number, WITHDRAW).path("id").asText();
        assertThat(http.get("pme-demo", "/api/tasks/" + withdrawal + "/form")
                        .json()
                        .path("formId")
                        .asText())
                .isEqualTo("withdraw-mediation");
        String qualify = awaitStaffTask("correspondent", number, "QualifyRequest");
        assertThat(http.get("correspondent", "/engine-rest/task/" + qualify)
                        .json()
                        .path("name")
                        .asText())
                .startsWith("Qualifier la demande — " + number + " — ");
        // The rejection letter still goes out.
        awaitRejectionLetter(dossier);

        long cases = caseCount();
        Http.Response again = http.post("pme-demo", "/api/mediations", SampleMediations.rapidContest(dossier));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().path("detail").asText())
                .isEqualTo("La décision sur le dossier " + dossier + " est déjà contestée : dossier de médiation "
                        + number + ".");
        assertThat(caseCount()).isEqualTo(cases);
    }

    @Test
    void rejectionIsContestableFromTheDecisionEvenWhileItsLetterIsHeldUp() {
        String dossier = atCommitteeDecision("pme-demo");
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        // No job runs for a while: the rejection letter waits, as it would for a mail server that is down.
        jobs.shutdown();
        String number;
        try {
            completeAsStaff("committee", dossier, "CommitteeDecision", SampleDossiers.rejection());
            assertThat(http.get("pme-demo", "/api/dossiers/" + dossier)
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("REJECTED");

            Http.Response contested = http.post("pme-demo", "/api/mediations", SampleMediations.rapidContest(dossier));

            assertThat(contested.status()).as(contested.body()).isEqualTo(201);
            number = contested.json().path("caseNumber").asText();
            assertThat(http.get("pme-demo", "/api/dossiers/" + dossier)
                            .json()
                            .path("timeline")
                            .findValuesAsText("description"))
                    .noneMatch(text -> text.contains(REJECTION_LETTER));
        } finally {
            jobs.start();
        }
        awaitRejectionLetter(dossier);
        assertThat(http.get("pme-demo", "/api/dossiers/" + dossier)
                        .json()
                        .path("mediationCaseNumber")
                        .asText())
                .isEqualTo(number);
        assertThat(caseOf("pme-demo", number).path("dossierNumber").asText()).isEqualTo(dossier);
    }

    @Test
    void onlyARejectionCanBeContested() {
        String undecided = http.post("pme-demo", "/api/dossiers", SampleDossiers.smallCompany())
                .json()
                .path("dossierNumber")
                .asText();
        String approved = decidedDossier("pme-demo", SampleDossiers.approval(190_000L), "AcceptAgreement");
        long cases = caseCount();

        for (String dossier : List.of(undecided, approved)) {
            Http.Response refused = http.post("pme-demo", "/api/mediations", SampleMediations.rapidContest(dossier));
            assertThat(refused.status()).as(dossier).isEqualTo(409);
            assertThat(refused.json().path("detail").asText())
                    .isEqualTo("La décision sur le dossier " + dossier
                            + " ne peut pas être contestée : seul un rejet du comité peut l'être, dans les deux mois qui suivent "
                            + "la décision.");
            assertThat(http.get("pme-demo", "/api/dossiers/" + dossier).json().has("mediationCaseNumber"))
                    .isFalse();
        }
        assertThat(caseCount()).isEqualTo(cases);
    }

    @Test
    void anApprovedDossierAwaitingItsAgreementCanNoLongerBeWithdrawn() {
        String approved = decidedDossier("pme-demo", SampleDossiers.approval(190_000L), "AcceptAgreement");

        Http.Response refused = http.post("pme-demo", "/api/dossiers/" + approved + "/withdraw", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("ne peut plus être retiré");
        assertThat(http.get("pme-demo", "/api/dossiers/" + approved)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
        assertThat(http.get("pme-demo", "/api/tasks").json().findValuesAsText("dossierNumber"))
                .contains(approved);
    }

    @Test
    void anIdempotencyKeyOfOver200CharactersIsRefusedAndNothingFiled() {
        long cases = caseCount();

        Http.Response refused =
                http.post("pme-demo", "/api/mediations", SampleMediations.contractDispute(), "k".repeat(201));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        assertThat(caseCount()).isEqualTo(cases);
    }

    // --- the staff, each group at its level ---------------------------------------------------------

    @Test
    void correspondentsWorkLevelOneThenOnlyMinistryMediatorsWorkLevelTwo() {
        String number = filed("pme-demo", SampleMediations.contractDispute());
        String qualify = awaitStaffTask("correspondent", number, "QualifyRequest");

        // Only correspondents see the request; managers read it; no other group sees or takes it.
        assertThat(seers(number, "QualifyRequest"))
                .isEqualTo(Map.of(
                        "secretariat",
                        false,
                        "expert",
                        false,
                        "committee",
                        false,
                        "correspondent",
                        true,
                        "mediator",
                        false,
                        "manager",
                        true,
                        "admin",
                        true));
        assertThat(claims(qualify, "expert", "committee", "mediator", "manager"))
                .isEqualTo(Map.of("expert", 403, "committee", 403, "mediator", 403, "manager", 403));
        assertThat(http.get("manager", "/engine-rest/task/" + qualify).status()).isEqualTo(200);
        assertThat(http.post(
                                "manager",
                                "/engine-rest/task/" + qualify + "/complete",
                                Map.of("variables", RestVariables.of(SampleMediations.admissible())))
                        .status())
                .isEqualTo(403);

        // The correspondent qualifies: a short refusal is refused, the qualification is kept.
        assertThat(http.post(
                                "correspondent",
                                "/engine-rest/task/" + qualify + "/claim",
                                Map.of("userId", "correspondent"))
                        .status())
                .isEqualTo(204);
        Http.Response unnamed = http.post(
                "correspondent",
                "/engine-rest/task/" + qualify + "/complete",
                Map.of("variables", RestVariables.of(Map.of("qualification", "ADMISSIBLE"))));
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().path("message").asText())
                .contains("le champ « Médiateur chargé du dossier » est obligatoire.");
        assertThat(http.post(
                                "correspondent",
                                "/engine-rest/task/" + qualify + "/complete",
                                Map.of("variables", RestVariables.of(SampleMediations.admissible())))
                        .status())
                .isEqualTo(204);
        completeAsStaff("correspondent", number, "ContactSme", SampleMediations.firstContact(LocalDate.now(PARIS)));
        completeAsStaff(
                "correspondent",
                number,
                "ConductMediation",
                SampleMediations.action(LocalDate.now(PARIS), "Naval Systems SA, direction des achats"));
        assertThat(staffTasks("mediator", number, "ConductMediation")).isEmpty();
        assertThat(caseOf("pme-demo", number).path("timeline").findValuesAsText("description"))
                .contains("Demande recevable ; votre interlocuteur : Julien Petit.");

        // Level 1 fails: the case goes to the ministry mediators.
        completeAsStaff("correspondent", number, "ConductMediation", SampleMediations.failure());
        String levelTwo = awaitStaffTask("mediator", number, "ConductMediation");
        assertThat(seers(number, "ConductMediation"))
                .isEqualTo(Map.of(
                        "secretariat",
                        false,
                        "expert",
                        false,
                        "committee",
                        false,
                        "correspondent",
                        false,
                        "mediator",
                        true,
                        "manager",
                        true,
                        "admin",
                        true));
        assertThat(claims(levelTwo, "correspondent", "expert", "manager"))
                .isEqualTo(Map.of("correspondent", 403, "expert", 403, "manager", 403));
        JsonNode escalated = caseOf("pme-demo", number);
        assertThat(escalated.path("level").asInt()).isEqualTo(2);
        assertThat(escalated.path("statusLabel").asText()).isEqualTo("En cours de médiation — médiateur du ministère");
        assertThat(escalated.path("currentSteps").findValuesAsText("name"))
                .contains("Conduire la médiation (niveau 2)");
        assertThat(escalated.path("timeline").findValuesAsText("description"))
                .anyMatch(text -> text.equals(
                        "Transmis au médiateur du ministère (niveau 2) : échec de la médiation de niveau 1 : "
                                + "La partie concernée maintient son refus malgré trois échanges."));

        // The mediator records an action: the SME sees it with its level.
        completeAsStaff(
                "mediator",
                number,
                "ConductMediation",
                SampleMediations.action(LocalDate.now(PARIS), "Direction des affaires juridiques"));
        awaitStaffTask("mediator", number, "ConductMediation");
        JsonNode actions = caseOf("pme-demo", number).path("mediationActions");
        assertThat(StreamSupport.stream(actions.spliterator(), false)
                        .map(action -> action.path("level").asInt() + " "
                                + action.path("counterpart").asText())
                        .toList())
                .contains("1 Naval Systems SA, direction des achats", "2 Direction des affaires juridiques");
        // The SME can still withdraw, and only that.
        assertThat(caseOf("pme-demo", number).path("availableActions").findValuesAsText("name"))
                .containsExactly(WITHDRAW);
    }

    // --- steps ------------------------------------------------------------------------------------------

    private String filed(String user, Map<String, Object> values) {
        Http.Response created = http.post(user, "/api/mediations", values);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("caseNumber").asText();
    }

    private JsonNode caseOf(String user, String number) {
        Http.Response found = http.get(user, "/api/mediations/" + number);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json();
    }

    private JsonNode assertRefusedWithNothingFiled(Map<String, Object> values, List<String> fields) {
        long cases = caseCount();
        long started = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("mediation-escalation")
                .count();

        Http.Response refused = http.post("pme-demo", "/api/mediations", values);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText())
                .isEqualTo("Saisie refusée, rien n'a été enregistré : corrigez les champs indiqués.");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(refused.json().path("errors").findValuesAsText("message")).allMatch(message -> !message.isBlank());
        assertThat(caseCount()).isEqualTo(cases);
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey("mediation-escalation")
                        .count())
                .isEqualTo(started);
        return refused.json();
    }

    /** A dossier of the SME, walked by the RAPID staff up to the committee's decision. */
    private String atCommitteeDecision(String user) {
        String dossier = http.post(user, "/api/dossiers", SampleDossiers.smallCompany())
                .json()
                .path("dossierNumber")
                .asText();
        SamplePieces.attachAll(attachments, dossier);
        completeAsStaff("secretariat", dossier, "CheckCompleteness", completeness(true));
        completeAsStaff("expert", dossier, "TechnicalEvaluation", SampleDossiers.favourableEvaluation());
        awaitStaffTask("committee", dossier, "CommitteeDecision");
        return dossier;
    }

    private String decidedDossier(String user, Map<String, Object> decision, String nextTask) {
        String dossier = atCommitteeDecision(user);
        completeAsStaff("committee", dossier, "CommitteeDecision", decision);
        if (nextTask != null) {
            await().atMost(ASYNC_STEP)
                    .until(() -> !staffTasks("manager", dossier, nextTask).isEmpty());
        }
        return dossier;
    }

    /**
     * Rejected by the committee: the SME's API shows it at once, and the contest is open at once,
     * while the rejection letter is still being sent (asynchronously, possibly with retries).
     */
    private String rejectedDossier(String user) {
        String dossier = decidedDossier(user, SampleDossiers.rejection(), null);
        assertThat(http.get(user, "/api/dossiers/" + dossier)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("REJECTED");
        return dossier;
    }

    /** A staff member claims the task of its group and completes it over the engine REST API. */
    private void completeAsStaff(String user, String businessKey, String taskKey, Map<String, Object> values) {
        String taskId = awaitStaffTask(user, businessKey, taskKey);
        assertThat(http.post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user))
                        .status())
                .isEqualTo(204);
        Http.Response completed = http.post(
                user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", RestVariables.of(values)));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        await().atMost(ASYNC_STEP)
                .until(() -> http.get("manager", "/engine-rest/task/" + taskId).status() == 404);
    }

    private String awaitStaffTask(String user, String businessKey, String taskKey) {
        await().atMost(ASYNC_STEP)
                .until(() -> !staffTasks(user, businessKey, taskKey).isEmpty());
        return staffTasks(user, businessKey, taskKey).get(0).path("id").asText();
    }

    private List<JsonNode> staffTasks(String user, String businessKey, String taskKey) {
        JsonNode found = http.get(
                        user,
                        "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey)
                .json();
        return found.isArray()
                ? StreamSupport.stream(found.spliterator(), false).toList()
                : List.of();
    }

    /** Which staff member sees the task in its task list. */
    private Map<String, Boolean> seers(String businessKey, String taskKey) {
        Map<String, Boolean> sees = new LinkedHashMap<>();
        for (String staff :
                List.of("secretariat", "expert", "committee", "correspondent", "mediator", "manager", "admin")) {
            sees.put(staff, !staffTasks(staff, businessKey, taskKey).isEmpty());
        }
        return sees;
    }

    private Map<String, Integer> claims(String taskId, String... users) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String user : users) {
            statuses.put(
                    user,
                    http.post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user))
                            .status());
        }
        return statuses;
    }

    private JsonNode awaitSmeTask(String user, String number, String name) {
        await().atMost(ASYNC_STEP).until(() -> smeTask(user, number, name) != null);
        return smeTask(user, number, name);
    }

    private JsonNode smeTask(String user, String number, String name) {
        for (JsonNode task : http.get(user, "/api/tasks").json()) {
            if (number.equals(task.path("caseNumber").asText())
                    && name.equals(task.path("name").asText())) {
                return task;
            }
        }
        return null;
    }

    private static String action(JsonNode mediation) {
        return mediation.path("availableActions").get(0).path("form").asText();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private long caseCount() {
        return jdbc.sql("select count(*) from mediation_case").query(Long.class).single();
    }

    /** Waits until the dossier's timeline shows the rejection letter sent. */
    private void awaitRejectionLetter(String dossier) {
        await().atMost(ASYNC_STEP)
                .until(() -> http
                        .get("pme-demo", "/api/dossiers/" + dossier)
                        .okJson()
                        .path("timeline")
                        .findValuesAsText("description")
                        .stream()
                        .anyMatch(text -> text.contains(REJECTION_LETTER)));
    }
}
