package fr.defense.rapid.account;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Password-reset requests are served off the request's thread, one at a time: the page answers at
 * once, in the same time whether the address is an account's (a token, a mail to the SMTP server)
 * or not (nothing), so its speed tells a stranger nothing. One thread and a bounded queue: a flood
 * of requests costs a few hundred pending ones at most; beyond, they are dropped and logged.
 */
@Component
class PasswordResetQueue {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetQueue.class);
    private static final int CAPACITY = 200;

    private final PasswordResetMails mails;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(CAPACITY),
            task -> {
                Thread thread = new Thread(task, "password-reset-requests");
                thread.setDaemon(true);
                return thread;
            },
            (task, pool) -> log.warn("Password-reset request dropped: {} requests already wait", CAPACITY));

    PasswordResetQueue(PasswordResetMails mails) {
        this.mails = mails;
    }

    /** Serves the request later; the client address is taken now, while the request is being served. */
    void submit(String email, String clientAddress) {
        executor.execute(() -> {
            try {
                mails.request(email, clientAddress);
            } catch (RuntimeException e) {
                // Never the address nor the token: the exception's class and message say enough.
                log.warn(
                        "Password-reset request not served: {}: {}",
                        e.getClass().getSimpleName(),
                        e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
