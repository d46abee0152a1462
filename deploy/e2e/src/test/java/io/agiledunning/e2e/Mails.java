package io.agiledunning.e2e;

import io.agiledunning.testsupport.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;

/** Mail the platform sent, read from the test SMTP server. */
final class Mails {

    private Mails() {
    }

    /** The first mail to {@code recipient}, waiting up to 30 s for it. */
    static MimeMessage to(String recipient) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : SmtpServer.start().receivedMessages()) {
                if (message.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(recipient)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + recipient);
    }
}
