package fr.defense.rapid.staff;

import static fr.defense.rapid.system.FrenchFormat.dateTime;
import static fr.defense.rapid.system.FrenchFormat.euros;
import static fr.defense.rapid.system.FrenchFormat.longDate;

import fr.defense.rapid.form.SubmittedFields;
import fr.defense.rapid.form.SubmittedFields.Field;
import fr.defense.rapid.form.SubmittedFields.Section;
import fr.defense.rapid.mediation.MediationCase;
import fr.defense.rapid.mediation.MediationRepository;
import fr.defense.rapid.mediation.MediationRequest;
import fr.defense.rapid.notification.SentMails;
import fr.defense.rapid.procedure.Timeline;
import fr.defense.rapid.staff.StaffFile.ActionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A mediation case as staff read it at any level: the request, the late-payment computation, then
 * its history so far (qualification, first contact, each action with its level, failure reports,
 * renewals and hand-offs, as the timeline recorded them) and the mails.
 */
@Component
class MediationFiles {

    private final MediationRepository cases;
    private final Timeline timeline;
    private final SentMails mails;

    MediationFiles(MediationRepository cases, Timeline timeline, SentMails mails) {
        this.cases = cases;
        this.timeline = timeline;
        this.mails = mails;
    }

    Optional<StaffFile> of(String caseNumber) {
        return cases.find(caseNumber).map(this::file);
    }

    private StaffFile file(MediationCase found) {
        MediationRequest r = found.request();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(
                "Demande",
                List.of(
                        Field.of("Numéro", found.caseNumber()),
                        Field.of("Étape", found.statusLabel()),
                        Field.of("Déposée le", dateTime(found.filedAt())),
                        Field.of("Réponse du service le", dateTime(found.answeredAt())),
                        Field.of("Close le", dateTime(found.closedAt())),
                        Field.of("Objet", r.subject().label()),
                        Field.of("Partie concernée", r.counterpartName()),
                        Field.of("Référence du contrat", r.contractReference()),
                        Field.of("Dossier RAPID", r.dossierNumber()),
                        Field.of("Montant en jeu", euros(r.amountAtStakeEur())),
                        Field.of("Description", r.description()),
                        Field.of("Pièces déclarées", r.documentList()),
                        Field.of(
                                "Engagement de confidentialité",
                                r.confidentialityAccepted() ? "accepté" : "non accepté"))));
        sections.add(new Section(
                "Entreprise",
                List.of(
                        Field.of("Raison sociale", r.companyName()),
                        Field.of("SIREN", SubmittedFields.siren(r.companySiren())),
                        Field.of("Contact", r.contactName() + " (" + r.contactEmail() + ")"))));
        if (r.latePayment()) {
            sections.add(new Section(
                    "Retard de paiement",
                    List.of(
                            Field.of("Montant de la facture", euros(r.invoiceAmountEur())),
                            Field.of("Facture reçue le", longDate(r.invoiceReceivedDate())),
                            Field.of("Payée le", r.paymentDate() == null ? "non payée" : longDate(r.paymentDate())),
                            Field.of("Retard", found.lateDays() == null ? null : found.lateDays() + " jours"),
                            Field.of("Intérêts et indemnité dus de plein droit", euros(found.lateInterestEur())),
                            Field.of("Calcul", found.lateInterestComputation()))));
        }
        if (found.satisfactionRating() != null) {
            sections.add(new Section(
                    "Satisfaction",
                    List.of(
                            Field.of("Note", found.satisfactionRating() + " / 5"),
                            Field.of("Commentaire", found.satisfactionComment()))));
        }
        List<ActionView> actions = cases.actions(found.caseNumber()).stream()
                .map(a -> new ActionView(
                        MediationCase.levelLabel(a.level()) + " (niveau " + a.level() + ")",
                        longDate(a.actionDate()),
                        a.counterpart(),
                        a.summary()))
                .toList();
        return new StaffFile(
                found.caseNumber(),
                r.subject().label() + " — " + r.counterpartName(),
                found.statusLabel(),
                StaffFileController.mediationLink(found.caseNumber()),
                facts(found),
                sections,
                List.of(),
                actions,
                List.of(),
                null,
                StaffFileTimeline.lines(timeline.of(found.caseNumber())),
                StaffFileTimeline.mails(mails.of(found.caseNumber())));
    }

    private static Map<String, String> facts(MediationCase found) {
        MediationRequest r = found.request();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("company", r.companyName());
        facts.put("subject", r.subject().label());
        facts.put("counterpart", r.counterpartName());
        facts.put("amountAtStake", euros(r.amountAtStakeEur()));
        facts.put("level", MediationCase.levelLabel(found.level()) + " (niveau " + found.level() + ")");
        return facts;
    }
}
