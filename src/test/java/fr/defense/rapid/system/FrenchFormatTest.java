package fr.defense.rapid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The delays of the settings, as the mails and messages say them. */
class FrenchFormatTest {

    @Test
    void delaysAreWrittenAsTheProceduresWriteThem() {
        assertThat(FrenchFormat.period(Period.ofMonths(2))).isEqualTo("deux mois");
        assertThat(FrenchFormat.period(Period.ofMonths(3))).isEqualTo("trois mois");
        assertThat(FrenchFormat.period(Period.ofDays(7))).isEqualTo("7 jours");
        assertThat(FrenchFormat.period(Period.ofDays(1))).isEqualTo("1 jour");
        assertThat(FrenchFormat.period(Period.of(1, 6, 0))).isEqualTo("1 an et six mois");
        assertThat(FrenchFormat.duration(Duration.ofDays(21))).isEqualTo("21 jours");
        assertThat(FrenchFormat.duration(Duration.ofHours(36))).isEqualTo("36 heures");
    }

    @Test
    void fileSizesAreWrittenInFrenchUnits() {
        assertThat(FrenchFormat.size(20L * 1024 * 1024)).isEqualTo("20 Mo");
        assertThat(FrenchFormat.size(1_258_291L)).isEqualTo("1,2 Mo");
        assertThat(FrenchFormat.size(64 * 1024)).isEqualTo("64 Ko");
        assertThat(FrenchFormat.size(300)).isEqualTo("300 octets");
    }
}
