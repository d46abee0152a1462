package io.agiledunning.cases.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agiledunning.cases.settings.TenantCalendar;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.PostgresServer;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Case and debtor queries: each filter, each sort both ways, pages across a sort, text search, and another tenant
 * seeing nothing on any of them. Five debtors, one claim each (references carry the debtor's letter):
 * <pre>
 *   A Erika Mustermann   EUR 100.00  10 days past due   OPEN         segment retail, persona saver
 *   B Max Mustermann     EUR 250.00  40 days past due   OPEN         segment retail
 *   C Hans Gruber GmbH   EUR  50.00 100 days past due   IN_DUNNING   segment b2b
 *   D Zoe Zimmer         GBP 500.00   5 days past due   PAUSED
 *   E Anna Alt           EUR  75.00  due in 5 days      OPEN
 * </pre>
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class CaseSearchIT {

    /** The tenant's today: these tenants never set a time zone (TenantCalendar's default). */
    private static final LocalDate TODAY = LocalDate.now(TenantCalendar.DEFAULT_ZONE);

    private static TestTenant acme;
    private static TestTenant globex;
    private static final Map<String, String> CASES = new HashMap<>();
    private static final Map<String, String> DEBTORS = new HashMap<>();

    @BeforeAll
    static void tenants() {
        acme = TestTenants.create("cs-acme");
        globex = TestTenants.create("cs-globex");
    }

    /** Once, before the first test: REST Assured reaches the app only from then on. */
    @BeforeEach
    void cases() throws Exception {
        if (!CASES.isEmpty()) {
            return;
        }
        place("A", "Erika Mustermann", "CONSUMER", "100.00", "EUR", TODAY.minusDays(10));
        place("B", "Max Mustermann", "CONSUMER", "250.00", "EUR", TODAY.minusDays(40));
        place("C", "Hans Gruber GmbH", "BUSINESS", "50.00", "EUR", TODAY.minusDays(100));
        place("D", "Zoe Zimmer", "CONSUMER", "500.00", "GBP", TODAY.minusDays(5));
        place("E", "Anna Alt", "CONSUMER", "75.00", "EUR", TODAY.plusDays(5));
        command("C", Map.of("type", "START_DUNNING"));
        command("D", Map.of("type", "PAUSE", "reason", "holiday"));
        // Segments and next actions are the dunning engine's, personas reporting's: written here as they would.
        try (Connection db = PostgresServer.start().superuserConnection("cases")) {
            schedule(db, "A", "retail", Instant.parse("2030-01-02T09:00:00Z"));
            schedule(db, "B", "retail", Instant.parse("2030-01-01T09:00:00Z"));
            schedule(db, "C", "b2b", Instant.parse("2030-01-03T09:00:00Z"));
            try (PreparedStatement persona = db.prepareStatement("update debtors set persona = 'saver' where id = ?::uuid")) {
                persona.setString(1, DEBTORS.get("A"));
                persona.executeUpdate();
            }
        }
        // The same debtors in another tenant: never part of acme's answers.
        for (String letter : List.of("A", "B")) {
            as(globex.agentToken()).contentType(ContentType.JSON).body(placement(letter, "Erika Mustermann", "CONSUMER", "100.00", "EUR",
                    TODAY.minusDays(10))).post("/api/claims").then().statusCode(201);
        }
    }

    @Test
    void eachFilterFindsItsCases() {
        assertEquals(List.of("A", "B", "C", "D", "E"), search(acme, ""));
        assertEquals(List.of("A", "B", "E"), search(acme, "status=OPEN"));
        assertEquals(List.of("C", "D"), search(acme, "status=IN_DUNNING&status=PAUSED"));
        assertEquals(List.of("C", "D"), search(acme, "status=in_dunning,paused"));
        assertEquals(List.of("A", "E"), search(acme, "currency=EUR&minAmount=75&maxAmount=100.00"));
        assertEquals(List.of("D"), search(acme, "currency=GBP"));
        assertEquals(List.of("B", "C"), search(acme, "minDaysPastDue=40"));
        assertEquals(List.of("A", "B", "D"), search(acme, "minDaysPastDue=0&maxDaysPastDue=40"));
        assertEquals(List.of("A", "B"), search(acme, "segment=retail"));
        assertEquals(List.of("A"), search(acme, "persona=saver"));
        assertEquals(List.of("A", "B"), search(acme, "q=muster"));
        assertEquals(List.of("B"), search(acme, "q=MAX MUSTER"));
        assertEquals(List.of("C"), search(acme, "q=gruber"));
        assertEquals(List.of("E"), search(acme, "q=" + ref("INV", "E").toLowerCase())); // claim reference
        assertEquals(List.of("D"), search(acme, "q=r-" + ref("", "D").substring(1).toLowerCase())); // invoice number prefix
        assertEquals(List.of("A", "B"), search(acme, "q=muster&segment=retail&status=OPEN&currency=EUR&minAmount=1"));
        assertEquals(List.of(), search(acme, "q=nobody"));
    }

    @Test
    void eachSortOrdersBothWaysAndPagesContinueTheSort() {
        assertEquals(List.of("C", "E", "A", "B", "D"), search(acme, "sort=AMOUNT"));
        assertEquals(List.of("D", "B", "A", "E", "C"), search(acme, "sort=AMOUNT&direction=DESC"));
        assertEquals(List.of("C", "B", "A", "D", "E"), search(acme, "sort=DAYS_PAST_DUE&direction=DESC"));
        assertEquals(List.of("E", "D", "A", "B", "C"), search(acme, "sort=DAYS_PAST_DUE"));
        // Only the cases the engine has planned an action for (not D, E).
        assertEquals(List.of("B", "A", "C"), search(acme, "sort=NEXT_ACTION"));
        assertEquals(List.of("C", "A", "B"), search(acme, "sort=NEXT_ACTION&direction=DESC"));
        assertEquals(List.of("A", "B", "C", "D", "E"), search(acme, "sort=PLACED_AT"));
        assertEquals(List.of("E", "D", "C", "B", "A"), search(acme, "sort=PLACED_AT&direction=desc"));

        for (String order : List.of("sort=AMOUNT", "sort=AMOUNT&direction=DESC", "sort=DAYS_PAST_DUE&direction=DESC",
                "sort=DAYS_PAST_DUE", "sort=NEXT_ACTION", "sort=NEXT_ACTION&direction=DESC", "sort=PLACED_AT&direction=DESC")) {
            assertEquals(search(acme, order), pages(acme, order, 2), order);
        }
        // A cursor belongs to its order.
        String cursor = get(acme, "sort=AMOUNT&first=1").statusCode(200).extract().path("endCursor");
        get(acme, "sort=AMOUNT&direction=DESC&first=1&after=" + cursor).statusCode(400)
                .body("fields[0].field", equalTo("after"));
        get(acme, "sort=AMOUNT&first=1&after=garbage").statusCode(400).body("fields[0].field", equalTo("after"));
    }

    @Test
    void wrongParametersAreNamed() {
        get(acme, "status=LOST").statusCode(400).body("fields[0].field", equalTo("status"));
        get(acme, "minAmount=10").statusCode(400).body("fields[0].field", equalTo("currency"))
                .body("fields[0].reason", equalTo("is required with minAmount or maxAmount"));
        get(acme, "currency=EUR&minAmount=1.001").statusCode(400).body("fields[0].field", equalTo("minAmount"));
        get(acme, "sort=SIZE&direction=UP&q=x&minDaysPastDue=-1").statusCode(400)
                .body("fields.field", containsInAnyOrder("sort", "direction", "q", "minDaysPastDue"));
        get(acme, "first=0").statusCode(400).body("fields[0].field", equalTo("first"));
    }

    @Test
    void debtorsAreListedSearchedAndShownWithTheirCasesAndClaims() {
        List<String> all = debtorNames(acme, "");
        assertEquals(List.of("Erika Mustermann", "Max Mustermann", "Hans Gruber GmbH", "Zoe Zimmer", "Anna Alt"), all);
        assertEquals(List.of("Erika Mustermann", "Max Mustermann"), debtorNames(acme, "q=mustermann"));
        assertEquals(List.of("Erika Mustermann"), debtorNames(acme, "persona=saver"));
        String cursor = as(acme.viewerToken()).get("/api/debtors?first=2").then().statusCode(200)
                .body("items", hasSize(2)).body("hasNextPage", equalTo(true)).extract().path("endCursor");
        as(acme.viewerToken()).get("/api/debtors?first=2&after=" + cursor).then().statusCode(200)
                .body("items.name", contains("Hans Gruber GmbH", "Zoe Zimmer"));

        String debtorId = DEBTORS.get("A");
        as(acme.viewerToken()).get("/api/debtors/{id}/cases", debtorId).then().statusCode(200)
                .body("id", contains(CASES.get("A"))).body("[0].oldestDueDate", equalTo(TODAY.minusDays(10).toString()));
        as(acme.viewerToken()).get("/api/debtors/{id}/claims", debtorId).then().statusCode(200)
                .body("externalReference", contains(ref("INV", "A")));
        as(acme.viewerToken()).get("/api/debtors/{id}", debtorId).then().statusCode(200).body("persona", equalTo("saver"));
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        assertEquals(List.of("A", "B"), search(globex, "")); // its own two only
        assertEquals(List.of(), search(globex, "q=gruber"));
        assertEquals(List.of(), search(globex, "segment=retail"));
        assertEquals(List.of(), search(globex, "persona=saver"));
        assertEquals(List.of("Erika Mustermann", "Erika Mustermann"), debtorNames(globex, ""));
        assertEquals(List.of(), debtorNames(globex, "q=gruber"));
        for (String path : List.of("/api/debtors/{id}/cases", "/api/debtors/{id}/claims", "/api/debtors/{id}")) {
            as(globex.viewerToken()).get(path, DEBTORS.get("C")).then().statusCode(404)
                    .body("message", equalTo("debtor " + DEBTORS.get("C") + " not found"));
            UUID missing = UUID.randomUUID();
            as(acme.viewerToken()).get(path, missing).then().statusCode(404).body("message", equalTo("debtor " + missing + " not found"));
        }
        as(null).get("/api/cases/search").then().statusCode(401);
        as(null).get("/api/debtors").then().statusCode(401);
    }

    @Test
    void casesOpenedWithoutADebtorAreFoundByReferenceAndNameInTheirTenantOnly() {
        TestTenant older = TestTenants.create("cs-legacy");
        TestTenant other = TestTenants.create("cs-legacy-other");
        String reference = "OLD-" + RUN;
        String mine = openWithoutDebtor(older, reference + "-1", "Herta Holzapfel");
        String theirs = openWithoutDebtor(other, reference + "-2", "Herta Holzapfel");

        for (String q : List.of(reference.toLowerCase(), reference + "-1", "holzap", "HERTA HOLZ", "herta")) {
            assertEquals(List.of(mine), caseIds(older, "q=" + q), q);
        }
        assertEquals(List.of(theirs), caseIds(other, "q=holzap"));
        assertEquals(List.of(), caseIds(other, "q=" + reference + "-1"), "another tenant's reference is never found");
        assertEquals(List.of(), caseIds(older, "q=holzapfelx"));
        assertEquals(List.of(), caseIds(older, "q=olzapfel"), "a prefix, not an infix");
        assertEquals(List.of(), debtorNames(older, "q=holzap"), "no debtor behind such a case");

        // One character would seek nothing: refused on both lists, naming q.
        for (String path : List.of("/api/cases/search", "/api/debtors")) {
            as(older.viewerToken()).queryParam("q", " H ").get(path).then().statusCode(400).body("code", equalTo("VALIDATION"))
                    .body("fields[0].field", equalTo("q")).body("fields[0].reason", equalTo("must have at least 2 characters, got 'h'"));
        }
        as(older.viewerToken()).queryParam("q", "  ").get("/api/cases/search").then().statusCode(200) // blank: no text filter
                .body("items.case.id", contains(mine));
    }

    private static String openWithoutDebtor(TestTenant tenant, String reference, String debtorName) {
        return as(tenant.agentToken()).contentType(ContentType.JSON)
                .body(Map.of("externalReference", reference, "debtorName", debtorName, "amount", Map.of("amount", "80.00", "currency", "EUR")))
                .post("/api/cases").then().statusCode(201).extract().path("id");
    }

    private static List<String> caseIds(TestTenant tenant, String query) {
        return get(tenant, query).statusCode(200).extract().path("items.case.id");
    }

    /** The letters of the cases found, in the order answered (the external reference ends with the letter). */
    private static List<String> search(TestTenant tenant, String query) {
        return letters(get(tenant, query.isEmpty() ? "first=100" : query + "&first=100").statusCode(200).extract()
                .path("items.case.externalReference"));
    }

    private static List<String> pages(TestTenant tenant, String order, int size) {
        List<String> found = new ArrayList<>();
        String after = null;
        do {
            var page = get(tenant, order + "&first=" + size + (after == null ? "" : "&after=" + after)).statusCode(200).extract();
            found.addAll(letters(page.path("items.case.externalReference")));
            after = page.<Boolean>path("hasNextPage") ? page.path("endCursor") : null;
        } while (after != null);
        return found;
    }

    private static List<String> letters(List<String> references) {
        return references.stream().map(r -> r.substring(r.length() - 1)).toList();
    }

    private static List<String> debtorNames(TestTenant tenant, String query) {
        return as(tenant.viewerToken()).get("/api/debtors?first=100&" + query).then().statusCode(200).extract().path("items.name");
    }

    private static ValidatableResponse get(TestTenant tenant, String query) {
        return as(tenant.viewerToken()).get("/api/cases/search?" + query).then().log().ifValidationFails();
    }

    private static void place(String letter, String name, String kind, String principal, String currency, LocalDate due) {
        var placed = as(acme.agentToken()).contentType(ContentType.JSON).body(placement(letter, name, kind, principal, currency, due))
                .post("/api/claims").then().statusCode(201).extract();
        CASES.put(letter, placed.path("case.id"));
        DEBTORS.put(letter, placed.path("claim.debtorId"));
    }

    private static Map<String, Object> placement(String letter, String name, String kind, String principal, String currency,
                                                 LocalDate due) {
        ObjectNode money = JsonNodeFactory.instance.objectNode().put("amount", new BigDecimal(principal)).put("currency", currency);
        return Map.of(
                "debtor", Map.of("externalReference", ref("DEB", letter), "kind", kind, "name", name, "emails", List.of("x@example.org")),
                "claim", Map.of("externalReference", ref("INV", letter), "invoiceNumber", "R" + ref("", letter),
                        "issueDate", due.minusDays(14).toString(), "dueDate", due.toString(), "principal", money,
                        "consumerNotice", true));
    }

    /** Unique per run, ending with the letter: {@code INV-<run>-A}. */
    private static String ref(String prefix, String letter) {
        return prefix + "-" + RUN + "-" + letter;
    }

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static void command(String letter, Map<String, Object> command) {
        as(acme.agentToken()).contentType(ContentType.JSON).body(command).post("/api/cases/{id}/commands", CASES.get(letter))
                .then().statusCode(200);
    }

    private static void schedule(Connection db, String letter, String segment, Instant nextActionAt) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into dunning_schedules (case_id, tenant_id, strategy_key, strategy_version, segment_key, next_action_at, updated_at)
                values (?::uuid, ?::uuid, 'default', 1, ?, ?, now())""")) {
            insert.setString(1, CASES.get(letter));
            insert.setString(2, acme.id().toString());
            insert.setString(3, segment);
            insert.setObject(4, nextActionAt.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }
}
