package fr.defense.rapid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, on a clock the test moves: free attempts, doubling, cap, per account and per address. */
class LoginThrottleUnitTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleSettings(3, 10, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(15)),
            clock);

    @Test
    void threeFailuresAreFreeThenTheWaitDoublesUpToAMinute() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitBefore("expert", "10.0.0.1")).isEmpty();
            throttle.failed("expert", "10.0.0.1");
        }
        assertThat(throttle.waitBefore("expert", "10.0.0.1")).isEmpty();
        throttle.failed("expert", "10.0.0.1");
        assertThat(throttle.waitBefore("expert", "10.0.0.1")).contains(Duration.ofSeconds(1));
        throttle.failed("expert", "10.0.0.1");
        assertThat(throttle.waitBefore("expert", "10.0.0.1")).contains(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            throttle.failed("expert", "10.0.0.1");
        }
        assertThat(throttle.waitBefore("expert", "10.0.0.1")).contains(Duration.ofMinutes(1));
        clock.pass(Duration.ofSeconds(59));
        assertThat(throttle.waitBefore("expert", "10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.pass(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("expert", "10.0.0.1")).isEmpty();
    }

    @Test
    void theAccountIsSlowedFromEveryAddressAndTheOwnersSuccessClearsIt() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("expert", "198.51.100." + i);
        }
        assertThat(throttle.waitBefore("expert", "10.0.0.1")).isPresent();
        assertThat(throttle.waitBefore("committee", "10.0.0.1")).isEmpty();
        clock.pass(Duration.ofSeconds(2));
        throttle.succeeded("expert");
        assertThat(throttle.waitBefore("expert", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressThatGuessesManyAccountsIsSlowedAndALoginOfItsOwnDoesNotClearIt() {
        for (int i = 0; i < 11; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }
        assertThat(throttle.waitBefore("anyone", "203.0.113.7")).contains(Duration.ofSeconds(1));
        throttle.succeeded("user0");
        assertThat(throttle.waitBefore("anyone", "203.0.113.7")).isPresent();
        assertThat(throttle.waitBefore("anyone", "192.0.2.1")).isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuarterOfAnHour() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("expert", "10.0.0.1");
        }
        clock.pass(Duration.ofMinutes(16));
        throttle.failed("expert", "10.0.0.1");
        assertThat(throttle.waitBefore("expert", "10.0.0.1")).isEqualTo(Optional.empty());
    }

    @Test
    void simultaneousGuessesQueueAndCannotOutrunTheCount() throws Exception {
        AtomicInteger checked = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService crowd = Executors.newFixedThreadPool(50);
        List<Future<LoginThrottle.Attempt>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            attempts.add(crowd.submit(() -> {
                start.await();
                return throttle.check("admin", "198.51.100.9", () -> {
                    checked.incrementAndGet();
                    sleep(20);
                    return false;
                });
            }));
        }
        start.countDown();
        long refusedUnchecked = 0;
        for (Future<LoginThrottle.Attempt> attempt : attempts) {
            refusedUnchecked += attempt.get().retryAfter().isPresent() ? 1 : 0;
        }
        crowd.shutdown();
        // One check at a time per account: three free failures, the fourth attempt checked, then everyone waits.
        assertThat(checked.get()).isEqualTo(4);
        assertThat(refusedUnchecked).isEqualTo(50 - checked.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T08:00:00Z");

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
