package fr.defense.rapid.staff;

import static fr.defense.rapid.system.FrenchFormat.dateTime;
import static fr.defense.rapid.system.FrenchFormat.euros;
import static fr.defense.rapid.system.FrenchFormat.percent;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.decision.ComputeProposedAid;
import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.dossier.DossierSubmission;
import fr.defense.rapid.evaluation.Evaluation;
import fr.defense.rapid.evaluation.Evaluations;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.form.FormDefinition;
import fr.defense.rapid.form.FormField;
import fr.defense.rapid.form.SubmittedFields;
import fr.defense.rapid.form.SubmittedFields.Field;
import fr.defense.rapid.form.SubmittedFields.Section;
import fr.defense.rapid.notification.SentMails;
import fr.defense.rapid.procedure.Timeline;
import fr.defense.rapid.staff.StaffFile.AttachmentView;
import fr.defense.rapid.staff.StaffFile.EvaluationView;
import fr.defense.rapid.system.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A RAPID dossier as staff read it: every field the SME submitted, labelled and grouped as in the
 * submission form (with what the form requires of it), then what the procedure derived (category,
 * eligibility, rate, proposed aid), the evaluations, the decision, the timeline and the mails.
 */
@Component
class DossierFiles {

    static final String SUBMISSION_FORM = "submit-dossier";
    static final String EVALUATION_FORM = "technical-evaluation";
    static final String DECISION_FORM = "committee-decision";

    private final DossierRepository dossiers;
    private final Evaluations evaluations;
    private final FormCatalog forms;
    private final Timeline timeline;
    private final SentMails mails;
    private final StaffNames people;
    private final Attachments attachments;

    DossierFiles(
            DossierRepository dossiers,
            Evaluations evaluations,
            FormCatalog forms,
            Timeline timeline,
            SentMails mails,
            StaffNames people,
            Attachments attachments) {
        this.dossiers = dossiers;
        this.evaluations = evaluations;
        this.forms = forms;
        this.timeline = timeline;
        this.mails = mails;
        this.people = people;
        this.attachments = attachments;
    }

    Optional<StaffFile> of(String dossierNumber) {
        return dossiers.find(dossierNumber).map(this::file);
    }

