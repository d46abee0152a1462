package io.agiledunning.payments.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.payments.config.PaymentsConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * Accepts a webhook delivery only if Stripe signed it: stripe-java's {@link Webhook#constructEvent} checks the
 * {@code Stripe-Signature} (HMAC-SHA256 of timestamp and raw body with the endpoint's secret) and the timestamp's
 * age against the injected clock.
 */
@ApplicationScoped
public class StripeWebhookVerifier {

    public static final String SIGNATURE_HEADER = "Stripe-Signature";

    /**
     * A verified event. {@code dataObject} is read from the raw JSON, not from stripe-java's model: an event
     * rendered in another API version than the library's deserializes to an empty object there.
     */
    public record VerifiedEvent(String id, String type, Instant created, boolean livemode, JsonNode dataObject) {
    }

    private final PaymentsConfig.Stripe config;
    private final ObjectMapper json;
    private final Clock clock;

    public StripeWebhookVerifier(PaymentsConfig config, ObjectMapper json, Clock clock) {
        this.config = config.stripe();
        this.json = json;
        this.clock = clock;
    }

    /** @throws ApiException VALIDATION naming the header or the body when the delivery is not Stripe's */
    public VerifiedEvent verify(String payload, String signature) {
        String secret = config.webhookSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new ApiException(ErrorCode.UNAVAILABLE,
                "Stripe webhooks are not set up on this platform (no signing secret configured)"));
        if (signature == null || signature.isBlank()) {
            throw ApiException.invalid(SIGNATURE_HEADER, "missing: only Stripe's signed deliveries are accepted");
        }
        if (payload == null || payload.isBlank()) {
            throw ApiException.invalid("body", "empty: expected a Stripe event");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret, config.signatureTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw ApiException.invalid(SIGNATURE_HEADER, "does not verify: not signed with this endpoint's secret for this body, "
                    + "or older than " + config.signatureTolerance().toSeconds() + " s");
        } catch (RuntimeException e) {
            throw ApiException.invalid("body", "not a Stripe event");
        }
        try {
            JsonNode raw = json.readTree(payload);
            if (event.getId() == null || event.getType() == null || event.getCreated() == null) {
                throw ApiException.invalid("body", "a Stripe event needs id, type and created");
            }
            return new VerifiedEvent(event.getId(), event.getType(), Instant.ofEpochSecond(event.getCreated()),
                    Boolean.TRUE.equals(event.getLivemode()), raw.path("data").path("object"));
        } catch (IOException e) {
            throw ApiException.invalid("body", "not a Stripe event");
        }
    }

    public boolean forThisPlatform(VerifiedEvent event) {
        return event.livemode() == config.livemode();
    }
}
