package io.agiledunning.cases.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Placement;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.PaymentRecorded;
import io.agiledunning.common.events.Topics;
import io.agiledunning.common.money.Money;
import io.agiledunning.testsupport.EventSender;
import io.agiledunning.testsupport.Eventually;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.PublishedEvents;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Payments recorded by the payments service reach the case over Kafka and are allocated by the legal engine, stored
 * line by line and stated: every figure below derived by hand.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class PaymentAllocationIT {

    private static TestTenant acme;
    private static TestTenant globex;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxRelay relay;

    @BeforeAll
    static void setUp() {
        acme = TestTenants.create("pay-acme");
        globex = TestTenants.create("pay-globex");
    }

    @Test
    void aPaymentIsAllocatedCostsThenInterestThenPrincipalToTheMoreBurdensomeClaimAndStatedOnce() throws Exception {
        String debtor = "D-" + UUID.randomUUID();
        String older = "INV-A-" + UUID.randomUUID();
        String newer = "INV-B-" + UUID.randomUUID();
        String caseId = place(acme, debtor, older, "2025-01-01", "2025-01-15", "1000.00").statusCode(201)
                .extract().path("case.id");
        place(acme, debtor, newer, "2025-03-01", "2025-03-15", "500.00").statusCode(201);

        // 100.00 EUR paid on 2025-03-31. Claim A (business debtor) is in default since 2025-02-14 (30 days after due
        // and receipt), so it carries the EUR 40 flat fee and interest 2025-02-15..2025-03-30 = 44 days at
        // 2.27 + 9 = 11.27 %: 1000 × 11.27 × 44 / 36500 = 13.5857… → 13.59. Claim B fell due on 2025-03-15 but is not
        // in default before 2025-04-14: no interest. Both are due; § 366(2): the more burdensome (higher rate) first → A.
        // § 367(1) within A: costs 40.00, interest 13.59, principal 100 − 53.59 = 46.41.
        EventEnvelope payment = paymentRecorded(acme, UUID.fromString(caseId), Money.of("100.00", "EUR"), "2025-03-31");
        publish(payment);
        publish(payment); // a redelivery must not allocate twice
        // The tenant is the event's: globex naming acme's case finds no case and allocates nothing.
        publish(paymentRecorded(globex, UUID.fromString(caseId), Money.of("999.00", "EUR"), "2025-03-31"));
        // Another currency is never dropped: held unallocated, with the reason. One partition, consumed in order:
        // once this marker is stated, everything before it was consumed.
        EventEnvelope dollars = paymentRecorded(acme, UUID.fromString(caseId), Money.of("25.00", "USD"), "2025-03-31");
        publish(dollars);
        Eventually.within(Duration.ofSeconds(30), () -> statement(acme, caseId, "2025-03-31").body("payments", hasSize(2)));

        // Balance A: 1000 + 13.59 + 40 − 100 = 953.59; B: 500.00; total 1453.59.
        // Same day: stated (and allocated) in payment-id order, so each is found by its id.
        String euros = "payments.find { it.paymentId == '%s' }.".formatted(paymentIdOf(payment));
        String usd = "payments.find { it.paymentId == '%s' }.".formatted(paymentIdOf(dollars));
        statement(acme, caseId, "2025-03-31")
                .body("payments.paymentId", containsInAnyOrder(paymentIdOf(payment), paymentIdOf(dollars)))
                .body(euros + "amount.amount", equalTo(100.0f))
                .body(euros + "allocations.claimReference", contains(older, older, older))
                .body(euros + "allocations.component", contains("COSTS", "INTEREST", "PRINCIPAL"))
                .body(euros + "allocations.amount.amount", contains(40.0f, 13.59f, 46.41f))
                .body(euros + "allocations[0].claimRule",
                        equalTo("§ 366(2) BGB: the more burdensome claim (higher interest rate) first"))
                .body(euros + "unallocated.amount", equalTo(0.0f))
                .body(usd + "allocations", hasSize(0))
                .body(usd + "unallocated.amount", equalTo(25.0f))
                .body(usd + "unallocated.currency", equalTo("USD"))
                .body("claims.externalReference", contains(older, newer))
                .body("claims[0].allocated.amount", equalTo(100.0f))
                .body("claims[0].balance.amount", equalTo(953.59f))
                .body("claims[1].allocated.amount", equalTo(0.0f))
                .body("claims[1].balance.amount", equalTo(500.0f))
                .body("totals.allocated.amount", equalTo(100.0f))
                .body("totals.balance.amount", equalTo(1453.59f));
        // The day before the payment, the statement knows nothing of it.
        statement(acme, caseId, "2025-03-30").body("payments", hasSize(0)).body("totals.allocated.amount", equalTo(0.0f));

        // The timeline explains each allocation; PaymentAllocated is published keyed by tenant and case.
        given().auth().oauth2(acme.viewerToken()).get("/api/cases/{id}/timeline", caseId).then()
                .statusCode(200)
                .body("findAll { it.type == 'PaymentAllocated' }.reason", contains(
                        "payment of 100.00 EUR on 2025-03-31 allocated",
                        "payment of 25.00 USD on 2025-03-31: 25.00 USD unallocated (paid in USD, the case's claims are in EUR)"));
        relay.relayAll();
        Eventually.within(Duration.ofSeconds(30), () -> assertEquals(2, PublishedEvents.valuesWithKey(Topics.CASES,
                        acme.id() + ":" + caseId).stream()
                .filter(value -> EventEnvelope.parse(value, json).type().equals("PaymentAllocated")).count()));

        // Globex sees neither the case nor its payments.
        statementResponse(globex, caseId, "2025-03-31").statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aPaymentGoesToTheClaimTheDebtorNamedAndTheTenantsLegalSettingsApply() throws Exception {
        TestTenant named = TestTenants.create("pay-named");
        // This tenant claims no § 288(5) flat fee and settles principal before interest (§ 497(3) order).
        given().auth().oauth2(named.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("chargeB2bFlatFee", false, "allocationOrder", "COSTS_PRINCIPAL_INTEREST"))
                .put("/api/legal-settings").then().log().ifValidationFails().statusCode(200).body("version", equalTo(1));
        String debtor = "D-" + UUID.randomUUID();
        String older = "INV-A-" + UUID.randomUUID();
        String newer = "INV-B-" + UUID.randomUUID();
        String caseId = place(named, debtor, older, "2025-01-01", "2025-01-15", "1000.00").statusCode(201)
                .extract().path("case.id");
        String newerId = place(named, debtor, newer, "2025-03-01", "2025-03-15", "500.00").statusCode(201)
                .extract().path("claim.id");

        // 100.00 on 2025-03-31 naming claim B: § 366(1) puts the debtor's choice before the statutory order, which
        // would have chosen A (in default, higher rate). B is not in default: no costs, no interest → principal 100.
        EventEnvelope designated = new EventSender(json).envelope(named.id(), caseId, new PaymentRecorded(UUID.randomUUID(),
                UUID.fromString(caseId), Money.of("100.00", "EUR"), "BANK_TRANSFER", LocalDate.parse("2025-03-31"),
                List.of(UUID.fromString(newerId))));
        publish(designated);
        Eventually.within(Duration.ofSeconds(30), () -> statement(named, caseId, "2025-03-31").body("payments", hasSize(1)));
        // 50.00 the same day without designation: A by § 366(2); within A costs (none: no flat fee), then principal
        // before interest → principal 50.00, the interest 13.59 (44 days at 11.27 %, see above) stays owed.
        EventEnvelope plain = paymentRecorded(named, UUID.fromString(caseId), Money.of("50.00", "EUR"), "2025-03-31");
        publish(plain);
        Eventually.within(Duration.ofSeconds(30), () -> statement(named, caseId, "2025-03-31").body("payments", hasSize(2)));

        String first = "payments.find { it.paymentId == '%s' }.".formatted(paymentIdOf(designated));
        String second = "payments.find { it.paymentId == '%s' }.".formatted(paymentIdOf(plain));
        // A: 1000 + 13.59 − 50 = 963.59 (no flat fee); B: 500 − 100 = 400.00; total 1363.59.
        statement(named, caseId, "2025-03-31")
                .body("legalSettingsVersion", equalTo(1))
                .body(first + "allocations.claimReference", contains(newer))
                .body(first + "allocations.component", contains("PRINCIPAL"))
                .body(first + "allocations.amount.amount", contains(100.0f))
                .body(first + "allocations[0].claimRule", equalTo("§ 366(1) BGB: the debtor named this claim"))
                .body(second + "allocations.claimReference", contains(older))
                .body(second + "allocations.component", contains("PRINCIPAL"))
                .body(second + "allocations.amount.amount", contains(50.0f))
                .body("claims[0].fees", hasSize(0))
                .body("claims[0].interest.amount", equalTo(13.59f))
                .body("claims[0].balance.amount", equalTo(963.59f))
                .body("claims[1].balance.amount", equalTo(400.0f))
                .body("totals.balance.amount", equalTo(1363.59f));
        // Acme's settings are untouched: its statements still carry the flat fee (first test), version 0.
        given().auth().oauth2(acme.viewerToken()).get("/api/legal-settings").then().statusCode(200)
                .body("version", equalTo(0)).body("chargeB2bFlatFee", equalTo(true));
    }

    private static String paymentIdOf(EventEnvelope envelope) {
        return envelope.payload().get("paymentId").asText();
    }

    private EventEnvelope paymentRecorded(TestTenant tenant, UUID caseId, Money amount, String paidOn) {
        PaymentRecorded event = new PaymentRecorded(UUID.randomUUID(), caseId, amount, "card", LocalDate.parse(paidOn));
        return new EventSender(json).envelope(tenant.id(), caseId, event);
    }

    private void publish(EventEnvelope envelope) {
        new EventSender(json).publish(envelope);
    }

    private static ValidatableResponse place(TestTenant tenant, String debtor, String claim, String issued, String due,
                                             String principal) {
        return Placement.of(debtor, claim)
                .withDebtor(Map.of("kind", "BUSINESS", "name", "Muster GmbH", "emails", List.of("billing@example.org")))
                .withClaim(Map.of("issueDate", issued, "dueDate", due, "consumerNotice", false))
                .withPrincipal(principal)
                .placeAs(tenant.agentToken());
    }

    private static ValidatableResponse statement(TestTenant tenant, String caseId, String asOf) {
        return statementResponse(tenant, caseId, asOf).statusCode(200);
    }

    private static ValidatableResponse statementResponse(TestTenant tenant, String caseId, String asOf) {
        return given().auth().oauth2(tenant.viewerToken()).get("/api/cases/{id}/statement?asOf=" + asOf, caseId)
                .then().log().ifValidationFails();
    }
}
