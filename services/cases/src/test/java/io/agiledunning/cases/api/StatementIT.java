package io.agiledunning.cases.api;

import io.agiledunning.cases.Placement;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The legal statement of a case over REST, with every amount derived by hand from the law and the base-rate table. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class StatementIT {

    private static TestTenant acme;
    private static TestTenant globex;

    @BeforeAll
    static void tenants() {
        acme = TestTenants.create("st-acme");
        globex = TestTenants.create("st-globex");
    }

    @Test
    void aBusinessClaimIsInDefaultThirtyDaysAfterDueAndReceiptWithInterestAndTheFlatFee() {
        String claimRef = unique("INV");
        String caseId = place(acme.agentToken(), placement(unique("D"), "BUSINESS", claimRef, false))
                .statusCode(201).extract().path("case.id");

        // Default (§ 286(3) BGB, business debtor): the invoice is taken as received on its issue date, 2025-01-01;
        // the later of due date (2025-01-15) and receipt is 2025-01-15; its 30th day after is 2025-01-15 + 30 = 2025-02-14.
        // Interest (§ 187(1)) runs from the day after, 2025-02-15, through the day before asOf (a payment on asOf
        // settles; that day bears no interest): 2025-03-30. Days: 14 (15–28 Feb) + 30 (1–30 Mar) = 44.
        // Rate 2025-H1: base rate 2.27 % + 9 pp = 11.27 %. ACT/365: 1000.00 × 11.27 × 44 / 36500 = 13.5857… → 13.59.
        // § 288(5) flat fee 40.00 EUR, charged from the first day in default (2025-02-15).
        // Balance 1000.00 + 13.59 + 40.00 = 1053.59. Limitation: arose 2025 → end of 2028 (§§ 195, 199).
        as(acme.agentToken()).get("/api/cases/{id}/statement?asOf=2025-03-31", caseId).then()
                .log().ifValidationFails()
                .statusCode(200)
                .body("caseId", equalTo(caseId))
                .body("asOf", equalTo("2025-03-31"))
                .body("currency", equalTo("EUR"))
                .body("debtorKind", equalTo("BUSINESS"))
                .body("claims", hasSize(1))
                .body("claims[0].externalReference", equalTo(claimRef))
                .body("claims[0].invoiceReceived", equalTo("2025-01-01"))
                .body("claims[0].principal.amount", equalTo(1000.0f))
                .body("claims[0].defaultStart.began", equalTo("2025-02-14"))
                .body("claims[0].defaultStart.reason", equalTo("THIRTY_DAYS_AFTER_DUE_AND_RECEIPT"))
                .body("claims[0].lastInterestDay", equalTo("2025-03-30"))
                .body("claims[0].interestPeriods", hasSize(1))
                .body("claims[0].interestPeriods[0].from", equalTo("2025-02-15"))
                .body("claims[0].interestPeriods[0].to", equalTo("2025-03-30"))
                .body("claims[0].interestPeriods[0].days", equalTo(44))
                .body("claims[0].interestPeriods[0].ratePercent", equalTo(11.27f))
                .body("claims[0].interestPeriods[0].yearDays", equalTo(365))
                .body("claims[0].interestPeriods[0].amount.amount", equalTo(13.59f))
                .body("claims[0].interest.amount", equalTo(13.59f))
                .body("claims[0].fees", hasSize(1))
                .body("claims[0].fees[0].kind", equalTo("B2B_FLAT_FEE"))
                .body("claims[0].fees[0].chargedOn", equalTo("2025-02-15"))
                .body("claims[0].fees[0].amount.amount", equalTo(40.0f))
                .body("claims[0].costs.amount", equalTo(40.0f))
                .body("claims[0].balance.amount", equalTo(1053.59f))
                .body("claims[0].paid.amount", equalTo(0.0f))
                .body("claims[0].limitation.date", equalTo("2028-12-31"))
                .body("claims[0].limitation.timeBarred", equalTo(false))
                .body("claims[0].limitation.expiresSoon", equalTo(false))
                .body("totals.principal.amount", equalTo(1000.0f))
                .body("totals.interest.amount", equalTo(13.59f))
                .body("totals.costs.amount", equalTo(40.0f))
                .body("totals.balance.amount", equalTo(1053.59f));

        // Across the base-rate change on 2025-07-01, as of 2025-08-31 (last interest day 2025-08-30), viewer reading:
        // 2025-02-15..2025-06-30 = 14 + 31 + 30 + 31 + 30 = 136 days at 11.27 %: 1000 × 11.27 × 136 / 36500 = 41.9923… → 41.99;
        // 2025-07-01..2025-08-30 = 31 + 30 = 61 days at 1.27 + 9 = 10.27 %: 1000 × 10.27 × 61 / 36500 = 17.1636… → 17.16.
        // Rounded per period: 41.99 + 17.16 = 59.15; balance 1000 + 59.15 + 40 = 1099.15.
        as(acme.viewerToken()).get("/api/cases/{id}/statement?asOf=2025-08-31", caseId).then()
                .statusCode(200)
                .body("claims[0].interestPeriods.from", contains("2025-02-15", "2025-07-01"))
                .body("claims[0].interestPeriods.to", contains("2025-06-30", "2025-08-30"))
                .body("claims[0].interestPeriods.days", contains(136, 61))
                .body("claims[0].interestPeriods.ratePercent", contains(11.27f, 10.27f))
                .body("claims[0].interestPeriods.amount.amount", contains(41.99f, 17.16f))
                .body("totals.interest.amount", equalTo(59.15f))
                .body("totals.balance.amount", equalTo(1099.15f));

        // Before the 30th day: not yet in default, no interest, no fee.
        as(acme.adminToken()).get("/api/cases/{id}/statement?asOf=2025-02-13", caseId).then()
                .statusCode(200)
                .body("claims[0].defaultStart", nullValue())
                .body("claims[0].interestPeriods", hasSize(0))
                .body("claims[0].fees", hasSize(0))
                .body("totals.balance.amount", equalTo(1000.0f));
        // On the 30th day the default-creating event has happened, but the debtor is in default only from its end:
        // no interest day yet and no flat fee.
        as(acme.adminToken()).get("/api/cases/{id}/statement?asOf=2025-02-14", caseId).then()
                .statusCode(200)
                .body("claims[0].defaultStart.began", equalTo("2025-02-14"))
                .body("claims[0].interestPeriods", hasSize(0))
                .body("claims[0].fees", hasSize(0))
                .body("totals.balance.amount", equalTo(1000.0f));

        // Another tenant: NOT_FOUND, exactly like a case that does not exist.
        as(globex.adminToken()).get("/api/cases/{id}/statement?asOf=2025-03-31", caseId).then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(acme.adminToken()).get("/api/cases/{id}/statement?asOf=2025-03-31", UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        // Anonymous: 401.
        given().get("/api/cases/{id}/statement?asOf=2025-03-31", caseId).then().statusCode(401);
    }

    @Test
    void aConsumerClaimWithoutTheNoticeIsNotInDefaultByTheThirtyDays() {
        String caseId = place(acme.agentToken(), placement(unique("D"), "CONSUMER", unique("INV"), false))
                .statusCode(201).extract().path("case.id");
        // § 286(3) sentence 1 half-sentence 2: a consumer defaults after 30 days only if the invoice said so; no
        // reminders are known, so months after the due date there is still no default, no interest, no costs.
        as(acme.viewerToken()).get("/api/cases/{id}/statement?asOf=2025-06-30", caseId).then()
                .statusCode(200)
                .body("debtorKind", equalTo("CONSUMER"))
                .body("claims[0].consumerNotice", equalTo(false))
                .body("claims[0].defaultStart", nullValue())
                .body("claims[0].interestPeriods", hasSize(0))
                .body("claims[0].fees", hasSize(0))
                .body("claims[0].balance.amount", equalTo(1000.0f))
                .body("totals.interest.amount", equalTo(0.0f));

        // With the notice, the same consumer claim defaults on 2025-02-14 too, at 2.27 + 5 = 7.27 %, without a flat fee:
        // 2025-02-15..2025-03-30 = 44 days: 1000 × 7.27 × 44 / 36500 = 8.7638… → 8.76.
        String noticed = place(acme.agentToken(), placement(unique("D"), "CONSUMER", unique("INV"), true))
                .statusCode(201).extract().path("case.id");
        as(acme.viewerToken()).get("/api/cases/{id}/statement?asOf=2025-03-31", noticed).then()
                .statusCode(200)
                .body("claims[0].defaultStart.began", equalTo("2025-02-14"))
                .body("claims[0].interestPeriods.ratePercent", contains(7.27f))
                .body("claims[0].interest.amount", equalTo(8.76f))
                .body("claims[0].fees", hasSize(0))
                .body("totals.balance.amount", equalTo(1008.76f));
    }

    /**
     * The one test that changes platform data: the bundled table ends with 2026-H1, a platform admin adds 2026-H2
     * and statements reach past 2026-06-30. Every other statement in this module stays within the bundled table.
     */
    @Test
    void aPlatformAdminAddsTheNextHalfYearsBaseRateAndStatementsReachFurther() {
        String caseId = place(acme.agentToken(), placement(unique("D"), "BUSINESS", unique("INV"), false))
                .statusCode(201).extract().path("case.id");
        as(acme.viewerToken()).get("/api/base-rates").then()
                .statusCode(200)
                .body("validFrom[-1]", equalTo("2026-01-01"))
                .body("percent[-1]", equalTo(1.27f))
                .body("source[-1]", equalTo("bundled with the release (/law/base-rates.csv)"));

        // As of 2026-07-01 the last interest day is 2026-06-30 and still covered; a day later the 2026-07-01 base
        // rate is needed and not in the table.
        as(acme.agentToken()).get("/api/cases/{id}/statement?asOf=2026-07-01", caseId).then()
                .statusCode(200)
                .body("claims[0].lastInterestDay", equalTo("2026-06-30"));
        String reason = "statement as of 2026-07-02 needs the base rate from 2026-07-01, which is not yet in the table";
        as(acme.agentToken()).get("/api/cases/{id}/statement?asOf=2026-07-02", caseId).then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields[0].field", equalTo("asOf"))
                .body("fields[0].reason", equalTo(reason));

        // Only a platform admin adds rates, only the next half-year, with at most two decimals.
        Map<String, Object> next = Map.of("validFrom", "2026-07-01", "percent", new java.math.BigDecimal("1.52"),
                "source", "test: a made-up rate for 2026-H2");
        as(acme.adminToken()).contentType(ContentType.JSON).body(next).post("/api/base-rates").then()
                .statusCode(403);
        as(TestTenants.platformAdminToken()).contentType(ContentType.JSON)
                .body(Map.of("validFrom", "2027-01-01", "percent", 1.52, "source", "gap")).post("/api/base-rates").then()
                .statusCode(400)
                .body("fields[0].field", equalTo("validFrom"))
                .body("fields[0].reason", equalTo("must be 2026-07-01, the half-year after the last rate in the table"));
        as(TestTenants.platformAdminToken()).contentType(ContentType.JSON)
                .body(Map.of("validFrom", "2026-07-01", "percent", new java.math.BigDecimal("1.525"), "source", "x"))
                .post("/api/base-rates").then()
                .statusCode(400)
                .body("fields[0].field", equalTo("percent"))
                .body("fields[0].reason", equalTo("has at most two decimals, as published"));
        as(TestTenants.platformAdminToken()).contentType(ContentType.JSON).body(next).post("/api/base-rates").then()
                .statusCode(201)
                .body("validFrom", equalTo("2026-07-01"))
                .body("percent", equalTo(1.52f))
                .body("addedBy", org.hamcrest.Matchers.notNullValue());
        // The same half-year again is no longer the next one.
        as(TestTenants.platformAdminToken()).contentType(ContentType.JSON).body(next).post("/api/base-rates").then()
                .statusCode(400)
                .body("fields[0].reason", equalTo("must be 2027-01-01, the half-year after the last rate in the table"));

        // Default from 2025-02-14 (see the first test), interest from 2025-02-15 through 2026-07-31 at base + 9 pp,
        // ACT/365, rounded per period:
        // 2025-02-15..2025-06-30: 136 days at 11.27 %: 1000 × 11.27 × 136 / 36500 = 41.9923… → 41.99
        // 2025-07-01..2025-12-31: 184 days at 10.27 %: 1000 × 10.27 × 184 / 36500 = 51.7721… → 51.77
        // 2026-01-01..2026-06-30: 181 days at 10.27 %: 1000 × 10.27 × 181 / 36500 = 50.9279… → 50.93
        // 2026-07-01..2026-07-31:  31 days at 10.52 %: 1000 × 10.52 ×  31 / 36500 =  8.9347… →  8.93
        // Interest 153.62; balance 1000 + 153.62 + 40.00 flat fee = 1193.62.
        as(globex.viewerToken()).get("/api/base-rates").then()
                .statusCode(200).body("validFrom[-1]", equalTo("2026-07-01"));
        as(acme.agentToken()).get("/api/cases/{id}/statement?asOf=2026-08-01", caseId).then()
                .statusCode(200)
                .body("claims[0].interestPeriods.from", contains("2025-02-15", "2025-07-01", "2026-01-01", "2026-07-01"))
                .body("claims[0].interestPeriods.days", contains(136, 184, 181, 31))
                .body("claims[0].interestPeriods.ratePercent", contains(11.27f, 10.27f, 10.27f, 10.52f))
                .body("claims[0].interestPeriods.amount.amount", contains(41.99f, 51.77f, 50.93f, 8.93f))
                .body("totals.interest.amount", equalTo(153.62f))
                .body("totals.balance.amount", equalTo(1193.62f));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTimeBarredClaimBlocksHandoverAndAClaimWithinLimitationDoesNot() {
        // Arose 2021-03-01: limitation ends 2024-12-31 (§§ 195, 199: three years from the end of 2021); no payment
        // restarted it. Barred on every day this test can run. (Its statement would need base rates before 2023.)
        Map<String, Object> old = placement(unique("D"), "BUSINESS", unique("OLD"), false);
        ((Map<String, Object>) old.get("claim")).putAll(Map.of("issueDate", "2021-03-01", "dueDate", "2021-03-15"));
        String barredCase = place(acme.agentToken(), old).statusCode(201).extract().path("case.id");
        String barredRef = ((Map<?, ?>) old.get("claim")).get("externalReference").toString();
        command(acme.agentToken(), barredCase, "{\"type\":\"START_DUNNING\"}").statusCode(200);
        command(acme.agentToken(), barredCase, HAND_OVER).statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("message", equalTo(("cannot hand over case %s: time-barred claims may not go to a collection agency "
                        + "(§ 214 BGB): %s (limitation ended 2024-12-31); write them off or withdraw them first")
                        .formatted(barredCase, barredRef)));
        as(acme.viewerToken()).get("/api/cases/{id}", barredCase).then().statusCode(200).body("status", equalTo("IN_DUNNING"));

        // Arose 2025-01-01: limitation ends 2028-12-31; handover goes through.
        String freshCase = place(acme.agentToken(), placement(unique("D"), "BUSINESS", unique("INV"), false))
                .statusCode(201).extract().path("case.id");
        command(acme.agentToken(), freshCase, "{\"type\":\"START_DUNNING\"}").statusCode(200);
        command(acme.agentToken(), freshCase, HAND_OVER).statusCode(200).body("status", equalTo("HANDED_OVER"));

        // Another tenant cannot even find the barred case.
        command(globex.agentToken(), barredCase, HAND_OVER).statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStatementWarnsNinetyDaysBeforeAClaimBecomesTimeBarred() {
        // A consumer claim without the § 286(3) notice and without reminders is never in default: no interest, so
        // no base rate is needed for any day. Arose 2023-05-01 → limitation ends 2026-12-31 (§§ 195, 199).
        Map<String, Object> body = placement(unique("D"), "CONSUMER", unique("INV"), false);
        ((Map<String, Object>) body.get("claim")).putAll(Map.of("issueDate", "2023-05-01", "dueDate", "2023-05-15"));
        String caseId = place(acme.agentToken(), body).statusCode(201).extract().path("case.id");

        // 2026-09-01: 121 days left → no warning yet; 2026-11-15: 46 days left (< 90) → warning; not barred in either.
        as(acme.viewerToken()).get("/api/cases/{id}/statement?asOf=2026-09-01", caseId).then().statusCode(200)
                .body("claims[0].defaultStart", nullValue())
                .body("claims[0].limitation.date", equalTo("2026-12-31"))
                .body("claims[0].limitation.timeBarred", equalTo(false))
                .body("claims[0].limitation.expiresSoon", equalTo(false));
        as(acme.viewerToken()).get("/api/cases/{id}/statement?asOf=2026-11-15", caseId).then().statusCode(200)
                .body("claims[0].limitation.timeBarred", equalTo(false))
                .body("claims[0].limitation.expiresSoon", equalTo(true));
        as(globex.viewerToken()).get("/api/cases/{id}/statement?asOf=2026-11-15", caseId).then().statusCode(404);
    }

    private static final String HAND_OVER = """
            {"type":"HAND_OVER","recipient":"Inkasso Nord GmbH","reason":"dunning exhausted"}""";

    private static ValidatableResponse command(String token, String caseId, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/cases/{id}/commands", caseId).then()
                .log().ifValidationFails();
    }

    @Test
    void asOfIsRequiredAndNotInTheFuture() {
        String caseId = place(acme.agentToken(), placement(unique("D"), "BUSINESS", unique("INV"), false))
                .statusCode(201).extract().path("case.id");
        as(acme.agentToken()).get("/api/cases/{id}/statement", caseId).then()
                .statusCode(400).body("code", equalTo("VALIDATION")).body("fields[0].field", equalTo("asOf"));
        as(acme.agentToken()).get("/api/cases/{id}/statement?asOf=31.03.2025", caseId).then()
                .statusCode(400).body("fields[0].field", equalTo("asOf"));
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        as(acme.agentToken()).get("/api/cases/{id}/statement?asOf=" + tomorrow, caseId).then()
                .statusCode(400).body("code", equalTo("VALIDATION")).body("fields[0].field", equalTo("asOf"));
    }

    private static Map<String, Object> placement(String debtorRef, String kind, String claimRef, boolean consumerNotice) {
        return Placement.of(debtorRef, claimRef)
                .withDebtor(Map.of("kind", kind, "name", "Muster GmbH", "emails", List.of("billing@example.org")))
                .withAddressInCologne()
                .withClaim(Map.of("issueDate", "2025-01-01", "dueDate", "2025-01-15", "consumerNotice", consumerNotice))
                .withPrincipal("1000.00")
                .body();
    }

    private static ValidatableResponse place(String token, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/claims").then().log().ifValidationFails();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
