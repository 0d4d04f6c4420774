package fr.defense.rapid.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * An SMTP relay between the application and the test SMTP server that can keep the server's
 * acceptance of a mail (its {@code 250} answer to the mail's final {@code .}) from reaching the
 * application: the server has the mail, the application cannot know it. The moment SMTP cannot
 * tell apart from a refusal, made deterministic. It can also refuse a recipient itself, as a server
 * does. Everything else is passed on as it is.
 */
public final class SmtpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final AtomicReference<Consumer<Session>> onNextAcceptance = new AtomicReference<>();
    private volatile CompletableFuture<Session> held = new CompletableFuture<>();
    private final AtomicBoolean refuseNextRecipient = new AtomicBoolean();

    /** Listens on a free port of 127.0.0.1 and relays to the SMTP server on {@code serverPort}. */
    public SmtpRelay(int serverPort) {
        this.serverPort = serverPort;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::acceptSessions, "smtp-relay-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * The next acceptance is held: the server has taken the mail, its answer waits, the application
     * waits for it ({@link #awaitHeldAcceptance}, then {@link #dropHeldAcceptance}).
     */
    public void holdNextAcceptance() {
        held = new CompletableFuture<>();
        CompletableFuture<Session> mine = held;
        onNextAcceptance.set(mine::complete);
    }

    /** Waits until an acceptance is held: the SMTP server has the mail. */
    public void awaitHeldAcceptance(Duration timeout) throws Exception {
        held.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the held session without passing the acceptance on. */
    public void dropHeldAcceptance() {
        held.join().close();
    }

    /** The next acceptance is lost: its session is closed instead, as a connection lost at that moment. */
    public void loseNextAcceptance() {
        onNextAcceptance.set(Session::close);
    }

    /** The next recipient is refused ({@code 550}) as a server refuses an unknown mailbox: nothing is sent. */
    public void refuseNextRecipient() {
        refuseNextRecipient.set(true);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private void acceptSessions() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                Session session = new Session(client, server);
                start(session::clientToServer, "smtp-relay-client");
                start(session::serverToClient, "smtp-relay-server");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void start(Runnable pump, String name) {
        Thread thread = new Thread(pump, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** One SMTP session: what the client sends goes to the server line by line, and back. */
    final class Session {
        private final Socket client;
        private final Socket server;
        /** The server answered 354 to DATA: the client's lines are the mail until the lone ".". */
        private volatile boolean inData;
        /** The mail's final "." went to the server: its next 250 accepts the mail. */
        private volatile boolean mailEnded;

        Session(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void clientToServer() {
            try {
                InputStream in = new BufferedInputStream(client.getInputStream());
                OutputStream out = server.getOutputStream();
                for (byte[] line = readLine(in); line != null; line = readLine(in)) {
                    String text = new String(line, StandardCharsets.US_ASCII);
                    if (!inData
                            && text.regionMatches(true, 0, "RCPT TO:", 0, 8)
                            && refuseNextRecipient.compareAndSet(true, false)) {
                        OutputStream toClient = client.getOutputStream();
                        toClient.write("550 5.1.1 Mailbox unavailable\r\n".getBytes(StandardCharsets.US_ASCII));
                        toClient.flush();
                        continue;
                    }
                    if (inData && ".\r\n".equals(text)) {
                        inData = false;
                        // Before the "." leaves: the server's answer cannot come first.
                        mailEnded = true;
                    }
                    out.write(line);
                    out.flush();
                }
            } catch (IOException ended) {
                // either side closed
            }
            close();
        }

        void serverToClient() {
            try {
                InputStream in = new BufferedInputStream(server.getInputStream());
                OutputStream out = client.getOutputStream();
                for (byte[] line = readLine(in); line != null; line = readLine(in)) {
                    String answer = new String(line, StandardCharsets.US_ASCII);
                    if (answer.startsWith("354")) {
                        inData = true;
                    }
                    if (mailEnded && answer.startsWith("250")) {
                        mailEnded = false;
                        Consumer<Session> action = onNextAcceptance.getAndSet(null);
                        if (action != null) {
                            // The answer stays here, the sockets open: the session is held, or closed by the action.
                            action.accept(this);
                            return;
                        }
                    }
                    out.write(line);
                    out.flush();
                }
            } catch (IOException ended) {
                // either side closed
            }
            close();
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /** One line with its CRLF, as bytes (a mail's 8-bit content passes unchanged); null at the end. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }
}
