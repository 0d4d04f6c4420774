package fr.defense.rapid.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A notification's Message-ID: its identity at a domain, valid RFC 5322, one per identity. */
class MessageIdsTest {

    /** RFC 5322 § 3.6.4 msg-id with dot-atom-text on both sides (no obsolete or quoted forms). */
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

    private static final String MSG_ID = "<" + ATOM + "(\\." + ATOM + ")*@" + ATOM + "(\\." + ATOM + ")*>";

    @Test
    void aNotificationsMessageIdIsItsIdentityAtTheDomain() throws Exception {
        String id = MessageIds.of("4f1c2d3e-9e2a-11ef-8a5b-0242ac120002:NotifyAcknowledgment:1", "defense.gouv.fr");

        assertThat(id)
                .isEqualTo("<4f1c2d3e-9e2a-11ef-8a5b-0242ac120002.NotifyAcknowledgment.1@defense.gouv.fr>")
                .matches(MSG_ID);
        // JavaMail reads it back as an address in strict mode.
        new InternetAddress(id.substring(1, id.length() - 1), true).validate();
    }

    @Test
    void unusualCharactersAreWrittenOutSoThatTwoIdentitiesNeverShareOne() {
        String dotted = MessageIds.of("a.b:Relancer_l'PME:2", "rapid.example");
        String accented = MessageIds.of("ab:Étape=1:2", "rapid.example");

        assertThat(dotted).isEqualTo("<a=2Eb.Relancer_l=27PME.2@rapid.example>").matches(MSG_ID);
        assertThat(accented).isEqualTo("<ab.=C3=89tape=3D1.2@rapid.example>").matches(MSG_ID);
        assertThat(MessageIds.of("a:b.c:1", "x.example")).isNotEqualTo(MessageIds.of("a.b:c:1", "x.example"));
    }

    @Test
    void theDomainIsTheConfiguredOneElseTheSendersOne() {
        URI portal = URI.create("https://rapid.example/");
        assertThat(new NotificationSettings(new MailSettings("rapid@defense.gouv.fr", portal, "R5/PT5M", ""))
                        .getMessageIdDomain())
                .isEqualTo("defense.gouv.fr");
        assertThat(new NotificationSettings(
                                new MailSettings("rapid@defense.gouv.fr", portal, "R5/PT5M", "rapid.defense.gouv.fr"))
                        .getMessageIdDomain())
                .isEqualTo("rapid.defense.gouv.fr");
    }
}
