package fr.defense.rapid.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Mail settings are checked when the application starts, not when the first mail fails. */
class MailSettingsTest {

    @Configuration
    @EnableConfigurationProperties(MailSettings.class)
    static class Settings {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void validSettingsBind() {
        context.withPropertyValues(
                        "rapid.mail.from=rapid@defense.gouv.fr",
                        "rapid.mail.portal-url=https://rapid.example/",
                        "rapid.mail.retry-cycle=R5/PT5M")
                .run(started -> assertThat(started.getBean(MailSettings.class).retryCycle())
                        .isEqualTo("R5/PT5M"));
    }

    @Test
    void aMessageIdDomainThatIsNoDomainStopsTheStart() {
        context.withPropertyValues(
                        "rapid.mail.from=rapid@defense.gouv.fr",
                        "rapid.mail.portal-url=https://rapid.example/",
                        "rapid.mail.retry-cycle=R5/PT5M",
                        "rapid.mail.message-id-domain=defense gouv>fr")
                .run(started -> assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("rapid.mail.messageIdDomain"));
        context.withPropertyValues(
                        "rapid.mail.from=rapid@defense.gouv.fr",
                        "rapid.mail.portal-url=https://rapid.example/",
                        "rapid.mail.retry-cycle=R5/PT5M",
                        "rapid.mail.message-id-domain=rapid.defense.gouv.fr")
                .run(started -> assertThat(started.getBean(MailSettings.class).messageIdDomain())
                        .isEqualTo("rapid.defense.gouv.fr"));
    }

    @Test
    void aSenderThatIsNoAddressOrAMalformedRetryCycleStopsTheStart() {
        context.withPropertyValues(
                        "rapid.mail.from=personne",
                        "rapid.mail.portal-url=https://rapid.example/",
                        "rapid.mail.retry-cycle=5 fois")
                .run(started -> assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("rapid.mail.from")
                        .hasMessageContaining("rapid.mail.retryCycle"));
    }
}
