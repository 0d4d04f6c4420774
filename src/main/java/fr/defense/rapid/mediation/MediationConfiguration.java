package fr.defense.rapid.mediation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The late-payment computation reads the ECB rate table that the settings point to. */
@Configuration
class MediationConfiguration {

    @Bean
    LatePaymentInterest latePaymentInterest(MediationSettings settings) {
        try (InputStream csv = settings.ecbRates().getInputStream()) {
            return new LatePaymentInterest(EcbRates.read(csv));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ECB rate table " + settings.ecbRates(), e);
        }
    }
}
