package fr.defense.rapid.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting a stranger lock anyone out: failures are counted per
 * account and per client address; past the free attempts, the next attempt must wait a delay
 * that doubles at each failure, capped (a minute by default). While it waits, a login is refused
 * without checking the password, and the caller is told when to try again; a success clears the
 * account's count. Replaces the engine's own lock-out, which locks an account for good after ten
 * failures (see {@code login-max-attempts} in application.yaml).
 *
 * <p>Simultaneous attempts cannot outrun the count: one password check at a time per account, a
 * few per address ({@link #check}), each recording its outcome before the next one reads it.
 * Counts live in this node's memory: a restart forgets them, and each node of a cluster counts its own.
 */
@Component
class LoginThrottle {

    /** Beyond this many tracked keys, forgotten ones are dropped, and new accounts are no longer tracked (addresses still are). */
    private static final int MAX_TRACKED = 100_000;

    private static final int STRIPES = 1024;
    private static final int CHECKS_PER_ACCOUNT = 1;
    private static final int CHECKS_PER_ADDRESS = 8;
    /** Longer than a password check ever takes: past it, the caller is told to try again in a second. */
    private static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(5);

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Semaphore[] accountChecks = stripes(CHECKS_PER_ACCOUNT);
    private final Semaphore[] addressChecks = stripes(CHECKS_PER_ADDRESS);

    @Autowired
    public LoginThrottle(LoginThrottleSettings settings) {
        this(settings, Clock.systemUTC());
    }

    LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {}

    /** What became of a login: refused unchecked (wait that long), or checked, rightly or wrongly. */
    public record Attempt(Optional<Duration> retryAfter, boolean passwordMatched) {}

    /**
     * Checks the password ({@code check}) unless the login must wait, and records the outcome. A few
     * checks at a time per account and per address: a crowd of simultaneous guesses queues.
     */
    public Attempt check(String user, String address, BooleanSupplier check) {
        Semaphore account = stripe(accountChecks, account(user));
        Semaphore origin = stripe(addressChecks, address(address));
        if (!acquire(origin)) {
            return new Attempt(Optional.of(Duration.ofSeconds(1)), false);
        }
        try {
            if (!acquire(account)) {
                return new Attempt(Optional.of(Duration.ofSeconds(1)), false);
            }
            try {
                Optional<Duration> wait = waitBefore(user, address);
                if (wait.isPresent()) {
                    return new Attempt(wait, false);
                }
                boolean matched = check.getAsBoolean();
                if (matched) {
                    succeeded(user);
                } else {
                    failed(user, address);
                }
                return new Attempt(Optional.empty(), matched);
            } finally {
                account.release();
            }
        } finally {
            origin.release();
        }
    }

    /** How long this login must still wait, if it must. */
    Optional<Duration> waitBefore(String user, String address) {
        Instant now = clock.instant();
        Duration wait = max(
                remaining(account(user), settings.freeAttemptsPerAccount(), now),
                remaining(address(address), settings.freeAttemptsPerAddress(), now));
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> forgotten(f, now));
        }
        count(address(address), now);
        if (failures.size() <= 2 * MAX_TRACKED) {
            count(account(user), now);
        }
    }

    /** The owner got in: the account starts afresh (the address does not, or a guesser with an account of its own could reset it). */
    void succeeded(String user) {
        failures.remove(account(user));
    }

    private void count(String key, Instant now) {
        failures.compute(key, (k, f) -> new Failures(f == null || forgotten(f, now) ? 1 : f.count() + 1, now));
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

    private static boolean acquire(Semaphore semaphore) {
        try {
            return semaphore.tryAcquire(QUEUE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Semaphore[] stripes(int permits) {
        Semaphore[] stripes = new Semaphore[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Semaphore(permits, true);
        }
        return stripes;
    }

    private static Semaphore stripe(Semaphore[] stripes, String key) {
        return stripes[Math.floorMod(key.hashCode(), STRIPES)];
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** User ids are short; a longer "id" is a guesser's, kept short so that it costs no memory. */
    private static String account(String user) {
        String id = user == null ? "" : user;
        return "account:" + (id.length() > 64 ? id.substring(0, 64) : id);
    }

    private static String address(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
