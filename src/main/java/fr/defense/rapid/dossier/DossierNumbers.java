package fr.defense.rapid.dossier;

import fr.defense.rapid.system.YearlyNumbers;
import org.springframework.stereotype.Component;

/** Hands out {@code RAPID-<year>-<5 digits>}, unique under concurrency (see {@link YearlyNumbers}). */
@Component
public class DossierNumbers {

    private final YearlyNumbers numbers;

    public DossierNumbers(YearlyNumbers numbers) {
        this.numbers = numbers;
    }

    public String next() {
        return numbers.next(YearlyNumbers.Sequence.RAPID);
    }
}
