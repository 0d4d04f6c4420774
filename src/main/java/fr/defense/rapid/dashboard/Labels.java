package fr.defense.rapid.dashboard;

import fr.defense.rapid.dossier.DossierStatus;
import fr.defense.rapid.mediation.MediationCase;
import fr.defense.rapid.mediation.MediationOutcome;
import fr.defense.rapid.mediation.MediationSubject;
import fr.defense.rapid.system.Messages;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The dashboard's French words for the data dictionary's keys. A status's description is a
 * sentence for a timeline (« Évaluation technique par les experts de la DGA »); a chart's legend
 * needs a few words.
 */
final class Labels {

    static final String IN_PROGRESS = "IN_PROGRESS";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

    private Labels() {}

    static String stage(DossierStatus status) {
        return switch (status) {
            case SUBMITTED -> "Déposé";
            case INELIGIBLE -> "Inéligible";
            case COMPLETENESS_CHECK -> "Vérification de complétude";
            case AWAITING_COMPLEMENTS -> "Compléments demandés";
            case CLOSED_WITHOUT_FOLLOW_UP -> "Classé sans suite";
            case UNDER_EVALUATION -> "Évaluation technique";
            case AWAITING_DECISION -> "Décision du comité";
            case APPROVED -> "Accordé, convention à accepter";
            case REJECTED -> "Rejeté";
            case GRANTED -> "Subvention attribuée";
            case AGREEMENT_DECLINED -> "Convention refusée";
            case AGREEMENT_EXPIRED -> "Convention expirée";
            case WITHDRAWN -> "Retiré";
        };
    }

    /** The data dictionary's category names, as the staff file and the decision explanation say them. */
    static String category(String category) {
        return Messages.get("category." + category);
    }

    /** « mars 2026 ». */
    static String month(YearMonth month) {
        return MONTH.format(month);
    }

    static String subject(MediationSubject subject) {
        return subject.label();
    }

    static String outcome(String outcome) {
        return IN_PROGRESS.equals(outcome)
                ? "En cours"
                : MediationOutcome.valueOf(outcome).label();
    }

    /** « Niveau 1 : correspondant PME ». */
    static String level(int level) {
        return "Niveau " + level + " : " + MediationCase.levelLabel(level);
    }

    static String rating(int rating) {
        return rating + " sur 5";
    }
}
