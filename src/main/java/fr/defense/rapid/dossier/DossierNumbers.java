package fr.defense.rapid.dossier;

import fr.defense.rapid.procedure.CaseNumbers;
import fr.defense.rapid.procedure.Procedure;
import org.springframework.stereotype.Component;

/** Hands out {@code RAPID-<year>-<5 digits>}, unique under concurrency (see {@link CaseNumbers}). */
@Component
class DossierNumbers {

    private final CaseNumbers numbers;

    public DossierNumbers(CaseNumbers numbers) {
        this.numbers = numbers;
    }

    public String next() {
        return numbers.next(Procedure.RAPID);
    }
}
