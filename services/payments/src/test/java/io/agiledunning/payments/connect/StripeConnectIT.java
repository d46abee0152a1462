package io.agiledunning.payments.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.StripeAccountUpdated;
import io.agiledunning.common.events.StripeOnboardingStarted;
import io.agiledunning.common.events.Topics;
import io.agiledunning.testsupport.FakeStripeResource;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.PublishedEvents;
import io.agiledunning.testsupport.ServiceConfig;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.agiledunning.testsupport.stripe.FakeStripe;
import io.agiledunning.testsupport.stripe.FakeStripe.RecordedRequest;
import io.agiledunning.testsupport.stripe.StripeEvents;
import io.agiledunning.testsupport.stripe.StripeWebhookSender;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stripe Connect against real PostgreSQL, Keycloak and Kafka and the fake Stripe API, driven by the real
 * stripe-java client; webhooks are signed as Stripe signs them.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "payments"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(FakeStripeResource.class)
class StripeConnectIT {

    private static final FakeStripe STRIPE = ServiceConfig.fakeStripe();
    private static final StripeWebhookSender SIGNED = new StripeWebhookSender(FakeStripe.WEBHOOK_SECRET);

    private static TestTenant acme;
    private static TestTenant globex;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void tenants() {
        acme = TestTenants.create("connect-acme");
        globex = TestTenants.create("connect-globex");
    }

    @Test
    void startingOnboardingTwiceCreatesOneAccountAndAFreshLinkEachTime() {
        TestTenant tenant = TestTenants.create("connect-twice");
        String admin = tenant.adminToken();

        String first = startOnboarding(admin).statusCode(200)
                .body("url", startsWith("https://connect.stripe.com/setup/s/"))
                .extract().path("accountId");
        String second = startOnboarding(admin).statusCode(200).extract().path("accountId");

        assertEquals(first, second);
        List<ObjectNode> created = STRIPE.accountsWithMetadata("tenant_id", tenant.id().toString());
        assertEquals(1, created.size(), "accounts created at Stripe: " + created);
        assertEquals(first, created.getFirst().get("id").asText());
        assertEquals(tenant.alias(), created.getFirst().path("metadata").path("tenant_alias").asText());
        RecordedRequest creation = accountCreations(tenant).getFirst();
        assertEquals(1, accountCreations(tenant).size());
        assertEquals("standard", creation.params().get("type"));
        assertEquals("DE", creation.params().get("country"));
        assertEquals("agiledunning-connected-account-" + tenant.id(), creation.idempotencyKey());
        assertEquals("Bearer " + FakeStripe.SECRET_KEY, creation.authorization());

        List<RecordedRequest> links = STRIPE.requests("POST", "/v1/account_links").stream()
                .filter(r -> first.equals(r.params().get("account"))).toList();
        assertEquals(2, links.size(), "one single-use link per start");
        assertEquals("account_onboarding", links.getFirst().params().get("type"));
        assertEquals("http://127.0.0.1:8080/console/payments/stripe/return", links.getFirst().params().get("return_url"));
        assertEquals("http://127.0.0.1:8080/console/payments/stripe/refresh", links.getFirst().params().get("refresh_url"));

        connection(tenant.viewerToken()).statusCode(200)
                .body("accountId", equalTo(first))
                .body("chargesEnabled", equalTo(false))
                .body("payoutsEnabled", equalTo(false))
                .body("detailsSubmitted", equalTo(false))
                .body("cardPaymentsAvailable", equalTo(false))
                .body("reason", equalTo("ONBOARDING_INCOMPLETE"));

        relay.relayAll();
        List<String> published = PublishedEvents.valuesWithKey(Topics.PAYMENTS, tenant.id() + ":" + first);
        assertEquals(1, published.size(), "events: " + published);
        EventEnvelope started = read(published.getFirst());
        assertEquals("StripeOnboardingStarted", started.type());
        assertEquals(new StripeOnboardingStarted(first), started.payloadAs(StripeOnboardingStarted.class, json));
    }

    @Test
    void twoConcurrentFirstStartsShareOneAccount() {
        TestTenant tenant = TestTenants.create("connect-race");
        String admin = tenant.adminToken();

        var a = CompletableFuture.supplyAsync(() -> startOnboarding(admin).statusCode(200).extract().<String>path("accountId"));
        var b = CompletableFuture.supplyAsync(() -> startOnboarding(admin).statusCode(200).extract().<String>path("accountId"));

        assertEquals(a.join(), b.join());
        assertEquals(1, STRIPE.accountsWithMetadata("tenant_id", tenant.id().toString()).size());
        connection(admin).statusCode(200).body("accountId", equalTo(a.join()));
    }

