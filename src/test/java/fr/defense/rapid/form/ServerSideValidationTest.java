package fr.defense.rapid.form;

import static fr.defense.rapid.demo.SampleDossiers.favourableEvaluation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import fr.defense.rapid.system.FieldViolation;
import fr.defense.rapid.system.FormValidationException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine accepts whatever a client sends; the forms' rules are applied again on the server.
 * An invalid start or completion is refused with a field-level message and changes nothing.
 */
@ProcessTest
class ServerSideValidationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    JdbcClient jdbc;

    RapidProcess rapid;

    @BeforeEach
    void setUp() {
        rapid = new RapidProcess(engine, attachments);
    }

    record InvalidSubmission(String description, Consumer<Map<String, Object>> change, String field) {
        @Override
        public String toString() {
            return description;
        }
    }

    static InvalidSubmission[] invalidSubmissions() {
        return new InvalidSubmission[] {
            new InvalidSubmission(
                    "SIREN failing the Luhn check", v -> v.put("companySiren", "732829321"), "companySiren"),
            new InvalidSubmission("SIREN of 8 digits", v -> v.put("companySiren", "73282932"), "companySiren"),
            new InvalidSubmission("missing company name", v -> v.remove("companyName"), "companyName"),
            new InvalidSubmission("blank project title", v -> v.put("projectTitle", "   "), "projectTitle"),
            new InvalidSubmission("negative headcount", v -> v.put("companyHeadcount", -1L), "companyHeadcount"),
            new InvalidSubmission("headcount as text", v -> v.put("companyHeadcount", "trente"), "companyHeadcount"),
            new InvalidSubmission("decimal euros", v -> v.put("totalCostEur", 400_000.5), "totalCostEur"),
            new InvalidSubmission("TRL 0", v -> v.put("trlStart", 0L), "trlStart"),
            new InvalidSubmission("TRL 10", v -> v.put("trlTarget", 10L), "trlTarget"),
            new InvalidSubmission("TRL target below start", v -> v.put("trlTarget", 2L), "trlTarget"),
            new InvalidSubmission("three partners", v -> v.put("partnerCount", 3L), "partnerCount"),
            new InvalidSubmission(
                    "unknown research type", v -> v.put("researchType", "BASIC_RESEARCH"), "researchType"),
            new InvalidSubmission("unknown region", v -> v.put("companyRegion", "Atlantide"), "companyRegion"),
            new InvalidSubmission(
                    "aid above the total cost", v -> v.put("requestedAidEur", 400_001L), "requestedAidEur"),
            new InvalidSubmission(
                    "personnel above the total cost", v -> v.put("personnelCostEur", 500_000L), "personnelCostEur"),
            new InvalidSubmission("negative requested aid", v -> v.put("requestedAidEur", -5L), "requestedAidEur"),
            new InvalidSubmission("malformed e-mail", v -> v.put("contactEmail", "claire.martin"), "contactEmail"),
            new InvalidSubmission(
                    "undeliverable e-mail", v -> v.put("contactEmail", "claire..martin@ex(ample).fr"), "contactEmail"),
            new InvalidSubmission("oversized title", v -> v.put("projectTitle", "x".repeat(201)), "projectTitle"),
            new InvalidSubmission("collaboration as text", v -> v.put("collaboration", "oui"), "collaboration"),
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSubmissions")
    void invalidSubmissionIsRefusedAndCreatesNothing(InvalidSubmission invalid) {
        Map<String, Object> variables = SampleDossiers.smallCompany();
        invalid.change().accept(variables);
        long instancesBefore =
                engine.getRuntimeService().createProcessInstanceQuery().count();
        long dossiersBefore = dossierCount();

        assertThatThrownBy(() -> rapid.submit("pme-demo", variables))
                .isInstanceOfSatisfying(FormValidationException.class, refused -> {
                    assertThat(refused.formId()).isEqualTo("submit-dossier");
                    assertThat(refused.violations())
                            .extracting(FieldViolation::field)
                            .containsExactly(invalid.field());
                    // The message names the field as the form shows it, for the person who typed it.
                    assertThat(refused.getMessage())
                            .startsWith("Saisie refusée")
                            .doesNotContain(invalid.field() + " : ");
                });

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count())
                .isEqualTo(instancesBefore);
        assertThat(dossierCount()).isEqualTo(dossiersBefore);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        Map<String, Object> variables = SampleDossiers.smallCompany();
        variables.put("companySiren", "123456789");
        variables.remove("contactName");
        variables.put("trlStart", 12L);

        assertThatThrownBy(() -> rapid.submit("pme-demo", variables))
                .isInstanceOfSatisfying(
                        FormValidationException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(FieldViolation::field)
                                .containsExactlyInAnyOrder("companySiren", "contactName", "trlStart"));
    }

    @Test
    void anonymousSubmissionIsRefused() {
        long dossiersBefore = dossierCount();
        assertThatThrownBy(() -> engine.getRuntimeService()
                        .startProcessInstanceByKey(RapidProcess.KEY, SampleDossiers.smallCompany()))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("authentifié");
        assertThat(dossierCount()).isEqualTo(dossiersBefore);
    }

    @Test
    void evaluationWithoutDeclaredAbsenceOfConflictIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance instance = atTechnicalEvaluation();
        Map<String, Object> evaluation = favourableEvaluation();
        evaluation.put("noConflictOfInterest", false);

        assertRefusedAndNothingWritten(
                instance, "TechnicalEvaluation", "expert", evaluation, "noConflictOfInterest", "evaluationComment");
    }

    @Test
    void evaluationScoreOutOfRangeIsRefused() {
        ProcessInstance instance = atTechnicalEvaluation();
        Map<String, Object> evaluation = favourableEvaluation();
        evaluation.put("scoreCoherence", 6L);

        assertRefusedAndNothingWritten(
                instance, "TechnicalEvaluation", "expert", evaluation, "scoreCoherence", "scoreCoherence");
    }

    @Test
    void incompleteDossierWithoutTheListOfMissingItemsIsRefused() {
        ProcessInstance instance = rapid.submit("pme-demo", SampleDossiers.smallCompany());
        rapid.runDueJobs(instance);

        assertRefusedAndNothingWritten(
                instance,
                "CheckCompleteness",
                "secretariat",
                Map.of("completenessOutcome", "INCOMPLETE"),
                "missingItems",
                "completenessOutcome");
    }

    @Test
    void committeeCannotGrantMoreThanTheProposal() {
        ProcessInstance instance = atCommitteeDecision();
        Map<String, Object> tooMuch = new HashMap<>(Map.of("decision", "APPROVED", "grantedAidEur", 200_001L));

        assertRefusedAndNothingWritten(
                instance, "CommitteeDecision", "committee", tooMuch, "grantedAidEur", "decision");
    }

    @Test
    void committeeCannotSlipInItsOwnProposalWithTheDecision() {
        ProcessInstance instance = atCommitteeDecision();
        Map<String, Object> forged = new HashMap<>(
                Map.of("decision", "APPROVED", "grantedAidEur", 5_000_000L, "proposedAidEur", 5_000_000L));

        assertRefusedAndNothingWritten(
                instance, "CommitteeDecision", "committee", forged, "proposedAidEur", "grantedAidEur");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "proposedAidEur"))
                .isEqualTo(200_000L);
    }

    @Test
    void aTaskCannotChangeTheApplicantOrTheAmountsOfTheSubmission() {
        ProcessInstance instance = atTechnicalEvaluation();
        Map<String, Object> evaluation = favourableEvaluation();
        evaluation.put("applicant", "pme-other");
        evaluation.put("requestedAidEur", 9_000_000L);

        assertThatThrownBy(() -> rapid.complete(instance, "TechnicalEvaluation", "expert", evaluation))
                .isInstanceOfSatisfying(
                        FormValidationException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(FieldViolation::field)
                                .containsExactlyInAnyOrder("applicant", "requestedAidEur"));
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "applicant"))
                .isEqualTo("pme-demo");
    }

    @Test
    void committeeCannotRejectWithoutMotivation() {
        ProcessInstance instance = atCommitteeDecision();

        assertRefusedAndNothingWritten(
                instance,
                "CommitteeDecision",
                "committee",
                Map.of("decision", "REJECTED", "decisionMotivation", "Non."),
                "decisionMotivation",
                "decision");
    }

    @Test
    void committeeDecisionMustBeApproveOrReject() {
        ProcessInstance instance = atCommitteeDecision();

        assertRefusedAndNothingWritten(
                instance, "CommitteeDecision", "committee", Map.of("decision", "POSTPONED"), "decision", "decision");
    }

    private void assertRefusedAndNothingWritten(
            ProcessInstance instance,
            String taskKey,
            String user,
            Map<String, Object> values,
            String refusedField,
            String probe) {
        Task task = rapid.task(instance, taskKey);
        Object probeBefore = engine.getRuntimeService().getVariable(instance.getId(), probe);

        assertThatThrownBy(() -> rapid.complete(instance, taskKey, user, values))
                .isInstanceOfSatisfying(
                        FormValidationException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(FieldViolation::field)
                                .contains(refusedField));

        assertThat(rapid.task(instance, taskKey).getId()).isEqualTo(task.getId());
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), probe))
                .isEqualTo(probeBefore);
    }

    private ProcessInstance atTechnicalEvaluation() {
        return rapid.atTechnicalEvaluation(SampleDossiers.smallCompany());
    }

    private ProcessInstance atCommitteeDecision() {
        return rapid.atCommitteeDecision(SampleDossiers.smallCompany());
    }

    private long dossierCount() {
        return jdbc.sql("select count(*) from dossier").query(Long.class).single();
    }
}
