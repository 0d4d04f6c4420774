package fr.defense.rapid.account;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Account settings ({@code rapid.accounts.*}), checked at start-up.
 *
 * @param confirmationValidity how long the link that confirms a new account's e-mail address works
 * @param passwordResetValidity how long a password-reset link works
 * @param passwordResetMailInterval the least time between two password-reset mails to one account
 * @param invitationValidity   how long the link inviting a colleague into a company works
 */
@ConfigurationProperties("rapid.accounts")
@Validated
record AccountSettings(
        @NotNull Duration confirmationValidity,
        @NotNull Duration passwordResetValidity,
        @NotNull Duration passwordResetMailInterval,
        @NotNull Duration invitationValidity) {}
