package io.agiledunning.payments.api;

import io.agiledunning.testsupport.ApiErrors;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "payments"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class PaymentResourceIT {

    private static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    private static TestTenant acme;
    private static TestTenant globex;

    @BeforeAll
    static void tenants() {
        acme = TestTenants.create("pay-acme");
        globex = TestTenants.create("pay-globex");
    }

    @Test
    void anAgentRecordsAPaymentAndReadsItBackExactly() {
        String agent = acme.agentToken();
        String viewer = acme.viewerToken();
        UUID caseId = UUID.randomUUID();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        var created = record(agent, caseId, "49.90", "EUR", "BANK_TRANSFER", YESTERDAY.toString(), "\"SEPA-4711\"")
                .statusCode(201)
                .header("Location", endsWith("/api/payments/case/" + caseId))
                .body("id", notNullValue())
                .body("caseId", equalTo(caseId.toString()))
                .body("amount.amount", equalTo(new BigDecimal("49.90")))
                .body("amount.currency", equalTo("EUR"))
                .body("method", equalTo("BANK_TRANSFER"))
                .body("receivedOn", equalTo(YESTERDAY.toString()))
                .body("reference", equalTo("SEPA-4711"))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        Instant createdAt = Instant.parse(created.path("createdAt"));
        assertFalse(createdAt.isBefore(before.minusSeconds(5)), "createdAt " + createdAt + " is before the call");
        assertFalse(createdAt.isAfter(Instant.now().plusSeconds(5)), "createdAt " + createdAt + " is in the future");

        String second = record(acme.adminToken(), caseId, "0.01", "EUR", "CASH", YESTERDAY.minusDays(3).toString(), "null")
                .statusCode(201)
                .body("reference", nullValue())
                .body("amount.amount", equalTo(new BigDecimal("0.01")))
                .extract().path("id");

        as(viewer).get("/api/payments/case/{caseId}", caseId).then()
                .statusCode(200)
                .body("id", contains(id, second))
                .body("[0].caseId", equalTo(caseId.toString()))
                .body("[0].amount.amount", equalTo(new BigDecimal("49.90")))
                .body("[0].amount.currency", equalTo("EUR"))
                .body("[0].method", equalTo("BANK_TRANSFER"))
                .body("[0].receivedOn", equalTo(YESTERDAY.toString()))
                .body("[0].reference", equalTo("SEPA-4711"))
                .body("[0].createdAt", equalTo(created.<String>path("createdAt")))
                .body("[1].method", equalTo("CASH"))
                .body("[1].receivedOn", equalTo(YESTERDAY.minusDays(3).toString()));
        as(viewer).get("/api/payments?first=100").then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.id", hasItem(second));
        as(viewer).get("/api/payments/case/{caseId}", UUID.randomUUID()).then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void anotherTenantSeesNoneOfThePaymentsAndItsOwnDoNotMixIn() {
        UUID caseId = UUID.randomUUID();
        String id = record(acme.agentToken(), caseId, "10.00", "EUR", "CARD", YESTERDAY.toString(), "null")
                .statusCode(201).extract().path("id");

        String globexAdmin = globex.adminToken();
        as(globexAdmin).get("/api/payments/case/{caseId}", caseId).then()
                .statusCode(200)
                .body("$", empty());
        as(globexAdmin).get("/api/payments?first=100").then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));

        // Globex records against the same case id: that is Globex's own payment and leaves Acme's case alone.
        String globexPayment = record(globex.agentToken(), caseId, "99.99", "EUR", "CASH", YESTERDAY.toString(), "null")
                .statusCode(201).extract().path("id");
        as(acme.viewerToken()).get("/api/payments/case/{caseId}", caseId).then()
                .statusCode(200)
                .body("id", contains(id));
        as(globexAdmin).get("/api/payments/case/{caseId}", caseId).then()
                .statusCode(200)
                .body("id", contains(globexPayment));

        TestTenant fresh = TestTenants.create("pay-empty");
        as(fresh.viewerToken()).get("/api/payments").then()
                .statusCode(200)
                .body("items", empty())
                .body("endCursor", nullValue())
                .body("hasNextPage", is(false));
    }

    @Test
    void callersWithoutTokenOrRoleAreTurnedAwayWithCodes() {
        UUID caseId = UUID.randomUUID();
        for (String path : List.of("/api/payments", "/api/payments/case/" + caseId)) {
            given().get(path).then()
                    .statusCode(401)
                    .body("code", equalTo("UNAUTHENTICATED"));
            given().auth().oauth2("not-a-token").get(path).then()
                    .statusCode(401)
                    .body("code", equalTo("UNAUTHENTICATED"));
        }
        given().contentType(ContentType.JSON).body(body(caseId, "1.00", "EUR", "CASH", YESTERDAY.toString(), "null"))
                .post("/api/payments").then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));

        record(acme.viewerToken(), caseId, "1.00", "EUR", "CASH", YESTERDAY.toString(), "null")
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        String platformAdmin = TestTenants.platformAdminToken();
        record(platformAdmin, caseId, "1.00", "EUR", "CASH", YESTERDAY.toString(), "null")
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        as(platformAdmin).get("/api/payments").then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        as(platformAdmin).get("/api/payments/case/{caseId}", caseId).then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        as(acme.viewerToken()).get("/api/payments/case/{caseId}", caseId).then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void invalidInputIsRefusedNamingTheFieldAndTheReasonAndRecordsNothing() {
        String agent = acme.agentToken();
        UUID caseId = UUID.randomUUID();

        invalid(record(agent, caseId, "0.00", "EUR", "CASH", YESTERDAY.toString(), "null"), "amount", "must be greater than zero");
        invalid(record(agent, caseId, "-5.00", "EUR", "CASH", YESTERDAY.toString(), "null"), "amount", "must be greater than zero");
        invalid(record(agent, caseId, "1.005", "EUR", "CASH", YESTERDAY.toString(), "null"),
                "amount", "EUR has at most 2 decimal places, got 1.005");
        invalid(record(agent, caseId, "1.00", "EUR", "CASH", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString(), "null"),
                "receivedOn", "must not be in the future");
        invalid(record(agent, caseId, "1.00", "EUR", "WIRE", YESTERDAY.toString(), "null"),
                "method", "'WIRE' is not a valid PaymentMethod");
        invalid(record(agent, caseId, "1.00", "EUR", "CASH", YESTERDAY.toString(), "\"" + "x".repeat(141) + "\""),
                "reference", "size must be between 0 and 140");
        invalid(as(agent).contentType(ContentType.JSON)
                        .body("""
                                {"amount": {"amount": 1.00, "currency": "EUR"}, "method": "CASH", "receivedOn": "%s"}""".formatted(YESTERDAY))
                        .post("/api/payments").then(),
                "caseId", "must not be null");

        as(agent).get("/api/payments/case/{caseId}", caseId).then()
                .statusCode(200)
                .body("$", empty());
        as(agent).get("/api/payments?first=0").then()
                .spec(ApiErrors.validation("first", "must be between 1 and 100"));
        as(agent).get("/api/payments?after=garbage").then()
                .spec(ApiErrors.validation("after", "not a cursor returned by this API"));
    }

    /**
     * A currency code Jackson cannot convert is refused with the same error body as every other invalid input,
     * naming the field (as CaseResourceIT expects for cases).
     */
    @Test
    void anUnknownCurrencyIsRefusedWithTheValidationBody() {
        String agent = acme.agentToken();
        UUID caseId = UUID.randomUUID();

        invalid(record(agent, caseId, "1.00", "EURO", "CASH", YESTERDAY.toString(), "null"),
                "amount.currency", "'EURO' is not a valid Currency");
        as(agent).get("/api/payments/case/{caseId}", caseId).then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        TestTenant paged = TestTenants.create("pay-paged");
        String agent = paged.agentToken();
        List<String> recorded = List.of("1.00", "2.00", "3.00").stream()
                .map(amount -> record(agent, UUID.randomUUID(), amount, "EUR", "CASH", YESTERDAY.toString(), "null")
                        .statusCode(201).extract().<String>path("id"))
                .toList();

        var first = as(agent).get("/api/payments?first=2").then()
                .statusCode(200)
                .body("items.id", contains(recorded.get(0), recorded.get(1)))
                .body("hasNextPage", is(true))
                .body("endCursor", notNullValue())
                .extract();
        as(agent).get("/api/payments?first=2&after=" + first.path("endCursor")).then()
                .statusCode(200)
                .body("items.id", contains(recorded.get(2)))
                .body("items[0].amount.amount", equalTo(new BigDecimal("3.00")))
                .body("hasNextPage", is(false));
    }

    @Test
    void theServiceIsReadyAndServesPrometheusMetrics() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.status", not(empty()))
                .body("checks.status", not(hasItem("DOWN")));
        as(acme.viewerToken()).get("/api/payments").then().statusCode(200);

        String metrics = given().accept("text/plain").get("/q/metrics").then()
                .statusCode(200)
                .contentType(startsWith("text/plain; version=0.0.4"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                        && line.contains("uri=\"/api/payments\"")),
                "no request metric for /api/payments in:\n" + metrics);
    }

    private static void invalid(ValidatableResponse response, String field, String reason) {
        response.statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields", hasSize(1))
                .body("fields[0].field", equalTo(field))
                .body("fields[0].reason", equalTo(reason));
    }

    private static RequestSpecification as(String token) {
        return given().config(RestAssured.config().jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(token);
    }

    private static String body(UUID caseId, String amount, String currency, String method, String receivedOn, String reference) {
        return """
                {"caseId": "%s", "amount": {"amount": %s, "currency": "%s"}, "method": "%s", "receivedOn": "%s", "reference": %s}"""
                .formatted(caseId, amount, currency, method, receivedOn, reference);
    }

    private static ValidatableResponse record(String token, UUID caseId, String amount, String currency, String method,
                                              String receivedOn, String reference) {
        return as(token).contentType(ContentType.JSON)
                .body(body(caseId, amount, currency, method, receivedOn, reference))
                .post("/api/payments")
                .then().log().ifValidationFails();
    }
}
