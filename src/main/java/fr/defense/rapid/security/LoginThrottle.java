package fr.defense.rapid.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting a stranger lock anyone out: failures are counted per
 * account and per client address; past the free attempts, the next attempt must wait a delay
 * that doubles at each failure, capped (a minute by default). While it waits, a login is refused
 * without checking the password, and the caller is told when to try again; a success clears the
 * account's count. Replaces the engine's own lock-out, which locks an account for good after ten
 * failures (see {@code login-max-attempts} in application.yaml). Counts live in this node's memory:
 * a restart forgets them, and each node of a cluster counts its own.
 */
@Component
public class LoginThrottle {

    /** Beyond this many tracked keys, forgotten ones are dropped at the next failure. */
    private static final int MAX_TRACKED = 100_000;

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Autowired
    public LoginThrottle(LoginThrottleSettings settings) {
        this(settings, Clock.systemUTC());
    }

    LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long this login must still wait, if it must. */
    public Optional<Duration> waitBefore(String user, String address) {
        Instant now = clock.instant();
        Duration wait = max(remaining(account(user), settings.freeAttemptsPerAccount(), now),
                remaining(address(address), settings.freeAttemptsPerAddress(), now));
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> forgotten(f, now));
        }
        for (String key : new String[] {account(user), address(address)}) {
            failures.compute(key, (k, f) -> new Failures(f == null || forgotten(f, now) ? 1 : f.count() + 1, now));
        }
    }

    /** The owner got in: the account starts afresh (the address does not, or a guesser with an account of its own could reset it). */
    public void succeeded(String user) {
        failures.remove(account(user));
    }

    private Duration remaining(String key, int free, Instant now) {
        Failures f = failures.get(key);
        if (f == null || forgotten(f, now) || f.count() <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(f.count() - free - 1, 30);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        if (delay.compareTo(settings.maxDelay()) > 0) {
            delay = settings.maxDelay();
        }
        return Duration.between(now, f.last().plus(delay));
    }

    private boolean forgotten(Failures f, Instant now) {
        return f.last().plus(settings.forgetAfter()).isBefore(now);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String account(String user) {
        return "account:" + (user == null ? "" : user);
    }

    private static String address(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