    @Test
    void aSignedAccountUpdatedEnablesCardPaymentsAndIsPublished() {
        String account = connectedAccount(acme);
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String event = StripeEvents.accountUpdated(StripeEvents.newEventId(), created, STRIPE.updateAccount(account, true, true, true));

        assertEquals("APPLIED", deliveredAs(SIGNED.deliver(webhook(), event)));

        connection(acme.agentToken()).statusCode(200)
                .body("accountId", equalTo(account))
                .body("chargesEnabled", equalTo(true))
                .body("payoutsEnabled", equalTo(true))
                .body("detailsSubmitted", equalTo(true))
                .body("cardPaymentsAvailable", equalTo(true))
                .body("reason", nullValue())
                .body("stateAsOf", equalTo(created.toString()));
        relay.relayAll();
        List<StripeAccountUpdated> updates = accountUpdates(acme, account);
        assertEquals(List.of(new StripeAccountUpdated(account, true, true, true, true, created)), updates);
    }

    @Test
    void deliveriesNotSignedByStripeAreRefusedAndStoreNothing() {
        TestTenant tenant = TestTenants.create("connect-forged");
        String account = connectedAccount(tenant);
        Instant now = Instant.now();
        String event = StripeEvents.accountUpdated(StripeEvents.newEventId(), now, STRIPE.updateAccount(account, true, true, true));

        refused(StripeWebhookSender.deliver(webhook(), event, StripeWebhookSender.signature("whsec_someone_else", now, event)));
        refused(StripeWebhookSender.deliver(webhook(), event.replace("\"charges_enabled\":true", "\"charges_enabled\":false"),
                StripeWebhookSender.signature(FakeStripe.WEBHOOK_SECRET, now, event)));
        refused(StripeWebhookSender.deliver(webhook(), event,
                StripeWebhookSender.signature(FakeStripe.WEBHOOK_SECRET, now.minusSeconds(301), event)));
        refused(StripeWebhookSender.deliver(webhook(), event, null));
        refused(StripeWebhookSender.deliver(webhook(), event, "t=" + now.getEpochSecond() + ",v1=deadbeef"));

        connection(tenant.adminToken()).statusCode(200)
                .body("chargesEnabled", equalTo(false))
                .body("reason", equalTo("ONBOARDING_INCOMPLETE"));
        // Nothing was recorded: the same event, now properly signed, is applied for the first time.
        assertEquals("APPLIED", deliveredAs(SIGNED.deliver(webhook(), event)));
        relay.relayAll();
        assertEquals(1, accountUpdates(tenant, account).size());
    }

    @Test
    void aRedeliveredEventChangesNothingTheSecondTime() {
        TestTenant tenant = TestTenants.create("connect-dup");
        String account = connectedAccount(tenant);
        String event = StripeEvents.accountUpdated(StripeEvents.newEventId(), Instant.now(), STRIPE.updateAccount(account, false, false, true));

        assertEquals("APPLIED", deliveredAs(SIGNED.deliver(webhook(), event)));
        assertEquals("DUPLICATE", deliveredAs(SIGNED.deliver(webhook(), event)));

        connection(tenant.adminToken()).statusCode(200)
                .body("detailsSubmitted", equalTo(true))
                .body("cardPaymentsAvailable", equalTo(false))
                .body("reason", equalTo("CHARGES_DISABLED"));
        relay.relayAll();
        assertEquals(1, accountUpdates(tenant, account).size());
    }

    @Test
    void anOlderEventDeliveredLateNeverOverwritesANewerState() {
        TestTenant tenant = TestTenants.create("connect-order");
        String account = connectedAccount(tenant);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String older = StripeEvents.accountUpdated(StripeEvents.newEventId(), t.minusSeconds(60), STRIPE.updateAccount(account, false, false, true));
        String newer = StripeEvents.accountUpdated(StripeEvents.newEventId(), t, STRIPE.updateAccount(account, true, false, true));

        assertEquals("APPLIED", deliveredAs(SIGNED.deliver(webhook(), newer)));
        assertEquals("STALE", deliveredAs(SIGNED.deliver(webhook(), older)));

        connection(tenant.adminToken()).statusCode(200)
                .body("chargesEnabled", equalTo(true))
                .body("cardPaymentsAvailable", equalTo(true))
                .body("stateAsOf", equalTo(t.toString()));

        // Same second as the stored state: the order cannot be told, so Stripe's current state is read.
        STRIPE.updateAccount(account, true, true, true);
        String sameSecond = StripeEvents.accountUpdated(StripeEvents.newEventId(), t, stateOf(account, false, false, false));
        assertEquals("REFETCHED", deliveredAs(SIGNED.deliver(webhook(), sameSecond)));
        assertEquals(1, STRIPE.requests("GET", "/v1/accounts/" + account).size());
        connection(tenant.adminToken()).statusCode(200)
                .body("chargesEnabled", equalTo(true))
                .body("payoutsEnabled", equalTo(true));

        relay.relayAll();
        assertEquals(List.of(new StripeAccountUpdated(account, true, false, true, true, t),
                new StripeAccountUpdated(account, true, true, true, true, t)), accountUpdates(tenant, account));
    }

