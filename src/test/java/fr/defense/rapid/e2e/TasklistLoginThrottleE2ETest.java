package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.security.Groups;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.WebappSession;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * After a stranger's guesses, the owner sees in Tasklist's own login page, in French, when to try
 * again, and gets in once the wait is over (a second at most in the test profile).
 */
@AppTest
class TasklistLoginThrottleE2ETest {

    private static final String OWNER = "victime-navigateur";
    private static final String PASSWORD = "Chaussure-Lampadaire-42";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @RegisterExtension
    final TasklistBrowser browser = new TasklistBrowser();

    @Test
    void theOwnerIsToldWhenToTryAgainThenGetsIn() throws Exception {
        User user = identity.newUser(OWNER);
        user.setFirstName("Agnès");
        user.setLastName("Essai");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(OWNER, Groups.EXPERTS);

        // The stranger keeps guessing while the owner logs in (the test profile's wait is a second at most).
        AtomicBoolean guessing = new AtomicBoolean(true);
        Thread stranger = new Thread(() -> {
            for (int i = 0; guessing.get(); i++) {
                WebappSession.login(port, OWNER, "devinette-" + i, "tasklist");
            }
        });
        TasklistPage tasklist = browser.page();
        String refusal;
        try {
            refusal = tasklist.refusedLogIn(OWNER, PASSWORD, () -> {
                stranger.start();
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        WebappSession.login(port, OWNER, "devinette", "tasklist").loginStatus() == 429);
            });
            browser.screenshot("tasklist-login-throttled");
        } finally {
            guessing.set(false);
            stranger.join();
        }
        assertThat(refusal).containsPattern("Trop de tentatives de connexion\\. Réessayez dans \\d+ secondes?\\.");

        Thread.sleep(1_500);
        tasklist.logIn(OWNER, PASSWORD);
        assertThat(tasklist.loggedInUser()).contains("Agnès");
    }
}
