package io.agiledunning.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Sends the Quarkus Mailer's mails to GreenMail ({@code quarkus.mailer.host/port},
 * {@code quarkus.mailer.mock=false}). Tests read them with {@code SmtpServer.start().awaitMessages(...)}.
 */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return ServiceConfig.mailer();
    }

    @Override
    public void stop() {
        // Shared by all test classes of the JVM; stopped by a shutdown hook.
    }
}
