package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.EngineClock.PARIS;
import static fr.defense.rapid.system.FrenchFormat.date;
import static fr.defense.rapid.system.FrenchFormat.euros;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** Assembles a case's file (request, computation, actions, documents, timeline) as stored. */
@Component
class CaseFiles {

    private final MediationRepository cases;

    public CaseFiles(MediationRepository cases) {
        this.cases = cases;
    }

    public CaseFile of(String caseNumber, String failureReport) {
        MediationCase found = cases.find(caseNumber).orElseThrow();
        MediationRequest r = found.request();
        List<CaseFile.Section> sections = new ArrayList<>();
        sections.add(new CaseFile.Section(
                "Entreprise",
                List.of(
                        new CaseFile.Field("Raison sociale", r.companyName()),
                        new CaseFile.Field("SIREN", r.companySiren()),
                        new CaseFile.Field("Contact", r.contactName() + " <" + r.contactEmail() + ">"))));
        List<CaseFile.Field> request = new ArrayList<>(List.of(
                new CaseFile.Field("Objet", r.subject().label()),
                new CaseFile.Field("Partie concernée", r.counterpartName()),
                new CaseFile.Field("Référence du contrat", r.contractReference()),
                new CaseFile.Field("Dossier RAPID", r.dossierNumber()),
                new CaseFile.Field("Montant en jeu", euros(r.amountAtStakeEur())),
                new CaseFile.Field(
                        "Déposée le",
                        date(found.filedAt().atZoneSameInstant(PARIS).toLocalDate())),
                new CaseFile.Field("Engagement de confidentialité", r.confidentialityAccepted() ? "accepté" : "non"),
                new CaseFile.Field("Description", r.description())));
        sections.add(new CaseFile.Section("Demande", request));
        if (found.lateInterestComputation() != null) {
            sections.add(new CaseFile.Section(
                    "Retard de paiement",
                    List.of(
                            new CaseFile.Field("Jours de retard", String.valueOf(found.lateDays())),
                            new CaseFile.Field("Montant dû de plein droit", euros(found.lateInterestEur())),
                            new CaseFile.Field("Calcul", found.lateInterestComputation()))));
        }
        sections.add(new CaseFile.Section(
                "Médiation interne au ministère",
                List.of(
                        new CaseFile.Field(
                                "Recevabilité",
                                Boolean.TRUE.equals(found.admissible()) ? "recevable" : "non qualifiée"),
                        new CaseFile.Field("Niveaux épuisés", "1 (correspondant PME) et 2 (médiateur du ministère)"),
                        new CaseFile.Field("Rapport d'échec", failureReport))));
        List<CaseFile.Action> actions = cases.actions(caseNumber).stream()
                .map(a -> new CaseFile.Action(
                        a.actionDate(), a.counterpart() + " (niveau " + a.level() + ")", a.summary()))
                .toList();
        List<String> documents = r.documentList() == null
                ? List.of()
                : Arrays.stream(r.documentList().split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        List<CaseFile.TimelineEntry> timeline = cases.timeline(caseNumber).stream()
                .map(e -> new CaseFile.TimelineEntry(e.occurredAt(), e.description()))
                .toList();
        return new CaseFile(
                caseNumber,
                "Dossier de médiation transmis au Médiateur des entreprises",
                sections,
                actions,
                documents,
                timeline);
    }
}
