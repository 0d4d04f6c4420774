package fr.defense.rapid.mediation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The mediation service's commitments and deadlines (docs/procedures.md §3) under {@code rapid.mediation}.
 *
 * @param answerWorkingDays      substantive or holding answer within this many French working days
 * @param firstContact           first contact with the SME, from the filing
 * @param levelOneTarget         target duration of the correspondent's mediation
 * @param levelTwoTarget         target duration of the ministry mediator's mediation
 * @param renewal                the one renewal a level may get, with the parties' agreement
 * @param surveyPeriod           how long the satisfaction survey stays open
 * @param nationalMediatorEmail  where level 3 sends the case file (the Médiateur des entreprises)
 * @param ecbRates               the ECB rate table (CSV), data that administrators keep up to date
 */
@ConfigurationProperties("rapid.mediation")
@Validated
public record MediationSettings(
        @Positive int answerWorkingDays,
        @NotNull Period firstContact,
        @NotNull Period levelOneTarget,
        @NotNull Period levelTwoTarget,
        @NotNull Period renewal,
        @NotNull Period surveyPeriod,
        @NotBlank @Email String nationalMediatorEmail,
        @NotNull Resource ecbRates) {}
