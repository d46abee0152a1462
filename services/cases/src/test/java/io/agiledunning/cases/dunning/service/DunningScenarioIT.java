package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.dunning.service.DunningSimulation.Sent;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.agiledunning.cases.Placement.money;
import static io.agiledunning.cases.dunning.service.DunningSimulation.berlin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cases run through 240 simulated days of the built-in default strategy against the real database, on the
 * adjustable clock: the plain course to handover, Bavaria vs. Berlin holidays, DST, and how a dispute, a partial
 * payment, a broken promise and a missed installment change the course.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class DunningScenarioIT {

    @Inject
    DunningEngine engine;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @AfterEach
    void systemTime() {
        SimulationClock.CLOCK.release();
    }

    static LocalDateTime day(int m, int d, int h) {
        return LocalDateTime.of(2026, m, d, h, 0);
    }

    @Test
    void casesRunThroughTheDefaultStrategyAndReactToTheDebtor() {
        TestTenant acme = TestTenants.create("dun-acme");
        TestTenant globex = TestTenants.create("dun-globex");
        DunningSimulation sim = new DunningSimulation(engine, pool, json);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Globex charges 2.50 per reminder and caps interest at 3 % before any letter goes out.
        given().auth().oauth2(globex.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("reminderFee", money("2.50"), "interestCapPercent", 3)).put("/api/legal-settings").then()
                .log().ifValidationFails().statusCode(200);

        // Monday 2026-01-05, 20:30 in Berlin: placed after the quiet-hours start.
        sim.at(berlin(2026, 1, 5, 20, 30));
        UUID berlin = sim.place(acme, "be-" + run, "BE", "120.00", "0.00");
        UUID bavaria = sim.place(acme, "by-" + run, "Bayern", "120.00", "0.00");
        UUID disputed = sim.place(acme, "dispute-" + run, "BE", "120.00", "0.00");
        UUID partial = sim.place(acme, "partial-" + run, "BE", "120.00", "0.00");
        UUID promised = sim.place(acme, "promise-" + run, "BE", "120.00", "0.00");
        UUID planned = sim.place(acme, "plan-" + run, "BE", "120.00", "0.00");
        UUID other = sim.place(globex, "be-" + run, "BE", "120.00", "0.00");
        UUID twoClaims = sim.place(acme, "two-" + run, "INV-A-" + run, "BE", "120.00", "0.00");
        assertEquals(twoClaims, sim.place(acme, "two-" + run, "INV-B-" + run, "BE", "80.00", "0.00"), "the second claim joins the case");
        UUID joinedLater = sim.place(acme, "late-" + run, "INV-LA-" + run, "BE", "120.00", "0.00");

        sim.runUntil(berlin(2026, 1, 8, 10, 0));
        sim.command(acme, promised, Map.of("type", "MAKE_PROMISE", "payBy", "2026-01-15", "amount", money("120.00")));
        sim.command(acme, planned, Map.of("type", "ACTIVATE_PLAN", "installments", 3, "installmentAmount", money("40.00"),
                "firstDueOn", "2026-02-01"));
        sim.runUntil(berlin(2026, 1, 10, 12, 0));
        sim.command(acme, disputed, Map.of("type", "OPEN_DISPUTE", "reason", "goods not delivered", "evidenceNote", ""));
        sim.runUntil(berlin(2026, 1, 12, 10, 0));
        sim.place(acme, "partial-" + run, "BE", "120.00", "50.00");
        // After the friendly reminder, a claim older than the case's first one joins it.
        assertEquals(joinedLater, sim.placeIssuedOn(acme, "late-" + run, "INV-LB-" + run, "2025-09-01", "2025-10-01"));
        sim.runUntil(berlin(2026, 2, 15, 12, 0));
        sim.command(acme, disputed, Map.of("type", "RESOLVE_DISPUTE", "resolution", "REJECTED", "note", "delivery receipt signed"));
        sim.runUntil(berlin(2026, 3, 2, 10, 0));
        sim.command(acme, planned, Map.of("type", "PLAN_DEFAULTED", "reason", "installment of 1 March missed"));
        sim.runUntil(berlin(2026, 9, 2, 12, 0)); // day 240

        assertEquals(List.of(
                        new Step("friendly-reminder", day(1, 6, 8)),
                        new Step("first-dunning-letter", day(1, 20, 9)),
                        new Step("second-dunning-letter", day(2, 3, 9)),
                        new Step("final-notice", day(6, 20, 9))),
                steps(sim.sent(acme, berlin)), "Berlin: quiet hours move the reminder to 08:00 next morning; final notice at CEST 09:00");
        assertEquals(List.of(
                        new Step("friendly-reminder", day(1, 7, 8)),
                        new Step("first-dunning-letter", day(1, 21, 9)),
                        new Step("second-dunning-letter", day(2, 4, 9)),
                        new Step("final-notice", day(6, 20, 9))),
                steps(sim.sent(acme, bavaria)), "Bavaria: 6 January is Epiphany");
        assertEquals(List.of(
                        new Step("friendly-reminder", day(1, 6, 8)),
                        new Step("first-dunning-letter", day(2, 16, 8)),
                        new Step("second-dunning-letter", day(3, 2, 9)),
                        new Step("final-notice", day(6, 20, 9))),
                steps(sim.sent(acme, disputed)), "nothing while disputed; the rejection on Sunday 15 Feb resumes on Monday 08:00");
        assertEquals(List.of(
                        new Step("friendly-reminder", day(1, 6, 8)),
                        new Step("first-dunning-letter", day(1, 26, 9)),
                        new Step("second-dunning-letter", day(2, 9, 9)),
                        new Step("final-notice", day(6, 20, 9))),
                steps(sim.sent(acme, partial)), "the partial payment on 12 Jan restarts the 14 days");
        assertEquals(List.of(
                        new Step("friendly-reminder", day(1, 6, 8)),
                        new Step("after-broken-promise", day(1, 19, 9)),
                        new Step("first-dunning-letter", day(2, 2, 9)),
                        new Step("second-dunning-letter", day(2, 16, 9)),
                        new Step("final-notice", day(6, 20, 9))),
                steps(sim.sent(acme, promised)), "promise by 15 Jan broken on 18 Jan (2 days' grace), reaction next day");
        assertEquals(List.of(
                        new Step("friendly-reminder", day(1, 6, 8)),
                        new Step("after-missed-installment", day(3, 3, 9)),
                        new Step("first-dunning-letter", day(3, 17, 9)),
                        new Step("second-dunning-letter", day(3, 31, 9)),
                        new Step("final-notice", day(6, 20, 9))),
                steps(sim.sent(acme, planned)), "nothing while the plan ran; the default restarts with the reaction step; DST on 29 March");

        for (UUID c : List.of(berlin, bavaria, disputed, partial, promised, planned)) {
            assertEquals("HANDED_OVER", sim.status(acme, c), c.toString());
            Map<String, Object> handover = sim.timeline(acme, c).stream().filter(e -> "HANDED_OVER".equals(e.get("to"))
                    && !"HANDED_OVER".equals(e.get("from"))).findFirst().orElseThrow();
            assertTrue(handover.get("occurredAt").toString().startsWith("2026-07-04T07:00"), handover.toString());
            assertEquals("dunning-engine", handover.get("actor"));
        }

        List<Map<String, Object>> bavarianTimeline = sim.timeline(acme, bavaria);
        assertTrue(bavarianTimeline.stream().anyMatch(e -> "ContactBlocked".equals(e.get("type"))
                && e.get("reason").toString().contains("public holiday in Bayern: Heilige Drei Könige (2026-01-06)")), bavarianTimeline.toString());
        long disputeBlocks = sim.timeline(acme, disputed).stream().filter(e -> "ContactBlocked".equals(e.get("type"))
                && e.get("reason").toString().contains("dunning stop: the claim is disputed")).count();
        assertEquals(1, disputeBlocks, "a block is recorded when it starts, not on every daily re-check");

        // Every idempotency key is unique; the other tenant's case ran on its own and carries its own tenant.
        List<Sent> all = new java.util.ArrayList<>();
        for (UUID c : List.of(berlin, bavaria, disputed, partial, promised, planned)) {
            all.addAll(sim.sent(acme, c));
        }
        assertEquals(all.size(), all.stream().map(Sent::key).distinct().count());
        List<Sent> globexSent = sim.sent(globex, other);
        assertEquals(4, globexSent.size());
        assertTrue(globexSent.stream().allMatch(s -> s.tenantId().equals(globex.id().toString())));
        assertTrue(sim.sent(acme, other).isEmpty());
        given().auth().oauth2(acme.viewerToken()).get("/api/cases/{id}", other).then().statusCode(404);

        remindersShapeTheStatement(sim, acme, berlin, globex, other);
        oneLetterAboutTwoClaimsCostsOneFee(acme, twoClaims, globex);
        aClaimJoiningLaterDoesNotSwallowTheFee(acme, joinedLater, "INV-LA-" + run);
        theHandoverPackageIsKeptAndTheAgencyReportsBack(acme, berlin, globex);
    }

    /**
     * The package taken at the handover on 2026-07-04: the debtor, the statement as of that day, the four contacts;
     * JSON and CSV; the agency's report. The bundled base-rate table ends on 2026-06-30: if no 2026-H2 rate was added
     * (StatementIT adds 1.52 % to this module's database; the order of test classes is not fixed), the statement is
     * as of 2026-06-30 and its note says why — 180 days at 6.27 % → 3.71 (see above), balance 128.21. With the rate:
     * 181 days at 6.27 %: 120 × 6.27 × 181 / 36500 = 3.7311 → 3.73, plus 2026-07-01..07-03 at 1.52 + 5 = 6.52 %:
     * 120 × 6.52 × 3 / 36500 = 0.0643 → 0.06; interest 3.79, balance 120 + 3.79 + 4.50 = 128.29.
     */
    private static void theHandoverPackageIsKeptAndTheAgencyReportsBack(TestTenant acme, UUID acmeCase, TestTenant globex) {
        io.restassured.path.json.JsonPath handover = given().auth().oauth2(acme.viewerToken())
                .get("/api/cases/{id}/handover", acmeCase).then()
                .log().ifValidationFails().statusCode(200)
                .body("format", equalTo("agile-dunning.handover.v1"))
                .body("caseId", equalTo(acmeCase.toString()))
                .body("handedOverAt", org.hamcrest.Matchers.startsWith("2026-07-04T07:00"))
                .body("debtor.name", equalTo("Erika Mustermann"))
                .body("debtor.address.city", equalTo("Berlin"))
                .body("statement.claims[0].principal.amount", equalTo(120.0f))
                .body("statement.claims[0].defaultStart.began", equalTo("2025-12-31"))
                .body("statement.claims[0].costs.amount", equalTo(4.5f))
                .body("contacts.step", contains("friendly-reminder", "first-dunning-letter", "second-dunning-letter", "final-notice"))
                .body("agency.status", equalTo("SENT"))
                .extract().jsonPath();
        boolean rateAdded = handover.getString("statement.asOf").equals("2026-07-04");
        String interest = rateAdded ? "3.79" : "3.71";
        String balance = rateAdded ? "128.29" : "128.21";
        if (!rateAdded) {
            assertEquals("2026-06-30", handover.getString("statement.asOf"));
            assertTrue(handover.getString("statementNote").contains("the base rate from 2026-07-01 is not in the table yet"),
                    handover.getString("statementNote"));
        } else {
            assertEquals("", handover.getString("statementNote"));
        }
        assertEquals(interest, handover.getString("statement.totals.interest.amount"));
        assertEquals(balance, handover.getString("statement.totals.balance.amount"));
        String csv = given().auth().oauth2(acme.viewerToken()).get("/api/cases/{id}/handover/csv", acmeCase).then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\\r\\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].startsWith("case_id,handed_over_at,recipient,debtor_reference,debtor_name"), lines[0]);
        assertTrue(lines[1].contains(",Erika Mustermann,CONSUMER,")
                && lines[1].contains(",120.00,%s,4.50,0.00,%s,2025-12-31,".formatted(interest, balance)), lines[1]);

        given().auth().oauth2(acme.viewerToken()).contentType(ContentType.JSON).body(Map.of("status", "ACCEPTED"))
                .post("/api/cases/{id}/handover/status", acmeCase).then().statusCode(403);
        given().auth().oauth2(acme.agentToken()).contentType(ContentType.JSON).body(Map.of("status", "LOST"))
                .post("/api/cases/{id}/handover/status", acmeCase).then().statusCode(400)
                .body("fields[0].field", equalTo("status"));
        given().auth().oauth2(acme.agentToken()).contentType(ContentType.JSON)
                .body(Map.of("status", "ACCEPTED", "agencyReference", "AZ-4711", "note", "file opened"))
                .post("/api/cases/{id}/handover/status", acmeCase).then().log().ifValidationFails().statusCode(200)
                .body("agency.status", equalTo("ACCEPTED")).body("agency.reference", equalTo("AZ-4711"));
        given().auth().oauth2(acme.viewerToken()).get("/api/cases/{id}/timeline", acmeCase).then().statusCode(200)
                .body("findAll { it.type == 'HandoverStatusReported' }.reason",
                        contains(org.hamcrest.Matchers.endsWith("reports ACCEPTED: file opened")));

        given().auth().oauth2(globex.viewerToken()).get("/api/cases/{id}/handover", acmeCase).then().statusCode(404);
        given().auth().oauth2(globex.agentToken()).contentType(ContentType.JSON).body(Map.of("status", "PAID"))
                .post("/api/cases/{id}/handover/status", acmeCase).then().statusCode(404);
    }

    /**
     * The reminders the engine sent are the claim's reminders in its statement. Consumer claim of 120.00, issued
     * 2025-11-01, due 2025-12-01, with the § 286(3) notice: default began on the 30th day after due and receipt,
     * 2025-12-31 — before any reminder, so none of them created it. As of 2026-06-30 (interest through 06-29):
     * 2026-01-01..2026-06-29 = 31 + 28 + 31 + 30 + 31 + 29 = 180 days. Reminders 6 Jan, 20 Jan, 3 Feb, 20 Jun: the
     * first is never charged, the other three were sent in default and cost the fee each letter named: the default
     * strategy's letters name the tenant's flat reminder fee in force when they went out.
     */
    private static void remindersShapeTheStatement(DunningSimulation sim, TestTenant acme, UUID acmeCase, TestTenant globex,
                                                   UUID globexCase) {
        assertEquals(List.of("0.00", "1.50", "1.50", "1.50"), sim.sent(acme, acmeCase).stream().map(Sent::fee).toList(),
                "the first contact is free; the letters name Acme's flat fee");
        assertEquals(List.of("0.00", "2.50", "2.50", "2.50"), sim.sent(globex, globexCase).stream().map(Sent::fee).toList());
        // Acme keeps the defaults: 1.27 + 5 = 6.27 %: 120 × 6.27 × 180 / 36500 = 3.7104… → 3.71; fees 3 × 1.50 = 4.50;
        // balance 120 + 3.71 + 4.50 = 128.21.
        given().auth().oauth2(acme.viewerToken()).get("/api/cases/{id}/statement?asOf=2026-06-30", acmeCase).then()
                .log().ifValidationFails().statusCode(200)
                .body("legalSettingsVersion", equalTo(0))
                .body("claims[0].reminders", contains("2026-01-06", "2026-01-20", "2026-02-03", "2026-06-20"))
                .body("claims[0].defaultStart.began", equalTo("2025-12-31"))
                .body("claims[0].interest.amount", equalTo(3.71f))
                .body("claims[0].fees.chargedOn", contains("2026-01-20", "2026-02-03", "2026-06-20"))
                .body("claims[0].costs.amount", equalTo(4.5f))
                .body("totals.balance.amount", equalTo(128.21f));
        // Globex's letters named 2.50 and it caps interest at 3 %: 120 × 3 × 180 / 36500 = 1.7753… → 1.78;
        // fees 3 × 2.50 = 7.50; balance 120 + 1.78 + 7.50 = 129.28. Acme's figures above are untouched by it.
        given().auth().oauth2(globex.viewerToken()).get("/api/cases/{id}/statement?asOf=2026-06-30", globexCase).then()
                .log().ifValidationFails().statusCode(200)
                .body("legalSettingsVersion", equalTo(1))
                .body("claims[0].reminders", contains("2026-01-06", "2026-01-20", "2026-02-03", "2026-06-20"))
                .body("claims[0].interestPeriods[0].ratePercent", equalTo(3.0f))
                .body("claims[0].interest.amount", equalTo(1.78f))
                .body("claims[0].costs.amount", equalTo(7.5f))
                .body("totals.balance.amount", equalTo(129.28f));
        // A fee is what the letter named: Acme raising its flat fee now does not reprice the letters already sent.
        given().auth().oauth2(acme.adminToken()).contentType(ContentType.JSON).body(Map.of("reminderFee", money("2.00")))
                .put("/api/legal-settings").then().log().ifValidationFails().statusCode(200);
        given().auth().oauth2(acme.viewerToken()).get("/api/cases/{id}/statement?asOf=2026-06-30", acmeCase).then()
                .statusCode(200).body("legalSettingsVersion", equalTo(1))
                .body("claims[0].costs.amount", equalTo(4.5f))
                .body("totals.balance.amount", equalTo(128.21f));
        given().auth().oauth2(acme.viewerToken()).get("/api/cases/{id}/statement?asOf=2026-06-30", globexCase).then()
                .statusCode(404);
    }

    /**
     * Two claims of one debtor on one case, reminded on the same days as the single-claim case above: each letter counts
     * as a reminder for both claims, but its fee of 1.50 is charged once, on the older claim (here: both due 2025-12-01,
     * the one with the lower id) — 3 × 1.50 = 4.50 in all, not 9.00.
     */
    /**
     * The letters' fee rides on the claim placed first, which has had every letter: the older claim that joined after
     * the friendly reminder gets the first letter as its own first reminder, which is never charged, so on it the
     * first letter's fee would be lost (3.00 instead of 4.50).
     */
    private static void aClaimJoiningLaterDoesNotSwallowTheFee(TestTenant acme, UUID caseId, String firstClaim) {
        given().auth().oauth2(acme.viewerToken()).get("/api/cases/{id}/statement?asOf=2026-06-30", caseId).then()
                .log().ifValidationFails().statusCode(200)
                .body("claims", org.hamcrest.Matchers.hasSize(2))
                .body("claims.find { it.externalReference == '%s' }.reminders".formatted(firstClaim),
                        contains("2026-01-06", "2026-01-20", "2026-02-03", "2026-06-20"))
                .body("claims.find { it.externalReference == '%s' }.fees".formatted(firstClaim), org.hamcrest.Matchers.hasSize(3))
                .body("claims.find { it.externalReference != '%s' }.reminders".formatted(firstClaim),
                        contains("2026-01-20", "2026-02-03", "2026-06-20"))
                .body("claims.find { it.externalReference != '%s' }.fees".formatted(firstClaim), org.hamcrest.Matchers.hasSize(0))
                .body("totals.costs.amount", equalTo(4.5f));
    }

    private static void oneLetterAboutTwoClaimsCostsOneFee(TestTenant acme, UUID twoClaims, TestTenant globex) {
        io.restassured.path.json.JsonPath statement = given().auth().oauth2(acme.viewerToken())
                .get("/api/cases/{id}/statement?asOf=2026-06-30", twoClaims).then()
                .log().ifValidationFails().statusCode(200)
                .body("claims", org.hamcrest.Matchers.hasSize(2))
                .body("claims[0].reminders", contains("2026-01-06", "2026-01-20", "2026-02-03", "2026-06-20"))
                .body("claims[1].reminders", contains("2026-01-06", "2026-01-20", "2026-02-03", "2026-06-20"))
                .body("totals.costs.amount", equalTo(4.5f))
                .extract().jsonPath();
        // Placed at the same instant, due and issued on the same days: the claim id decides (CaseLaw's order).
        List<UUID> ids = statement.getList("claims.claimId", String.class).stream().map(UUID::fromString).toList();
        int bearer = ids.get(0).compareTo(ids.get(1)) < 0 ? 0 : 1;
        assertEquals(3, statement.getList("claims[%d].fees".formatted(bearer)).size(), statement.prettify());
        assertEquals(0, statement.getList("claims[%d].fees".formatted(1 - bearer)).size(), statement.prettify());
        given().auth().oauth2(globex.viewerToken()).get("/api/cases/{id}/statement?asOf=2026-06-30", twoClaims).then()
                .statusCode(404);
    }

    record Step(String step, LocalDateTime at) {
    }

    static List<Step> steps(List<Sent> sent) {
        return sent.stream().map(s -> new Step(s.step(), s.at())).toList();
    }
}
