package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.StaffUsers;
import fr.defense.rapid.support.WebappSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * After a stranger's guesses, the owner sees in Tasklist's own login page, in French, when to try
 * again, and gets in once the wait is over (a second at most in the test profile).
 */
@Tag("browser")
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
        StaffUsers.newExpert(identity, OWNER, "Agnès", PASSWORD);

        // A stranger keeps guessing; whoever types in Tasklist meanwhile is told, in French, to wait.
        // (The wait is a second at most in the test profile: the message may take a few tries.)
        AtomicBoolean guessing = new AtomicBoolean(true);
        Thread stranger = new Thread(() -> {
            // A guess every 50 ms keeps the account throttled without taking a core from the
            // browser (a busy loop on a 2-core CI machine left Tasklist's page unrendered for 20 s).
            for (int i = 0; guessing.get(); i++) {
                WebappSession.login(port, OWNER, "devinette-" + i, "tasklist");
                pause(50);
            }
        });
        TasklistPage tasklist = browser.page();
        List<String> shown = new ArrayList<>();
        try {
            stranger.start();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> WebappSession.login(port, OWNER, "devinette", "tasklist")
                                    .loginStatus()
                            == 429);
            for (int i = 0; i < 10 && shown.stream().noneMatch(text -> text.contains("Trop de tentatives")); i++) {
                shown.add(tasklist.refusedLogIn(OWNER, "encore-une-devinette"));
            }
            browser.screenshot("tasklist-login-throttled");
        } finally {
            guessing.set(false);
            stranger.join();
        }
        assertThat(shown)
                .anySatisfy(refusal -> assertThat(refusal)
                        .containsPattern("Trop de tentatives de connexion\\. Réessayez dans \\d+ secondes?\\."));

        // The stranger gone, the owner waits out the last delay and gets in: nobody is locked out.
        Thread.sleep(1_500);
        tasklist.logIn(OWNER, PASSWORD);
        assertThat(tasklist.loggedInUser("Agnès")).contains("Agnès");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