    private StaffFile file(Dossier dossier) {
        DossierSubmission s = dossier.submission();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(
                "Dossier",
                List.of(
                        Field.of("Numéro", dossier.dossierNumber()),
                        Field.of("Étape", dossier.statusLabel()),
                        Field.of("Déposé le", dateTime(dossier.submittedAt())),
                        Field.of("Clos le", dateTime(dossier.closedAt())))));
        sections.addAll(SubmittedFields.sections(forms.get(SUBMISSION_FORM), s));
        sections.add(new Section("Analyse automatique (tables de décision)", automaticAnalysis(dossier)));
        if (dossier.decision() != null) {
            sections.add(new Section("Décision du comité", decision(dossier)));
        }
        return new StaffFile(
                dossier.dossierNumber(),
                s.projectTitle(),
                dossier.statusLabel(),
                StaffFileController.dossierLink(dossier.dossierNumber()),
                facts(dossier),
                sections,
                evaluationViews(dossier.dossierNumber()),
                List.of(),
                attachmentViews(dossier.dossierNumber()),
                missingAttachments(dossier.dossierNumber()),
                StaffFileTimeline.lines(timeline.of(dossier.dossierNumber())),
                StaffFileTimeline.mails(mails.of(dossier.dossierNumber())));
    }

    private List<AttachmentView> attachmentViews(String dossierNumber) {
        return attachments.listForDossier(dossierNumber).stream()
                .map(a -> new AttachmentView(
                        a.kindLabel(),
                        a.fileName(),
                        a.sizeLabel(),
                        dateTime(a.uploadedAt()),
                        StaffFileController.attachmentLink(dossierNumber, a.id())))
                .toList();
    }

    private String missingAttachments(String dossierNumber) {
        List<String> missing = attachments.missingRequired(dossierNumber);
        return missing.isEmpty() ? null : String.join(" ; ", missing);
    }

    /** The values forms name one by one in their headings. */
    private Map<String, String> facts(Dossier dossier) {
        DossierSubmission s = dossier.submission();
        FormDefinition form = forms.get(SUBMISSION_FORM);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("company", s.companyName());
        facts.put("category", category(dossier.companyCategory()));
        facts.put("region", s.companyRegion());
        facts.put("title", s.projectTitle());
        facts.put("summary", s.projectSummary());
        facts.put(
                "researchType",
                form.optionLabel("researchType", s.researchType()).orElse(s.researchType()));
        facts.put("trl", "TRL " + s.trlStart() + " → TRL " + s.trlTarget());
        facts.put("defenceApplication", s.defenceApplication());
        facts.put("civilApplication", s.civilApplication());
        facts.put("duration", s.durationMonths() + " mois");
        facts.put("totalCost", euros(s.totalCostEur()));
        facts.put("personnelCost", euros(s.personnelCostEur()));
        facts.put("requestedAid", euros(s.requestedAidEur()));
        facts.put("partners", partners(s));
        facts.put("fundingRate", dossier.fundingRate() == null ? "pas encore calculé" : rate(dossier.fundingRate()));
        facts.put(
                "proposedAid",
                dossier.proposedAidEur() == null ? "pas encore calculée" : euros(dossier.proposedAidEur()));
        facts.put("proposedAidComputation", proposedAidComputation(dossier));
        facts.put("eligibility", eligibility(dossier));
        return facts;
    }

    private List<Field> automaticAnalysis(Dossier dossier) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(
                "Catégorie d'entreprise", category(dossier.companyCategory()), "table rapid-company-category"));
        fields.add(new Field("Éligibilité", eligibility(dossier), "table rapid-eligibility"));
        fields.add(new Field(
                "Taux de financement",
                dossier.fundingRate() == null ? "pas encore calculé" : rate(dossier.fundingRate()),
                "table rapid-funding-rate (selon la catégorie, le type de travaux et la collaboration)"));
        fields.add(new Field(
                "Aide proposée",
                dossier.proposedAidEur() == null ? "pas encore calculée" : euros(dossier.proposedAidEur()),
                proposedAidComputation(dossier)));
        return fields;
    }

    private List<Field> decision(Dossier dossier) {
        FormDefinition form = forms.get(DECISION_FORM);
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of(
                "Décision", form.optionLabel("decision", dossier.decision()).orElse(dossier.decision())));
        if (dossier.grantedAidEur() != null) {
            fields.add(Field.of("Montant accordé", euros(dossier.grantedAidEur())));
        }
        if (dossier.decisionMotivation() != null) {
            fields.add(Field.of("Motivation", dossier.decisionMotivation()));
        }
        fields.add(Field.of("Décidé le", dateTime(dossier.decidedAt())));
        return fields;
    }

    private List<EvaluationView> evaluationViews(String dossierNumber) {
        FormDefinition form = forms.get(EVALUATION_FORM);
        return evaluations.of(dossierNumber).stream()
                .map(e -> new EvaluationView(
                        people.name(e.expertId()),
                        dateTime(e.evaluatedAt()),
                        scores(form, e),
                        e.total() + " / "
                                + e.scores().keySet().stream()
                                        .mapToInt(key -> maximum(form, key))
                                        .sum(),
                        form.optionLabel("evaluationRecommendation", e.recommendation())
                                .orElse(e.recommendation()),
                        e.opinion()))
                .toList();
    }

    /** Each score out of the maximum the evaluation form sets for it. */
    private static List<Field> scores(FormDefinition form, Evaluation evaluation) {
        return evaluation.scores().entrySet().stream()
                .map(score -> Field.of(
                        form.field(score.getKey()).map(FormField::displayName).orElse(score.getKey()),
                        score.getValue() + " / " + maximum(form, score.getKey())))
                .toList();
    }

    private static int maximum(FormDefinition form, String scoreKey) {
        return form.field(scoreKey).orElseThrow().max().intValue();
    }

    static String category(String category) {
        return category == null ? "pas encore déterminée" : Messages.get("category." + category);
    }

    private static String eligibility(Dossier dossier) {
        if (dossier.eligible() == null) {
            return "pas encore vérifiée";
        }
        return dossier.eligible()
                ? "éligible : toutes les règles sont satisfaites"
                : "inéligible : " + dossier.ineligibilityReasons().replace("\n", " ; ");
    }

    /** The computation of ComputeProposedAid, with this dossier's figures. */
    private static String proposedAidComputation(Dossier dossier) {
        if (dossier.fundingRate() == null) {
            return "calculée après l'évaluation technique : taux × coût total, au plus l'aide demandée";
        }
        DossierSubmission s = dossier.submission();
        long byRate = ComputeProposedAid.byRate(dossier.fundingRate(), s.totalCostEur());
        return rate(dossier.fundingRate()) + " × " + euros(s.totalCostEur()) + " (coût total) = " + euros(byRate)
                + " ; aide demandée : " + euros(s.requestedAidEur()) + " ; aide proposée : la plus petite des deux";
    }

    /** A funding rate of the table (0.8) as staff read it (80 %). */
    private static String rate(BigDecimal fundingRate) {
        return percent(fundingRate.movePointRight(2).stripTrailingZeros());
    }

    private static String partners(DossierSubmission s) {
        String count = s.partnerCount() == 0
                ? "aucun partenaire"
                : s.partnerCount() + (s.partnerCount() > 1 ? " partenaires" : " partenaire");
        return count + (s.collaboration() ? ", collaboration effective" : ", sans collaboration effective");
    }
}
