package io.agiledunning.cases.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.LegalSettingsChanged;
import io.agiledunning.common.events.Topics;
import io.agiledunning.common.money.Money;
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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A tenant's legal settings over REST: the documented defaults, versioned changes with who and when, a field error
 * for every wrong value, admins only, one tenant's settings invisible to and unchanged by another. What the settings
 * do to the figures is shown in PaymentAllocationIT and DunningScenarioIT.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class LegalSettingsIT {

    private static TestTenant acme;
    private static TestTenant globex;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void tenants() {
        acme = TestTenants.create("ls-acme");
        globex = TestTenants.create("ls-globex");
    }

    @Test
    void aTenantStartsWithTheDocumentedDefaultsAndEveryChangeIsAVersionWithItsAuthor() {
        settings(acme.viewerToken()).statusCode(200)
                .body("version", equalTo(0))
                .body("reminderFee.amount", equalTo(1.5f))
                .body("reminderFeeCap.amount", equalTo(2.5f))
                .body("chargeB2bFlatFee", equalTo(true))
                .body("interestCapPercent", nullValue())
                .body("allocationOrder", equalTo("COSTS_INTEREST_PRINCIPAL"))
                .body("firstInterestDay", equalTo("DAY_AFTER_DEFAULT"))
                .body("paymentDayBearsInterest", equalTo(false))
                .body("dayCount", equalTo("ACT_365"))
                .body("rounding", equalTo("PER_PERIOD"))
                .body("changedBy", nullValue());

        change(acme.adminToken(), Map.of("reminderFee", eur("2.00"), "interestCapPercent", 4.5, "dayCount", "ACT_ACT"))
                .statusCode(200)
                .body("version", equalTo(1))
                .body("reminderFee.amount", equalTo(2.0f))
                .body("interestCapPercent", equalTo(4.5f))
                .body("dayCount", equalTo("ACT_ACT"))
                .body("rounding", equalTo("PER_PERIOD"))
                .body("changedBy", notNullValue())
                .body("changedAt", notNullValue());
        // Fields left out keep their value; statutoryInterest drops the cap.
        change(acme.adminToken(), Map.of("statutoryInterest", true, "paymentDayBearsInterest", true)).statusCode(200)
                .body("version", equalTo(2))
                .body("reminderFee.amount", equalTo(2.0f))
                .body("interestCapPercent", nullValue())
                .body("paymentDayBearsInterest", equalTo(true))
                .body("dayCount", equalTo("ACT_ACT"));

        given().auth().oauth2(acme.agentToken()).get("/api/legal-settings/history").then().statusCode(200)
                .body("version", contains(2, 1))
                .body("interestCapPercent", contains(null, 4.5f));

        // The other tenant still computes with the defaults and has no history.
        settings(globex.adminToken()).statusCode(200).body("version", equalTo(0)).body("reminderFee.amount", equalTo(1.5f));
        given().auth().oauth2(globex.adminToken()).get("/api/legal-settings/history").then().statusCode(200).body("$", hasSize(0));

        // Each change is published for the tenant, keyed by the tenant.
        relay.relayAll();
        List<LegalSettingsChanged> published = PublishedEvents.valuesWithKey(Topics.CASES, acme.id() + ":" + acme.id()).stream()
                .map(value -> EventEnvelope.parse(value, json))
                .filter(envelope -> envelope.type().equals("LegalSettingsChanged"))
                .map(envelope -> envelope.payloadAs(LegalSettingsChanged.class, json))
                .toList();
        assertEquals(List.of(1, 2), published.stream().map(LegalSettingsChanged::version).toList());
        assertEquals(Money.of("2.00", "EUR"), published.getFirst().reminderFee());
        assertEquals(0, new BigDecimal("4.50").compareTo(published.getFirst().interestCapPercent()));
        assertEquals(null, published.get(1).interestCapPercent());
    }

    @Test
    void everyWrongValueIsAFieldErrorAndNothingIsSaved() {
        TestTenant initech = TestTenants.create("ls-initech");
        change(initech.adminToken(), Map.of(
                "reminderFee", eur("3.00"),
                "interestCapPercent", -1,
                "allocationOrder", "PRINCIPAL_FIRST",
                "dayCount", "ACT_360"))
                .statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields.field", containsInAnyOrder("reminderFee", "interestCapPercent", "allocationOrder", "dayCount"))
                .body("fields.find { it.field == 'reminderFee' }.reason",
                        equalTo("must be at most 2.50 EUR: a reminder fee may only cover material and postage"))
                .body("fields.find { it.field == 'dayCount' }.reason", containsString("[ACT_365, ACT_ACT]"))
                .body("fields.find { it.field == 'allocationOrder' }.reason", containsString("got 'PRINCIPAL_FIRST'"));
        change(initech.adminToken(), Map.of("reminderFee", Map.of("amount", 1, "currency", "USD")))
                .statusCode(400).body("fields[0].field", equalTo("reminderFee")).body("fields[0].reason", equalTo("must be in EUR, got USD"));
        change(initech.adminToken(), Map.of("interestCapPercent", 3.125))
                .statusCode(400).body("fields[0].reason", equalTo("must have at most two decimals"));
        change(initech.adminToken(), Map.of("statutoryInterest", true, "interestCapPercent", 3))
                .statusCode(400).body("fields[0].field", equalTo("interestCapPercent"));
        settings(initech.adminToken()).statusCode(200).body("version", equalTo(0)).body("reminderFee.amount", equalTo(1.5f));
    }

    @Test
    void onlyTenantAdminsChangeTheSettings() {
        TestTenant umbrella = TestTenants.create("ls-umbrella");
        change(umbrella.agentToken(), Map.of("reminderFee", eur("0.00"))).statusCode(403);
        change(umbrella.viewerToken(), Map.of("reminderFee", eur("0.00"))).statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reminderFee", eur("0.00"))).put("/api/legal-settings").then()
                .statusCode(401);
        given().get("/api/legal-settings").then().statusCode(401);
        settings(umbrella.adminToken()).statusCode(200).body("version", equalTo(0));
    }

    private static Map<String, Object> eur(String amount) {
        return Map.of("amount", new BigDecimal(amount), "currency", "EUR");
    }

    private static ValidatableResponse settings(String token) {
        return given().auth().oauth2(token).get("/api/legal-settings").then().log().ifValidationFails();
    }

    private static ValidatableResponse change(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/legal-settings").then()
                .log().ifValidationFails();
    }
}
