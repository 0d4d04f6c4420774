package fr.defense.rapid.security;

import fr.defense.rapid.system.Messages;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused without checking the password: too many failures, try again after {@link #retryAfter()}. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super(message(retryAfter));
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up: what the Retry-After header and the message say. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    static String message(Duration wait) {
        long seconds = seconds(wait);
        return Messages.get(seconds > 1 ? "refusal.throttled.many" : "refusal.throttled.one", seconds);
    }
}