    @Test
    void anotherTenantSeesNothingAndOnboardsOnlyItsOwnAccount() {
        String acmeAccount = connectedAccount(acme);
        TestTenant fresh = TestTenants.create("connect-none");

        String none = connection(fresh.adminToken()).statusCode(200).extract().asString();
        String globexView = connection(globex.adminToken()).statusCode(200)
                .body("accountId", nullValue())
                .body("cardPaymentsAvailable", equalTo(false))
                .body("reason", equalTo("NOT_CONNECTED"))
                .extract().asString();
        assertEquals(none, globexView, "another tenant's answer must equal the answer for no account");

        String globexAccount = startOnboarding(globex.adminToken()).statusCode(200).extract().path("accountId");
        assertNotEquals(acmeAccount, globexAccount);
        connection(acme.adminToken()).statusCode(200).body("accountId", equalTo(acmeAccount));

        // Acme's account enabled at Stripe changes Acme only.
        String event = StripeEvents.accountUpdated(StripeEvents.newEventId(), Instant.now(), STRIPE.updateAccount(acmeAccount, true, true, true));
        assertEquals("APPLIED", deliveredAs(SIGNED.deliver(webhook(), event)));
        connection(globex.adminToken()).statusCode(200)
                .body("accountId", equalTo(globexAccount))
                .body("chargesEnabled", equalTo(false));

        // An account that is no tenant's is acknowledged and ignored.
        ObjectNode stranger = stateOf("acct_" + "NotOurs0000000001", true, true, true);
        assertEquals("IGNORED", deliveredAs(SIGNED.deliver(webhook(), StripeEvents.accountUpdated(StripeEvents.newEventId(), Instant.now(), stranger))));
    }

    @Test
    void eventsOfTheOtherModeAreAcknowledgedAndIgnored() {
        TestTenant tenant = TestTenants.create("connect-live");
        String account = connectedAccount(tenant);
        String live = StripeEvents.accountUpdated(StripeEvents.newEventId(), Instant.now(), STRIPE.updateAccount(account, true, true, true))
                .replace("\"livemode\":false", "\"livemode\":true");

        assertEquals("IGNORED", deliveredAs(SIGNED.deliver(webhook(), live)));

        connection(tenant.adminToken()).statusCode(200)
                .body("chargesEnabled", equalTo(false))
                .body("stateAsOf", nullValue());
    }

    @Test
    void onlyTheTenantAdminStartsOnboarding() {
        TestTenant tenant = TestTenants.create("connect-roles");
        int before = STRIPE.requests("POST", "/v1/accounts").size();

        startOnboarding(tenant.agentToken()).statusCode(403).body("code", equalTo("FORBIDDEN"));
        startOnboarding(tenant.viewerToken()).statusCode(403).body("code", equalTo("FORBIDDEN"));
        startOnboarding(TestTenants.platformAdminToken()).statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().post("/api/stripe/connection/onboarding").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/stripe/connection").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));

        assertEquals(before, STRIPE.requests("POST", "/v1/accounts").size(), "a refused caller reached Stripe");
        connection(tenant.agentToken()).statusCode(200).body("reason", equalTo("NOT_CONNECTED"));
    }

    private static ValidatableResponse startOnboarding(String token) {
        return given().auth().oauth2(token).post("/api/stripe/connection/onboarding").then().log().ifValidationFails();
    }

    private static ValidatableResponse connection(String token) {
        return given().auth().oauth2(token).get("/api/stripe/connection").then().log().ifValidationFails();
    }

    private static String connectedAccount(TestTenant tenant) {
        return startOnboarding(tenant.adminToken()).statusCode(200).extract().path("accountId");
    }

    private static List<RecordedRequest> accountCreations(TestTenant tenant) {
        return STRIPE.requests("POST", "/v1/accounts").stream()
                .filter(r -> tenant.id().toString().equals(r.params().get("metadata[tenant_id]")))
                .toList();
    }

    private static ObjectNode stateOf(String account, boolean charges, boolean payouts, boolean details) {
        ObjectNode state = new ObjectMapper().createObjectNode();
        state.put("id", account);
        state.put("object", "account");
        state.put("charges_enabled", charges);
        state.put("payouts_enabled", payouts);
        state.put("details_submitted", details);
        return state;
    }

    private static URI webhook() {
        return URI.create("http://127.0.0.1:" + RestAssured.port + "/webhooks/stripe");
    }

    private String deliveredAs(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        try {
            return json.readTree(response.body()).path("delivery").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private void refused(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        try {
            var body = json.readTree(response.body());
            assertEquals("VALIDATION", body.path("code").asText(), response.body());
            assertEquals("Stripe-Signature", body.path("fields").path(0).path("field").asText(), response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private List<StripeAccountUpdated> accountUpdates(TestTenant tenant, String account) {
        return PublishedEvents.valuesWithKey(Topics.PAYMENTS, tenant.id() + ":" + account).stream()
                .map(this::read)
                .filter(e -> e.type().equals("StripeAccountUpdated"))
                .map(e -> e.payloadAs(StripeAccountUpdated.class, json))
                .toList();
    }

    private EventEnvelope read(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError("not an envelope: " + value, e);
        }
    }
}
