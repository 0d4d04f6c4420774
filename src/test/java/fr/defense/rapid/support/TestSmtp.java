package fr.defense.rapid.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server in the test JVM (GreenMail) for the whole test run, on a free port that
 * reaches Spring as {@code rapid.test.smtp-port}. Tests may stop it (SMTP down) and start it
 * again on the same port.
 */
public class TestSmtp implements LauncherSessionListener {

    private static final List<MimeMessage> BEFORE_LAST_STOP = new ArrayList<>();
    private static int port;
    private static GreenMail server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        port = freePort();
        System.setProperty("rapid.test.smtp-port", String.valueOf(port));
        start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    /** The server's port on 127.0.0.1. */
    public static int port() {
        return port;
    }

    public static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            // SMTP first, then the copy: a mail accepted between a copy and the stop would be lost from
            // received() (GreenMail forgets its mails when it stops), although its sender was told 250.
            server.getSmtp().stopService();
            BEFORE_LAST_STOP.addAll(List.of(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    /** Every mail the server has accepted during this test run. */
    public static synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(BEFORE_LAST_STOP);
        if (server != null) {
            all.addAll(List.of(server.getReceivedMessages()));
        }
        return all;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body part of the given type of a received mail, wherever Spring's MimeMessageHelper nested it (attachments aside). */
    public static String part(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
