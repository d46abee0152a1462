package io.agiledunning.testsupport.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Stripe event objects as a webhook delivers them ({@code object: "event"}, the changed object under {@code data.object}). */
public final class StripeEvents {

    /** The API version the fake's events are rendered in (stripe-java 33.3.0's own). */
    public static final String API_VERSION = "2026-07-29.dahlia";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StripeEvents() {
    }

    /** A new event id, {@code evt_…}. */
    public static String newEventId() {
        return "evt_" + FakeStripe.randomId(24);
    }

    /**
     * An {@code account.updated} event of a Connect webhook: {@code account} names the connected account,
     * {@code data.object} is the account as it was when the event was {@code created}.
     */
    public static String accountUpdated(String eventId, Instant created, ObjectNode account) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("account", account.get("id").asText());
        event.put("api_version", API_VERSION);
        event.put("created", created.getEpochSecond());
        event.putObject("data").set("object", account);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        event.put("type", "account.updated");
        try {
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
