package io.agiledunning.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server of this JVM: GreenMail running in-process (any sender, no authentication), or
 * an existing server on the configured address, which is reused. Tests read what was sent with
 * {@link #receivedMessages()} / {@link #awaitMessages(int, Duration)}; that works only for the
 * in-process server. Settings: {@code agiledunning.smtp.port} (3025).
 */
public final class SmtpServer {

    private static final String HOST = "127.0.0.1";
    private static SmtpServer instance;

    private final int port;
    private final GreenMail greenMail;

    private SmtpServer(int port, GreenMail greenMail) {
        this.port = port;
        this.greenMail = greenMail;
    }

    public static synchronized SmtpServer start() {
        if (instance == null) {
            int port = Settings.getInt("agiledunning.smtp.port", 3025);
            GreenMail greenMail = null;
            if (!Network.isListening(HOST, port)) {
                greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP))
                        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
                greenMail.start();
                Shutdown.first(greenMail::stop);
            }
            instance = new SmtpServer(port, greenMail);
        }
        return instance;
    }

    /** All messages received since start (or the last {@link #purge()}). */
    public List<MimeMessage> receivedMessages() {
        return Arrays.asList(inProcess().getReceivedMessages());
    }

    /** Waits until at least {@code count} messages arrived; fails after the timeout. */
    public List<MimeMessage> awaitMessages(int count, Duration timeout) {
        if (!inProcess().waitForIncomingEmail(timeout.toMillis(), count)) {
            throw new AssertionError("Expected " + count + " mails within " + timeout.toSeconds() + " s, got " + receivedMessages().size());
        }
        return receivedMessages();
    }

    /** Deletes all received mails, so a test sees only its own. */
    public void purge() {
        try {
            inProcess().purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("Cannot purge GreenMail's mailboxes", e);
        }
    }

    private GreenMail inProcess() {
        if (greenMail == null) {
            throw new IllegalStateException("The SMTP server on " + HOST + ":" + port
                    + " was already running (local stack?) and is not this JVM's GreenMail: its mails cannot be read here. Stop it to run this test.");
        }
        return greenMail;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public boolean startedHere() {
        return greenMail != null;
    }
}
