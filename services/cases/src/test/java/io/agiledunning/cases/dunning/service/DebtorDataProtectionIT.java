package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.service.PaymentAllocationService;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.events.PaymentRecorded;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantId;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.PostgresServer;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.agiledunning.cases.dunning.service.DunningSimulation.berlin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A debtor's data protection rights, exercised by the tenant through the API against the real engine: consents are
 * recorded, a restricted debtor is left alone by the dunning engine until the restriction is lifted, the export holds
 * everything the service knows of the debtor, and erasure deletes the personal data while the records a retention duty
 * covers stay, pseudonymized. Another tenant gets NOT_FOUND for every one of these, as for a debtor that does not exist.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class DebtorDataProtectionIT {

    @Inject
    DunningEngine engine;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    TenantTransactions transactions;

    @Inject
    PaymentAllocationService allocations;

    @AfterEach
    void systemTime() {
        SimulationClock.CLOCK.release();
    }

    @Test
    void restrictionStopsTheEngineExportHoldsEverythingAndErasureKeepsOnlyWhatRetentionNeeds() throws Throwable {
        TestTenant acme = TestTenants.create("gdpr-acme");
        TestTenant globex = TestTenants.create("gdpr-globex");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String missing = UUID.randomUUID().toString();
        DunningSimulation sim = new DunningSimulation(engine, pool, json);
        sim.at(berlin(2026, 1, 5, 10, 0)); // a Monday, inside contact hours
        UUID paying = sim.place(acme, "gdpr-a-" + run, Map.of("tier", "gold-since-2019"));
        UUID restricted = sim.place(acme, "gdpr-r-" + run, "BE", "80.00", "0.00");
        String debtor = sim.debtorOf(acme, paying);
        String restrictedDebtor = sim.debtorOf(acme, restricted);

        // Restriction (Art. 18): tenant admins only, a reason, another tenant NOT_FOUND.
        restriction(acme.agentToken(), restrictedDebtor, true, "objection by letter").statusCode(403);
        restriction(acme.adminToken(), restrictedDebtor, true, " ").statusCode(400)
                .body("fields[0].field", equalTo("reason"))
                .body("fields[0].reason", startsWith("is required"));
        restriction(globex.adminToken(), restrictedDebtor, true, "objection by letter").statusCode(404)
                .body("message", equalTo("debtor " + restrictedDebtor + " not found"));
        restriction(acme.adminToken(), missing, true, "objection by letter").statusCode(404)
                .body("message", equalTo("debtor " + missing + " not found"));
        String since = restriction(acme.adminToken(), restrictedDebtor, true, "objection by letter").statusCode(200)
                .body("restrictionReason", equalTo("objection by letter"))
                .extract().path("restrictedAt");
        restriction(acme.adminToken(), restrictedDebtor, true, "again").statusCode(200)
                .body("restrictedAt", equalTo(since)).body("restrictionReason", equalTo("objection by letter"));

        // Consents: admins and agents, every wrong field named, another tenant NOT_FOUND.
        consents(acme.viewerToken(), debtor, List.of(sms("2026-01-02T09:00:00Z"))).statusCode(403);
        consents(acme.agentToken(), debtor, List.of(
                Map.of("channel", "FAX", "source", "", "givenAt", "2026-02-01T00:00:00Z"),
                sms("2026-01-02T09:00:00Z"), sms("2026-01-03T09:00:00Z"))).statusCode(400)
                .body("fields.field", contains("consents[0].channel", "consents[0].source", "consents[0].givenAt",
                        "consents[2].channel"))
                .body("fields[0].reason", equalTo("must be among [EMAIL, SMS, LETTER, PHONE], got 'FAX'"))
                .body("fields[2].reason", equalTo("must not be in the future, got 2026-02-01T00:00:00Z"))
                .body("fields[3].reason", equalTo("SMS is listed twice"));
        consents(globex.agentToken(), debtor, List.of(sms("2026-01-02T09:00:00Z"))).statusCode(404);
        consents(acme.agentToken(), debtor, List.of(sms("2026-01-02T09:00:00Z"))).statusCode(200)
                .body("channel", contains("SMS")).body("[0].source", equalTo("web form"));
        given().auth().oauth2(acme.viewerToken()).get("/api/debtors/{id}/consents", debtor).then().statusCode(200)
                .body("channel", contains("SMS")).body("[0].givenAt", equalTo("2026-01-02T09:00:00Z"));
        // Attributes set on their own land on the timeline too (and must leave it on erasure).
        DunningSimulation.setAttributes(acme.agentToken(), debtor, Map.of("tier", "gold-since-2019", "club", "vip-platinum")).statusCode(200);
        given().auth().oauth2(globex.viewerToken()).get("/api/debtors/{id}/consents", debtor).then().statusCode(404);

        // The engine contacts the one debtor and leaves the restricted one alone: not even dunning starts.
        sim.runUntil(berlin(2026, 1, 5, 12, 0));
        assertEquals(1, sim.sent(acme, paying).size());
        assertEquals(List.of(), sim.sent(acme, restricted));
        assertEquals("OPEN", sim.status(acme, restricted));
        List<Map<String, Object>> held = sim.timeline(acme, restricted);
        assertTrue(held.stream().anyMatch(e -> "DebtorRestricted".equals(e.get("type"))), held.toString());
        assertTrue(held.stream().anyMatch(e -> "ContactBlocked".equals(e.get("type")) && String.valueOf(e.get("reason"))
                .equals("dunning stop: processing of the debtor's data is restricted (Art. 18 GDPR) since 2026-01-05")), held.toString());
        given().auth().oauth2(acme.viewerToken()).get("/api/cases/{id}/dunning", restricted).then().statusCode(200)
                .body("next", hasSize(0));

        // A payment and a handover, so the export and the erasure meet every kind of record.
        VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(new TenantId(acme.id()), session -> allocations.allocate(session,
                new TenantId(acme.id()), new PaymentRecorded(UUID.randomUUID(), paying, Money.of("20.00", "EUR"), "transfer",
                        LocalDate.parse("2026-01-05")), "test")));
        sim.command(acme, paying, Map.of("type", "HAND_OVER", "recipient", "Inkasso Nord GmbH", "reason", "no reaction"));

        // Export (Art. 15/20): tenant admins only; another tenant NOT_FOUND like a debtor that does not exist.
        export(acme.agentToken(), debtor).statusCode(403);
        export(globex.adminToken(), debtor).statusCode(404).body("message", equalTo("debtor " + debtor + " not found"));
        export(acme.adminToken(), missing).statusCode(404).body("message", equalTo("debtor " + missing + " not found"));
        export(acme.adminToken(), debtor).statusCode(200)
                .body("format", equalTo("agile-dunning.debtor-export.v1"))
                .body("debtor.name", equalTo("Erika Mustermann"))
                .body("debtor.emails", contains("erika@example.org"))
                .body("debtor.attributes.tier", equalTo("gold-since-2019"))
                .body("debtor.attributes.club", equalTo("vip-platinum"))
                .body("consents.channel", contains("SMS"))
                .body("cases.id", contains(paying.toString()))
                .body("cases[0].status", equalTo("HANDED_OVER"))
                .body("claims.externalReference", contains("INV-gdpr-a-" + run))
                .body("timeline.entry.type", hasItems("CaseOpened", "DebtorConsentsChanged", "DebtorAttributesChanged", "ContactRequested",
                        "PaymentAllocated", "CaseClosed"))
                .body("payments[0].caseId", equalTo(paying.toString()))
                .body("payments[0].payment.amount.amount", equalTo(20.0f))
                .body("payments[0].payment.allocations.component", contains("INTEREST", "PRINCIPAL"))
                .body("contacts.channel", contains("EMAIL"))
                .body("handoverPackages[0].recipient", equalTo("Inkasso Nord GmbH"))
                .body("handoverPackages[0].handoverPackage.debtor.name", equalTo("Erika Mustermann"))
                .body("handoverPackages[0].handoverPackage.reason", equalTo("no reaction"));

        // Erasure (Art. 17): refused while a case is unfinished; tenant admins only; a reason; another tenant NOT_FOUND.
        erasure(acme.adminToken(), restrictedDebtor, "request by letter").statusCode(409)
                .body("message", containsString("cannot be erased while a case is unfinished: INV-gdpr-r-" + run + " is OPEN"));
        erasure(acme.agentToken(), debtor, "request by letter").statusCode(403);
        erasure(acme.adminToken(), debtor, "").statusCode(400).body("fields[0].field", equalTo("reason"));
        erasure(globex.adminToken(), debtor, "request by letter").statusCode(404);
        erasure(acme.adminToken(), missing, "request by letter").statusCode(404);
        int entries = sim.timeline(acme, paying).size(); // the debtor's one case
        long terms;
        try (var db = PostgresServer.start().superuserConnection("cases");
             var query = db.prepareStatement("select count(*) from search_terms where debtor_id = ?::uuid")) {
            query.setString(1, debtor);
            try (var found = query.executeQuery()) {
                found.next();
                terms = found.getLong(1);
            }
        }
        erasure(acme.adminToken(), debtor, "request by letter of 2026-01-04").statusCode(200)
                .body("retainedUntil", equalTo("2034-12-31")) // claim and payment of 2026: vouchers, 8 years
                .body("casesKept", equalTo(1)).body("claimsKept", equalTo(1)).body("paymentsKept", equalTo(1))
                .body("contactsKept", equalTo(1)).body("handoverPackagesKept", equalTo(1)).body("consentsDeleted", equalTo(1))
                .body("timelineEntriesRedacted", equalTo(entries)).body("searchTermsDeleted", equalTo((int) terms));
        erasure(acme.adminToken(), debtor, "request by letter").statusCode(409).body("message", containsString("was erased on"));
        consents(acme.agentToken(), debtor, List.of()).statusCode(409);
        given().auth().oauth2(acme.agentToken()).contentType(ContentType.JSON).body(Map.of("channels", List.of("SMS")))
                .put("/api/debtors/{id}/opt-outs", debtor).then().statusCode(409);
        DunningSimulation.setAttributes(acme.agentToken(), debtor, Map.of("tier", "new")).statusCode(409);

        String after = export(acme.adminToken(), debtor).statusCode(200)
                .body("debtor.name", equalTo("erased (Art. 17 GDPR)"))
                .body("debtor.externalReference", equalTo("erased:" + debtor))
                .body("debtor.emails", hasSize(0)).body("debtor.phones", hasSize(0)).body("debtor.address.street", nullValue())
                .body("debtor.attributes.size()", equalTo(0))
                .body("debtor.erasedAt", notNullValue()).body("debtor.retainedUntil", equalTo("2034-12-31"))
                .body("consents", hasSize(0))
                .body("claims.invoiceNumber", contains("R-gdpr-a-" + run))
                .body("payments", hasSize(1)).body("contacts", hasSize(1))
                .body("cases[0].debtorName", equalTo("erased (Art. 17 GDPR)"))
                .body("handoverPackages[0].handoverPackage.debtor.name", equalTo("erased (Art. 17 GDPR)"))
                .body("handoverPackages[0].handoverPackage.debtor.restrictionReason", equalTo("erased (Art. 17 GDPR)"))
                .body("handoverPackages[0].handoverPackage.reason", equalTo("erased (Art. 17 GDPR)"))
                .body("handoverPackages[0].handoverPackage.statement.claims", hasSize(1))
                .extract().asString();
        for (String personal : List.of("Mustermann", "Erika", "erika@example.org", "+49 30 123456", "Heidestraße", "web form", "gold-since-2019", "vip-platinum",
                "\"gdpr-a-" + run + "\"")) { // the debtor's reference; the claim's references stay
            assertFalse(after.contains(personal), personal + " survived the erasure: " + after);
        }
        List<Map<String, Object>> timeline = sim.timeline(acme, paying);
        assertTrue(timeline.stream().anyMatch(e -> "DebtorErased".equals(e.get("type")) && ("the debtor's personal data was "
                + "erased (Art. 17 GDPR): request by letter of 2026-01-04; its records are kept under retention duties until "
                + "2034-12-31").equals(e.get("reason"))), timeline.toString());
        given().auth().oauth2(acme.viewerToken()).queryParam("q", "mustermann").get("/api/debtors").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(debtor)));

        // Lifting the restriction: dunning goes on at the engine's next look.
        restriction(globex.adminToken(), restrictedDebtor, false, "objection withdrawn").statusCode(404);
        restriction(acme.adminToken(), restrictedDebtor, false, "objection withdrawn").statusCode(200)
                .body("restrictedAt", nullValue());
        sim.runUntil(berlin(2026, 1, 6, 12, 0));
        assertEquals(1, sim.sent(acme, restricted).size(), "contacted once the restriction is lifted");

        // Events read back: keyed by tenant and debtor, in order; nothing for the other tenant.
        assertEquals(List.of("DebtorConsentsChanged", "DebtorAttributesChanged", "DebtorErased"), sim.debtorEvents(acme, debtor));
        assertEquals(List.of("DebtorRestricted", "DebtorRestrictionLifted"), sim.debtorEvents(acme, restrictedDebtor));
        assertEquals(List.of(), sim.debtorEvents(globex, debtor));
    }

    @Test
    void retentionYearsAreTheTenantsCalendarYears() throws Exception {
        TestTenant acme = TestTenants.create("gdpr-year");
        TestTenant globex = TestTenants.create("gdpr-year-other");
        String run = UUID.randomUUID().toString().substring(0, 8);
        DunningSimulation sim = new DunningSimulation(engine, pool, json);
        sim.at(berlin(2023, 3, 1, 10, 0));
        UUID caseId = sim.placeIssuedOn(acme, "year-" + run, "INV-year-" + run, "2023-01-10", "2023-02-10");
        String debtor = sim.debtorOf(acme, caseId);
        given().auth().oauth2(acme.agentToken()).contentType(ContentType.JSON)
                .body(Map.of("externalReference", "INV-year-" + run, "reason", "settled outside the platform"))
                .post("/api/claims/withdrawals").then().statusCode(200);
        // A letter at 00:30 on 1 January 2027 in Berlin — still 2026 in UTC.
        DunningSimulation.recordContact(caseId, java.time.Instant.parse("2026-12-31T23:30:00Z"));

        erasure(globex.adminToken(), debtor, "request by letter").statusCode(404);
        // Vouchers of 2023: 8 years, to 2031; the letter of 2027: 6 years, to 2033 (in UTC it would be 2032).
        erasure(acme.adminToken(), debtor, "request by letter").statusCode(200)
                .body("retainedUntil", equalTo("2033-12-31")).body("contactsKept", equalTo(1));
    }

    private static Map<String, Object> sms(String givenAt) {
        return Map.of("channel", "SMS", "source", "web form", "givenAt", givenAt);
    }

    private static ValidatableResponse restriction(String token, String debtorId, boolean restricted, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("restricted", restricted, "reason", reason))
                .put("/api/debtors/{id}/restriction", debtorId).then().log().ifValidationFails();
    }

    private static ValidatableResponse consents(String token, String debtorId, List<Map<String, Object>> consents) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("consents", consents))
                .put("/api/debtors/{id}/consents", debtorId).then().log().ifValidationFails();
    }

    private static ValidatableResponse export(String token, String debtorId) {
        return given().auth().oauth2(token).get("/api/debtors/{id}/export", debtorId).then().log().ifValidationFails();
    }

    private static ValidatableResponse erasure(String token, String debtorId, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/debtors/{id}/erasure", debtorId).then().log().ifValidationFails();
    }
}
