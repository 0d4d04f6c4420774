package fr.defense.rapid.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How failed logins slow down the next attempts (no account is ever locked for good): after
 * {@code freeAttemptsPerAccount} failures on an account, or {@code freeAttemptsPerAddress} from one
 * client address, each further attempt waits {@code firstDelay}, doubled at each failure up to
 * {@code maxDelay}; failures older than {@code forgetAfter} no longer count.
 */
@ConfigurationProperties("rapid.security.login-throttle")
@Validated
record LoginThrottleSettings(
        @PositiveOrZero int freeAttemptsPerAccount,
        @PositiveOrZero int freeAttemptsPerAddress,
        @NotNull Duration firstDelay,
        @NotNull Duration maxDelay,
        @NotNull Duration forgetAfter) {}
