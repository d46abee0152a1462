package io.agiledunning.cases.imports;

import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.PostgresServer;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The import writes the search terms of the debtors and claims it creates itself (set-based, instead of the
 * placement's triggers; docs/adr/0012-bulk-import-write-path.md): they equal the terms placing the same rows one by
 * one writes — also across chunks (4 rows in the test profile), for joined claims, renamed debtors and changed
 * invoice numbers — and text search finds imported cases, in their tenant only.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class ImportSearchTermsIT {

    private static TestTenant oneByOne;
    private static TestTenant bulk;
    private static TestTenant other;

    @BeforeAll
    static void tenants() {
        oneByOne = TestTenants.create("imp-terms-single");
        bulk = TestTenants.create("imp-terms-bulk");
        other = TestTenants.create("imp-terms-other");
    }

    @Test
    void importedDebtorsAndClaimsHaveTheSearchTermsOfPlacingThemOneByOne() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        List<String> first = List.of(
                line("P", r, "Paula Pfeiffer-Ost", "I1", "R-1"),
                line("P", r, "Paula Pfeiffer-Ost", "I2", "R-2"),   // joins P's case
                line("Q", r, "Quirin Zaun", "I3", "R-3"),
                line("S", r, "Sven", "I4", "R-4"),
                line("T", r, "Tomasz Wójcik", "I5", "r-5"));       // 2nd chunk; lower-cased invoice
        List<String> second = List.of(
                line("Q", r, "Quirin Neuzaun", "I3", "R-3b"),      // renamed debtor, changed invoice number
                line("S", r, "Sven", "I6", "R-6"),                 // joins S's case
                line("U", r, "Ute", "I7", "I7-" + r));             // invoice number equal to its reference
        for (List<String> lines : List.of(first, second)) {
            for (String body : lines) {
                as(oneByOne.agentToken()).contentType("application/json").body(body).post("/api/claims")
                        .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            }
            as(bulk.agentToken()).contentType("application/x-ndjson").body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                    .post("/api/imports").then().statusCode(201).body("state", equalTo("COMPLETED"))
                    .body("rowsRejected", equalTo(0));
        }

        List<String> placed = searchTerms(oneByOne);
        assertFalse(placed.isEmpty());
        assertEquals(placed, searchTerms(bulk));

        assertEquals(List.of("I3-" + r), found(bulk, "neuzaun"));
        assertEquals(List.of(), found(bulk, "quirin zaun"), "the old name's terms are gone");
        assertEquals(List.of("I5-" + r), found(bulk, "wójcik"));
        assertEquals(List.of("I4-" + r), found(bulk, "r-6"));
        assertEquals(List.of("I1-" + r), found(bulk, "p-" + r));
        assertEquals(List.of(), found(other, "neuzaun"), "another tenant finds nothing");
    }

    /** Each term with the references of its debtor and source (the debtor itself or a claim): ids differ by tenant. */
    private static List<String> searchTerms(TestTenant tenant) throws Exception {
        List<String> terms = new ArrayList<>();
        try (Connection db = PostgresServer.start().superuserConnection("cases");
             PreparedStatement query = db.prepareStatement("""
                     select t.term, d.external_reference, coalesce(c.external_reference, 'the debtor')
                     from search_terms t join debtors d on d.id = t.debtor_id left join claims c on c.id = t.source_id
                     where t.tenant_id = ? and (c.id is not null or t.source_id = d.id)
                     order by 1, 2, 3""")) {
            query.setObject(1, tenant.id());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    terms.add(rows.getString(1) + " | " + rows.getString(2) + " | " + rows.getString(3));
                }
            }
        }
        return terms;
    }

    private static List<String> found(TestTenant tenant, String q) {
        return as(tenant.viewerToken()).queryParam("q", q).get("/api/cases/search").then().statusCode(200)
                .extract().path("items.case.externalReference");
    }

    private static String line(String debtor, String r, String name, String claim, String invoice) {
        return """
                {"debtor":{"externalReference":"%s-%s","kind":"CONSUMER","name":"%s","emails":["x@example.org"]},\
                "claim":{"externalReference":"%s-%s","invoiceNumber":"%s","issueDate":"2026-01-15","dueDate":"2026-02-14",\
                "principal":{"amount":10.00,"currency":"EUR"},"consumerNotice":true}}"""
                .formatted(debtor, r, name, claim, r, invoice);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
