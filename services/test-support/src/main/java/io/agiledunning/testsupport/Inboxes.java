package io.agiledunning.testsupport;

import io.agiledunning.common.events.EventEnvelope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What a service's consumers have applied, read from its {@code inbox} table (docs/adr/0003-outbox-and-inbox.md). A
 * test that sends an event which must change nothing (a late, older version; a redelivery) waits for it here before
 * asserting — without it, the assertion could run before the event arrived and pass whatever the consumer does.
 */
public final class Inboxes {

    private Inboxes() {
    }

    /**
     * Waits until {@code consumer} of the service with database {@code database} applied (or knowingly skipped) {@code event};
     * the events sent before it on the same key were applied before it.
     */
    public static void awaitApplied(String database, String consumer, EventEnvelope event) {
        Eventually.within(Duration.ofSeconds(60), () -> {
            if (!applied(database, consumer, event)) {
                throw new AssertionError("%s has not applied %s %s yet".formatted(consumer, event.type(), event.eventId()));
            }
        });
    }

    private static boolean applied(String database, String consumer, EventEnvelope event) throws SQLException {
        try (Connection db = PostgresServer.start().superuserConnection(database);
             PreparedStatement query = db.prepareStatement("select 1 from inbox where consumer = ? and event_id = ?")) {
            query.setString(1, consumer);
            query.setObject(2, event.eventId());
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }
}
