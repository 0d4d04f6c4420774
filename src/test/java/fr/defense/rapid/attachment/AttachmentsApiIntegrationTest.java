package fr.defense.rapid.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.dossier.DossierSubmissions;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SME's draft and its attachments over real HTTP (limits of the test profile: 64 KB per file,
 * 150 KB per dossier): each refused file is told in French with nothing stored; accepted files keep
 * their SHA-256; the draft survives sessions and becomes the dossier in one transaction; downloads
 * are attachments to their owner and the RAPID staff only; and the secretariat cannot call a
 * dossier complete while a piece is missing. Each test has an SME user of its own (one draft each).
 */
@AppTest
class AttachmentsApiIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Brouillon-de-dossier-2026";
    private static final String DRAFT = "/api/drafts/dossier";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    DossierSubmissions submissions;

    @Autowired
    PlatformTransactionManager transactionManager;

    Http http;
    String sme;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        sme = "pme-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(sme);
        user.setFirstName("Claire");
        user.setLastName("Martin");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(sme, "sme");
    }

    @Test
    void eachRefusedFileIsToldInFrenchAndNothingIsStored() {
        assertThat(upload("PROJECT_DESCRIPTION", "description.pdf", SampleFiles.pdf())
                        .status())
                .isEqualTo(201);
        assertThat(upload("TAX_RETURN", "liasse-2025.pdf", SampleFiles.pdf(60 * 1024))
                        .status())
                .isEqualTo(201);
        assertThat(upload("TAX_RETURN", "liasse-2024.pdf", SampleFiles.pdf(60 * 1024))
                        .status())
                .isEqualTo(201);
        long stored = storedFiles();

        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("text renamed .pdf", refusal(upload("FINANCIAL_ANNEX", "annexe.pdf", SampleFiles.text())));
        refusals.put("executable", refusal(upload("FINANCIAL_ANNEX", "annexe.pdf", SampleFiles.executable())));
        refusals.put("html", refusal(upload("FINANCIAL_ANNEX", "annexe.pdf", SampleFiles.html())));
        refusals.put("docx", refusal(upload("FINANCIAL_ANNEX", "annexe.xlsx", SampleFiles.docx())));
        refusals.put("spreadsheet as a tax return", refusal(upload("TAX_RETURN", "liasse.pdf", SampleFiles.xlsx())));
        refusals.put("empty", refusal(upload("FINANCIAL_ANNEX", "annexe.pdf", new byte[0])));
        refusals.put("too large", refusal(upload("FINANCIAL_ANNEX", "annexe.pdf", SampleFiles.pdf(70 * 1024))));
        refusals.put("too many", refusal(upload("TAX_RETURN", "liasse-2023.pdf", SampleFiles.pdf())));
        refusals.put("dossier total", refusal(upload("FINANCIAL_ANNEX", "annexe.pdf", SampleFiles.pdf(40 * 1024))));
        refusals.put("unknown piece", refusal(upload("BUSINESS_PLAN", "plan.pdf", SampleFiles.pdf())));

        assertThat(refusals)
                .containsEntry(
                        "text renamed .pdf",
                        "« Annexe financière » : le fichier « annexe.pdf » est refusé, son contenu n'est pas d'un type"
                                + " accepté pour cette pièce (PDF, XLSX ou ODS), quel que soit son nom.")
                .containsEntry(
                        "spreadsheet as a tax return",
                        "« Liasse fiscale » : le fichier « liasse.pdf » est refusé, son contenu n'est pas d'un type"
                                + " accepté pour cette pièce (PDF), quel que soit son nom.")
                .containsEntry("empty", "« Annexe financière » : le fichier « annexe.pdf » est vide.")
                .containsEntry(
                        "too large",
                        "« Annexe financière » : ce fichier fait 70 Ko, au-delà de la taille maximale"
                                + " de 64 Ko par fichier.")
                .containsEntry(
                        "too many",
                        "« Liasse fiscale » : 2 fichiers au plus pour cette pièce, déjà joint ; supprimez-en un"
                                + " avant d'en joindre un autre.")
                .containsEntry(
                        "dossier total",
                        "Les pièces jointes d'un dossier ne peuvent dépasser 150 Ko au total (déjà jointes : 120,6 Ko ;"
                                + " ce fichier : 40 Ko) : rien n'a été enregistré.");
        assertThat(refusals.get("executable")).isEqualTo(refusals.get("text renamed .pdf"));
        assertThat(refusals.get("html")).isEqualTo(refusals.get("text renamed .pdf"));
        assertThat(refusals.get("docx")).contains("PDF, XLSX ou ODS");
        assertThat(refusals.get("unknown piece"))
                .startsWith("Pièce « BUSINESS_PLAN » inconnue")
                .contains("FINANCIAL_ANNEX (Annexe financière)");
        assertThat(storedFiles()).isEqualTo(stored);
    }

    @Test
    void pdfXlsxAndOdsAreStoredWithTheirSha256() throws Exception {
        JsonNode pdf = upload("PROJECT_DESCRIPTION", "Description du projet été.pdf", SampleFiles.pdf())
                .created();
        JsonNode xlsx =
                upload("FINANCIAL_ANNEX", "annexe.xlsx", SampleFiles.xlsx()).created();

        assertThat(pdf.path("kind").asText()).isEqualTo("PROJECT_DESCRIPTION");
        assertThat(pdf.path("kindLabel").asText()).isEqualTo("Description du projet");
        assertThat(pdf.path("fileName").asText()).isEqualTo("Description du projet été.pdf");
        assertThat(pdf.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(pdf.path("size").asLong()).isEqualTo(SampleFiles.pdf().length);
        assertThat(pdf.path("sizeLabel").asText()).isEqualTo("600 octets");
        assertThat(pdf.path("sha256").asText()).isEqualTo(sha256(SampleFiles.pdf()));
        assertThat(pdf.path("uploadedAt").isMissingNode()).isFalse();
        assertThat(xlsx.path("contentType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(jdbc.sql("select sha256 from attachment where id = ?")
                        .param(xlsx.path("id").asText())
                        .query(String.class)
                        .single())
                .isEqualTo(sha256(SampleFiles.xlsx()));
        byte[] content = jdbc.sql("select content from attachment where id = ?")
                .param(pdf.path("id").asText())
                .query((rs, row) -> rs.getBytes(1))
                .single();
        assertThat(content).isEqualTo(SampleFiles.pdf());

        // The annex replaced by an OpenDocument spreadsheet.
        assertThat(send("DELETE", DRAFT + "/attachments/" + xlsx.path("id").asText(), null, null)
                        .status())
                .isEqualTo(204);
        JsonNode ods =
                upload("FINANCIAL_ANNEX", "annexe.ods", SampleFiles.ods()).created();
        assertThat(ods.path("contentType").asText()).isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
        assertThat(http.get(sme, PASSWORD, DRAFT).okJson().path("attachments").findValuesAsText("fileName"))
                .containsExactly("Description du projet été.pdf", "annexe.ods");
        assertThat(send("DELETE", DRAFT + "/attachments/" + xlsx.path("id").asText(), null, null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theDraftSurvivesANewSessionWithTheSubmissionFormsFieldsOnly() throws Exception {
        assertThat(http.get(sme, PASSWORD, DRAFT).okJson())
                .isEqualTo(JSON.readTree("{\"values\":{},\"attachments\":[],\"updatedAt\":null}"));

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("companyName", "Optronique du Lac");
        values.put("companyHeadcount", 35);
        values.put("collaboration", true);
        values.put("notAFieldOfTheForm", "x");
        values.put("projectTitle", Map.of("nested", "object"));
        Reply saved = send("PUT", DRAFT, "application/json", JSON.writeValueAsBytes(values));
        assertThat(saved.status()).isEqualTo(200);

        // Another client, another session: the draft is the server's.
        JsonNode draft = new Http(port).get(sme, PASSWORD, DRAFT).okJson();
        assertThat(draft.path("values"))
                .isEqualTo(JSON.readTree(
                        "{\"companyName\":\"Optronique du Lac\",\"companyHeadcount\":35,\"collaboration\":true}"));
        assertThat(draft.path("updatedAt").isNull()).isFalse();

        Reply notAnObject = send("PUT", DRAFT, "application/json", "[1, 2]".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.json().path("detail").asText()).isNotBlank();
        Reply tooLarge = send(
                "PUT",
                DRAFT,
                "application/json",
                ("{\"projectSummary\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(new Http(port).get(sme, PASSWORD, DRAFT).okJson().path("values"))
                .isEqualTo(draft.path("values"));
    }

    @Test
    void submittingTheDraftStartsTheDossierMovesItsFilesAndDeletesTheDraft() throws Exception {
        saveDraft(SampleDossiers.smallCompany());
        attachEveryPiece();

        Reply submitted = send("POST", DRAFT + "/submit", "application/json", new byte[0]);

        assertThat(submitted.status()).isEqualTo(201);
        String number = submitted.json().path("dossierNumber").asText();
        assertThat(number).matches("RAPID-\\d{4}-\\d{5}");
        assertThat(submitted.header("Location")).isEqualTo("/api/dossiers/" + number);
        assertThat(submitted.json().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(http.get(sme, PASSWORD, "/api/dossiers/" + number + "/attachments")
                        .okJson()
                        .findValuesAsText("kind"))
                .containsExactlyInAnyOrder("PROJECT_DESCRIPTION", "TAX_RETURN", "TAX_RETURN", "FINANCIAL_ANNEX");
        assertThat(jdbc.sql("select count(*) from attachment where draft_owner_id = ?")
                        .param(sme)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(http.get(sme, PASSWORD, DRAFT).okJson().path("values").isEmpty())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from dossier_draft where owner_id = ?")
                        .param(sme)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSubmissionWithAnIdempotencyKeyRepeatedAnswersTheSameDossier() throws Exception {
        saveDraft(SampleDossiers.smallCompany());
        attachEveryPiece();
        String key = "brouillon-" + UUID.randomUUID();

        Reply first = send("POST", DRAFT + "/submit", "application/json", new byte[0], key);
        Reply again = send("POST", DRAFT + "/submit", "application/json", new byte[0], key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("dossierNumber")).isEqualTo(first.json().path("dossierNumber"));
    }

    @Test
    void aSubmissionLackingPiecesOrWithInvalidValuesIsRefusedAndTheDraftKeepsItsFiles() throws Exception {
        saveDraft(SampleDossiers.smallCompany());
        upload("PROJECT_DESCRIPTION", "description.pdf", SampleFiles.pdf()).created();
        upload("TAX_RETURN", "liasse-2025.pdf", SampleFiles.pdf()).created();

        Reply lacking = send("POST", DRAFT + "/submit", "application/json", new byte[0]);

        assertThat(lacking.status()).isEqualTo(422);
        assertThat(lacking.json().path("detail").asText())
                .isEqualTo("Pièces jointes manquantes : Liasse fiscale (1 sur 2 fichiers) ; Annexe financière.");

        upload("TAX_RETURN", "liasse-2024.pdf", SampleFiles.pdf()).created();
        upload("FINANCIAL_ANNEX", "annexe.ods", SampleFiles.ods()).created();
        Map<String, Object> invalid = SampleDossiers.smallCompany();
        invalid.put("requestedAidEur", 10_000_000L);
        saveDraft(invalid);

        Reply refused = send("POST", DRAFT + "/submit", "application/json", new byte[0]);

        // As POST /api/dossiers refuses the same values.
        Reply direct = send("POST", "/api/dossiers", "application/json", JSON.writeValueAsBytes(invalid));
        assertThat(refused.status()).isEqualTo(direct.status()).isEqualTo(400);
        assertThat(refused.json().path("errors")).isEqualTo(direct.json().path("errors"));
        assertThat(refused.json().path("errors").findValuesAsText("field")).contains("requestedAidEur");
        assertThat(dossiersOf(sme)).isZero();
        JsonNode draft = http.get(sme, PASSWORD, DRAFT).okJson();
        assertThat(draft.path("attachments")).hasSize(4);
        assertThat(draft.path("values").path("requestedAidEur").asLong()).isEqualTo(10_000_000L);
    }

    /**
     * DossierSubmissions joins the caller's transaction (Camunda's Spring transaction integration):
     * rolled back with it, the dossier and its process instance are gone too. So the draft's files
     * move in the very transaction that starts the dossier.
     */
    @Test
    void aSubmissionRollsBackWithTheTransactionItRunsIn() {
        String project = "Rollback " + UUID.randomUUID();
        Map<String, Object> values = SampleDossiers.smallCompany();
        values.put("projectTitle", project);
        String[] number = new String[1];

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            number[0] = submissions
                    .submit(sme, List.of("sme"), null, new HashMap<>(values))
                    .reference();
            assertThat(dossiersOf(sme)).isEqualTo(1);
            status.setRollbackOnly();
        });

        assertThat(number[0]).matches("RAPID-\\d{4}-\\d{5}");
        assertThat(dossiersOf(sme)).isZero();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(number[0])
                        .count())
                .isZero();
    }

    @Test
    void downloadsAreAttachmentsForTheOwnerAndTheRapidStaffOnly() throws Exception {
        String number = submittedDossier();
        JsonNode listed = http.get(sme, PASSWORD, "/api/dossiers/" + number + "/attachments")
                .okJson();
        JsonNode ods = listed.findParents("fileName").stream()
                .filter(a -> a.path("kind").asText().equals("FINANCIAL_ANNEX"))
                .findFirst()
                .orElseThrow();
        String path =
                "/api/dossiers/" + number + "/attachments/" + ods.path("id").asText();

        HttpResponse<byte[]> owner = download(sme, PASSWORD, path);
        HttpResponse<byte[]> secretariat = download(
                "secretariat",
                "secretariat",
                "/staff/dossiers/" + number + "/attachments/" + ods.path("id").asText());

        for (HttpResponse<byte[]> response : List.of(owner, secretariat)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(SampleFiles.ods());
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValue("application/vnd.oasis.opendocument.spreadsheet");
            assertThat(response.headers().firstValue("Content-Disposition"))
                    .hasValue(
                            "attachment; filename=\"Annexe financiere.ods\"; filename*=UTF-8''Annexe%20financi%C3%A8re.ods");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }

        // Another SME: the same 404 as an unknown dossier or file, no oracle.
        Http.Response other = http.get("pme-other", path);
        Http.Response unknownDossier = http.get(
                "pme-other",
                "/api/dossiers/RAPID-2000-99999/attachments/" + ods.path("id").asText());
        assertThat(other.status()).isEqualTo(404);
        assertThat(unknownDossier.status()).isEqualTo(404);
        assertThat(http.get("pme-other", "/api/dossiers/" + number + "/attachments")
                        .status())
                .isEqualTo(404);
        assertThat(http.get(sme, PASSWORD, "/api/dossiers/" + number + "/attachments/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        // Staff of the mediation only: refused, as for the dossier's file.
        assertThat(download(
                                "correspondent",
                                "correspondent",
                                "/staff/dossiers/" + number + "/attachments/"
                                        + ods.path("id").asText())
                        .statusCode())
                .isEqualTo(403);

        // The staff file lists the pieces with their download links.
        String page = http.get("secretariat", "/staff/dossiers/" + number).body();
        assertThat(page)
                .contains("Annexe financière.ods", "Liasse fiscale", "/staff/dossiers/" + number + "/attachments/")
                .doesNotContain("pas encore disponibles", "Pièces manquantes");
    }

    @Test
    void piecesAreAddedToAnOpenDossierBesideTheOnesTheyCorrectUntilItIsClosed() throws Exception {
        String number = dossierWithoutPieces();
        Reply added = send(
                "POST",
                "/api/dossiers/" + number + "/attachments",
                multipart("PROJECT_DESCRIPTION", "description.pdf", SampleFiles.pdf()));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).startsWith("/api/dossiers/" + number + "/attachments/");
        // A complement: a corrected description beside the first one, which stays (nothing sent is deleted).
        assertThat(send(
                                "POST",
                                "/api/dossiers/" + number + "/attachments",
                                multipart("PROJECT_DESCRIPTION", "description corrigée.pdf", SampleFiles.pdf()))
                        .status())
                .isEqualTo(201);
        assertThat(http.get(sme, PASSWORD, "/api/dossiers/" + number + "/attachments")
                        .json()
                        .findValuesAsText("fileName"))
                .containsExactly("description.pdf", "description corrigée.pdf");

        await().until(() -> send("POST", "/api/dossiers/" + number + "/withdraw", "application/json", new byte[0])
                        .status()
                == 200);
        Reply closed = send(
                "POST",
                "/api/dossiers/" + number + "/attachments",
                multipart("TAX_RETURN", "liasse.pdf", SampleFiles.pdf()));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().path("detail").asText())
                .isEqualTo(
                        "Le dossier " + number
                                + " n'accepte plus de pièces jointes : la décision du comité est prise ou le dossier est clos.");
        assertThat(send(
                                "POST",
                                "/api/dossiers/" + number + "/attachments",
                                multipart("TAX_RETURN", "liasse.pdf", SampleFiles.pdf()),
                                null,
                                "pme-other",
                                "pme-other")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theSecretariatCannotFindADossierCompleteWhileAPieceIsMissing() throws Exception {
        String number = dossierWithoutPieces();
        Task check = await().until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(number)
                                .taskDefinitionKey("CheckCompleteness")
                                .singleResult(),
                        task -> task != null);
        assertThat(http.post(
                                "secretariat",
                                "/engine-rest/task/" + check.getId() + "/claim",
                                Map.of("userId", "secretariat"))
                        .status())
                .isEqualTo(204);
        Map<String, Object> complete = Map.of("variables", Map.of("completenessOutcome", Map.of("value", "COMPLETE")));

        Http.Response refused = http.post("secretariat", "/engine-rest/task/" + check.getId() + "/complete", complete);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText())
                .contains("Le dossier ne peut pas être déclaré complet, il manque des pièces jointes : "
                        + "Description du projet ; Liasse fiscale (0 sur 2 fichiers) ; Annexe financière.");
        assertThat(tasks.createTaskQuery().taskId(check.getId()).count()).isEqualTo(1);
        assertThat(http.get("secretariat", "/staff/dossiers/" + number).body())
                .contains("Pièces manquantes", "Aucune pièce jointe.");

        for (String[] piece : new String[][] {
            {"PROJECT_DESCRIPTION", "description.pdf"},
            {"TAX_RETURN", "liasse-2025.pdf"},
            {"TAX_RETURN", "liasse-2024.pdf"},
            {"FINANCIAL_ANNEX", "annexe.xlsx"}
        }) {
            byte[] content = piece[1].endsWith(".xlsx") ? SampleFiles.xlsx() : SampleFiles.pdf();
            assertThat(send("POST", "/api/dossiers/" + number + "/attachments", multipart(piece[0], piece[1], content))
                            .status())
                    .isEqualTo(201);
        }

        assertThat(http.post("secretariat", "/engine-rest/task/" + check.getId() + "/complete", complete)
                        .status())
                .isEqualTo(204);
    }

    // --- helpers ---

    private void saveDraft(Map<String, Object> values) throws IOException {
        assertThat(send("PUT", DRAFT, "application/json", JSON.writeValueAsBytes(values))
                        .status())
                .isEqualTo(200);
    }

    private void attachEveryPiece() {
        upload("PROJECT_DESCRIPTION", "description.pdf", SampleFiles.pdf()).created();
        upload("TAX_RETURN", "liasse-2025.pdf", SampleFiles.pdf()).created();
        upload("TAX_RETURN", "liasse-2024.pdf", SampleFiles.pdf()).created();
        upload("FINANCIAL_ANNEX", "Annexe financière.ods", SampleFiles.ods()).created();
    }

    /** A dossier submitted through the plain API, which takes no files: its pieces come afterwards. */
    private String dossierWithoutPieces() throws IOException {
        return send("POST", "/api/dossiers", "application/json", JSON.writeValueAsBytes(SampleDossiers.smallCompany()))
                .created()
                .path("dossierNumber")
                .asText();
    }

    private String submittedDossier() throws IOException {
        saveDraft(SampleDossiers.smallCompany());
        attachEveryPiece();
        Reply submitted = send("POST", DRAFT + "/submit", "application/json", new byte[0]);
        assertThat(submitted.status()).isEqualTo(201);
        return submitted.json().path("dossierNumber").asText();
    }

    private long storedFiles() {
        return jdbc.sql("select count(*) from attachment where owner_id = ?")
                .param(sme)
                .query(Long.class)
                .single();
    }

    private long dossiersOf(String owner) {
        return jdbc.sql("select count(*) from dossier where owner_id = ?")
                .param(owner)
                .query(Long.class)
                .single();
    }

    private static String refusal(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.json().path("errors").path(0).path("field").asText()).isEqualTo("file");
        return reply.json().path("detail").asText();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private Reply upload(String kind, String fileName, byte[] content) {
        return send("POST", DRAFT + "/attachments", multipart(kind, fileName, content));
    }

    private record Multipart(String contentType, byte[] body) {}

    private static Multipart multipart(String kind, String fileName, byte[] content) {
        String boundary = "----rapid" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String kindPart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n";
        String filePart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n";
        body.writeBytes(kindPart.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(filePart.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private Reply send(String method, String path, Multipart multipart) {
        return send(method, path, multipart.contentType(), multipart.body(), null, sme, PASSWORD);
    }

    private Reply send(String method, String path, Multipart multipart, String key, String user, String password) {
        return send(method, path, multipart.contentType(), multipart.body(), key, user, password);
    }

    private Reply send(String method, String path, String contentType, byte[] body) {
        return send(method, path, contentType, body, null, sme, PASSWORD);
    }

    private Reply send(String method, String path, String contentType, byte[] body, String key) {
        return send(method, path, contentType, body, key, sme, PASSWORD);
    }

    /**
     * With HTTP Basic, and the CSRF token a page of the portal would send (cookie and header): a
     * multipart POST is one a hostile page could send, so Basic alone does not exempt it.
     */
    private Reply send(
            String method, String path, String contentType, byte[] body, String key, String user, String password) {
        String token = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user, password))
                .header("Cookie", "XSRF-TOKEN=" + token)
                .header("X-XSRF-TOKEN", token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (contentType == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpResponse<byte[]> download(String user, String password, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", basic(user, password))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private record Reply(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + raw.body(), e);
            }
        }

        JsonNode created() {
            if (status != 201) {
                throw new AssertionError("Expected 201, got " + status + ": " + raw.body());
            }
            return json();
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
