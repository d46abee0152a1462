package io.agiledunning.payments.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.payments.connect.AccountState;
import io.agiledunning.payments.connect.StripeConnect;
import io.agiledunning.payments.connect.StripeConnect.Delivery;
import io.agiledunning.payments.stripe.StripeWebhookVerifier;
import io.agiledunning.payments.stripe.StripeWebhookVerifier.VerifiedEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

/**
 * Stripe's Connect webhook endpoint: public (Stripe has no token), trusted only through the signature.
 * 2xx tells Stripe the event is handled (also when it is ignored); 400 (bad signature or body) stores
 * nothing; 503 (Stripe unreachable for a re-read) makes Stripe deliver again later.
 */
@Path("/webhooks/stripe")
@PermitAll
public class StripeWebhookResource {

    private static final Logger LOG = Logger.getLogger(StripeWebhookResource.class);
    static final String ACCOUNT_UPDATED = "account.updated";

    public record Received(Delivery delivery) {
    }

    private final StripeWebhookVerifier verifier;
    private final StripeConnect connect;

    public StripeWebhookResource(StripeWebhookVerifier verifier, StripeConnect connect) {
        this.verifier = verifier;
        this.connect = connect;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Received> receive(String payload, @HeaderParam(StripeWebhookVerifier.SIGNATURE_HEADER) String signature) {
        VerifiedEvent event = verifier.verify(payload, signature);
        if (!verifier.forThisPlatform(event)) {
            LOG.warnf("Stripe event %s has livemode=%s, which this platform does not process", event.id(), event.livemode());
            return Uni.createFrom().item(new Received(Delivery.IGNORED));
        }
        if (!ACCOUNT_UPDATED.equals(event.type())) {
            return Uni.createFrom().item(new Received(Delivery.IGNORED));
        }
        return connect.accountUpdated(event.id(), event.created(), account(event.dataObject())).map(Received::new);
    }

    private static AccountState account(JsonNode object) {
        if (!"account".equals(object.path("object").asText()) || !object.path("id").asText().startsWith("acct_")) {
            throw ApiException.invalid("data.object", "an account.updated event carries an account");
        }
        return new AccountState(object.get("id").asText(), object.path("charges_enabled").asBoolean(false),
                object.path("payouts_enabled").asBoolean(false), object.path("details_submitted").asBoolean(false));
    }
}
