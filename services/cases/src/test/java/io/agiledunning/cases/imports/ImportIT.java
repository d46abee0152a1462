package io.agiledunning.cases.imports;

import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bulk placement over REST against real PostgreSQL, Keycloak and Kafka, with chunks of 4 rows (test profile), so
 * duplicates, joins and currency conflicts cross chunk boundaries.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class ImportIT {

    private static final String HEADER = "debtor_reference,debtor_kind,debtor_name,email,phone,street,postal_code,city,country,"
            + "claim_reference,invoice_number,issue_date,due_date,principal,currency,fees,paid,consumer_notice\n";

    private static TestTenant acme;
    private static TestTenant globex;
    private static TestTenant oneByOne;
    private static TestTenant bulk;

    @Inject
    OutboxRelay relay;

    @BeforeAll
    static void tenants() {
        acme = TestTenants.create("imp-acme");
        globex = TestTenants.create("imp-globex");
        oneByOne = TestTenants.create("imp-single");
        bulk = TestTenants.create("imp-bulk");
    }

    @Test
    void aMixedFileImportsEveryValidRowRejectsEachBrokenOneAndASecondUploadChangesNothing() {
        String r = UUID.randomUUID().toString().substring(0, 8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        row(file, "A-%s,CONSUMER,Anna,anna@example.org,,,,,,I1-%s,R1,2026-01-15,2026-02-14,100.00,EUR,,,true", r, r); // 2 opens
        row(file, "A-%s,CONSUMER,Anna,anna@example.org,,,,,,I2-%s,R2,2026-01-15,2026-02-14,50.00,EUR,5,,true", r, r);  // 3 joins
        row(file, "B-%s,CONSUMER,Ben,ben@example.org,,,,,,I3-%s,R3,2026-13-01,2026-02-14,10.00,EUR,,,", r, r);        // 4 bad date
        row(file, "C-%s,CONSUMER,Cem,cem@example.org,,,,,,I4-%s,R4,2026-01-15,2026-02-14,-10.00,EUR,,,", r, r);       // 5 negative
        row(file, "D-%s,CONSUMER,Dora,dora@example.org,,,,,,I5-%s,R5,2026-01-15,2026-02-14,10.00,EUX,,,", r, r);      // 6 currency
        row(file, "E-%s,BUSINESS,Emil GmbH,,,,,,,I6-%s,R6,2026-01-15,2026-02-14,10.00,EUR,,,", r, r);                 // 7 no contact
        row(file, "A-%s,CONSUMER,Anna,anna@example.org,,,,,,I1-%s,R1,2026-01-15,2026-02-14,100.00,EUR,,,true", r, r); // 8 duplicate
        file.writeBytes("F-%s,CONSUMER,J\u00fcrgen,".formatted(r).getBytes(StandardCharsets.ISO_8859_1));            // 9 Latin-1
        row(file, "j@example.org,,,,,,I7-%s,R7,2026-01-15,2026-02-14,10.00,EUR,,,", r);
        row(file, "G-%s,BUSINESS,Gabi AG,,+49 30 1,,,,,I8-%s,R8,15.01.2026,14.02.2026,\"1.234,56\",EUR,,,", r, r);   // 10 valid
        row(file, "B-%s,CONSUMER,Ben,ben@example.org,,,,,,I9-%s,R9,2026-01-15,2026-02-14,10.00,EUR,,,", r, r);        // 11 valid
        row(file, "A-%s,CONSUMER,Anna,anna@example.org,,,,,,I10-%s,R10,2026-01-15,2026-02-14,7.00,USD,,,", r, r);     // 12 wrong case currency
        byte[] bytes = file.toByteArray();

        String jobId = upload(acme.agentToken(), "text/csv", bytes)
                .statusCode(201)
                .body("state", equalTo("COMPLETED"))
                .body("format", equalTo("CSV"))
                .body("rowsRead", equalTo(11))
                .body("rowsValid", equalTo(4))
                .body("rowsRejected", equalTo(7))
                .body("claimsCreated", equalTo(4))
                .body("claimsUnchanged", equalTo(0))
                .body("percent", equalTo(100.0f))
                .body("bytesRead", equalTo(bytes.length))
                .extract().path("id");
        String caseA = caseIdOf(acme, "I1-" + r);
        String report = as(acme.viewerToken()).get("/api/imports/{id}/errors", jobId).then().statusCode(200)
                .header("Content-Type", "text/csv; charset=UTF-8").extract().asString();
        assertEquals("""
                row,field,reason\r
                4,"issue_date","'2026-13-01' is not a date (expected YYYY-MM-DD or DD.MM.YYYY)"\r
                5,"principal","must be positive"\r
                6,"currency","unknown currency 'EUX' (expected an ISO 4217 code such as EUR)"\r
                7,"debtor","needs at least one contact point (email, phone or postal address)"\r
                8,"claim_reference","duplicate claim reference: row 2 has it already"\r
                9,"row","field 3 is not valid UTF-8 (the file must be saved as UTF-8)"\r
                12,"currency","the debtor's case %s is kept in EUR, a claim in USD cannot join it"\r
                """.formatted(caseA), report);

        as(acme.viewerToken()).get("/api/cases/{id}", caseA).then().statusCode(200)
                .body("outstanding.amount", equalTo(155.0f))
                .body("externalReference", equalTo("I1-" + r));
        as(acme.viewerToken()).get("/api/cases/{id}/timeline", caseA).then().statusCode(200)
                .body("type", equalTo(List.of("CaseOpened", "ClaimAdded")))
                .body("[1].reason", equalTo("claim I2-%s (50.00 EUR) joined the case".formatted(r)));
        relay.relayAll();
        String before = TenantState.of(null, acme.id().toString(), acme.viewerToken());
        int events = TenantState.eventCount(acme.id().toString());
        assertEquals(4, events, "CaseOpened ×3 (Anna, Gabi, Ben) and ClaimAdded ×1");

        upload(acme.adminToken(), "text/csv", bytes)
                .statusCode(201)
                .body("state", equalTo("COMPLETED"))
                .body("rowsValid", equalTo(4))
                .body("rowsRejected", equalTo(7))
                .body("claimsCreated", equalTo(0))
                .body("claimsUpdated", equalTo(0))
                .body("claimsUnchanged", equalTo(4));
        relay.relayAll();
        assertEquals(before, TenantState.of(null, acme.id().toString(), acme.viewerToken()),
                "a second upload changes no row, timeline entry or event");
        assertEquals(events, TenantState.eventCount(acme.id().toString()));

        // Tenant isolation: another tenant's job answers exactly like a nonexistent one, on every endpoint.
        for (String id : List.of(jobId, UUID.randomUUID().toString())) {
            as(globex.adminToken()).get("/api/imports/{id}", id).then().statusCode(404).body("code", equalTo("NOT_FOUND"))
                    .body("message", equalTo("import job %s not found".formatted(id)));
            as(globex.adminToken()).get("/api/imports/{id}/errors", id).then().statusCode(404).body("code", equalTo("NOT_FOUND"))
                    .body("message", equalTo("import job %s not found".formatted(id)));
        }
        as(globex.adminToken()).get("/api/imports").then().statusCode(200).body("items", hasSize(0));
        as(acme.viewerToken()).get("/api/imports?first=1").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(jobId)).body("hasNextPage", equalTo(true))
                .body("endCursor", notNullValue());
        as(acme.viewerToken()).get("/api/imports/{id}", jobId).then().statusCode(200).body("rowsRejected", equalTo(7));
    }

    @Test
    void eachRowHasTheOutcomeOfPlacingItThroughThePlacementApi() {
        String r = UUID.randomUUID().toString().substring(0, 8);
        // Debtor attributes: given ones replace the debtor's, left out keeps them, a refused row changes nothing.
        List<String> first = List.of(
                attributes(line("P", r, "Paula", "I1", "100.00", "0.00", "EUR"), "{\"industry\":\"telecom\"}"),
                attributes(line("Q", r, "Quirin", "I2", "20.00", "0.00", "EUR"), "{\"tier\":\"gold\"}"),
                line("Q", r, "Quirin", "I3", "30.00", "2.50", "EUR"));
        List<String> second = List.of(
                line("P", r, "Paula", "I1", "100.00", "0.00", "EUR"),           // unchanged
                attributes(line("P", r, "Paula", "I4", "40.00", "0.00", "EUR"),  // joins P's case ...
                        "{\"industry\":\"energy\",\"tier\":\"silver\"}"),
                attributes(line("P", r, "Paula", "I1", "90.00", "5.00", "EUR").replace("\"R-I1\"", "\"R-I1b\""), // ... duplicate in file
                        "{\"industry\":\"refused\"}"),
                attributes(line("Q", r, "Quirin Neu", "I2", "25.00", "1.00", "EUR"), "{}"), // updated, debtor renamed, attributes cleared
                line("Q", r, "Quirin Neu", "I5", "5.00", "0.00", "EUR"),        // joins Q's case after the update
                line("P", r, "Paula", "I3", "30.00", "2.50", "EUR"),            // Q's claim: another debtor
                attributes(line("S", r, "Sven", "I6", "70.00", "0.00", "GBP"), "{\"product\":\"mobile\"}"), // opens a case ...
                attributes(line("S", r, "Sven", "I7", "3.00", "0.00", "CHF"), "{\"product\":\"refused\"}"), // ... in GBP: refused
                line("S", r, "Sven", "I8", "1.00", "0.00", "GBP"));             // ... joins
        for (List<String> lines : List.of(first, second)) {
            for (String body : lines) {
                if (lines == second && body.contains("R-I1b")) {
                    continue; // within one call the API has no "duplicate in file"; the import's rule is tested above
                }
                as(oneByOne.agentToken()).contentType("application/json").body(body).post("/api/claims")
                        .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201, 400, 409));
            }
            upload(bulk.agentToken(), "application/x-ndjson", String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                    .statusCode(201).body("state", equalTo("COMPLETED"));
        }
        relay.relayAll();
        String bulkState = TenantState.of(null, bulk.id().toString(), bulk.viewerToken());
        assertEquals(TenantState.of(null, oneByOne.id().toString(), oneByOne.viewerToken()), bulkState);
        assertEquals(Map.of("industry", "energy", "tier", "silver"), debtorAttributes(bulk, "I1-" + r), bulkState);
        assertEquals(Map.of(), debtorAttributes(bulk, "I2-" + r), bulkState);
        assertEquals(Map.of("product", "mobile"), debtorAttributes(bulk, "I6-" + r), bulkState);
        String jobId = as(bulk.viewerToken()).get("/api/imports?first=2").then().extract().path("items[1].id");
        as(bulk.viewerToken()).get("/api/imports/{id}", jobId).then()
                .body("rowsRead", equalTo(9)).body("claimsCreated", equalTo(4)).body("claimsUpdated", equalTo(1))
                .body("claimsUnchanged", equalTo(1)).body("rowsRejected", equalTo(3));
        String report = as(bulk.viewerToken()).get("/api/imports/{id}/errors", jobId).then().extract().asString();
        assertEquals(4, report.lines().count(), report);
        assertEquals("3,\"claim.externalReference\",\"duplicate claim reference: row 1 has it already\"", report.lines().toList().get(1));
        assertEquals("6,\"claim.externalReference\",\"claim 'I3-%s' belongs to another debtor\"".formatted(r), report.lines().toList().get(2));
    }

    @Test
    void csvAttributeColumnsSetTheDebtorsAttributes() {
        String r = UUID.randomUUID().toString().substring(0, 8);
        String header = "schuldner_referenz;schuldner_art;schuldner_name;e_mail;forderung_referenz;rechnungsnummer;"
                + "rechnungsdatum;faelligkeitsdatum;hauptforderung;waehrung;attribute.industry;Merkmal.tarif\n";
        String rows = header
                + "T-%1$s;VERBRAUCHER;Tina;t@example.org;J1-%1$s;R1;15.01.2026;14.02.2026;10,00;EUR;telecom; gold \n".formatted(r)
                + "U-%1$s;VERBRAUCHER;Udo;u@example.org;J2-%1$s;R2;15.01.2026;14.02.2026;10,00;EUR;;\n".formatted(r)
                + "V-%1$s;VERBRAUCHER;Vera;v@example.org;J3-%1$s;R3;15.01.2026;14.02.2026;10,00;EUR;%2$s;\n".formatted(r, "x".repeat(201));
        String jobId = upload(acme.agentToken(), "text/csv", rows.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("state", equalTo("COMPLETED")).body("rowsValid", equalTo(2)).body("rowsRejected", equalTo(1))
                .extract().path("id");
        assertEquals(Map.of("industry", "telecom", "tarif", "gold"), debtorAttributes(acme, "J1-" + r));
        assertEquals(Map.of(), debtorAttributes(acme, "J2-" + r), "a file with attribute columns sets what the row has");
        assertEquals("""
                row,field,reason\r
                4,"attribute.industry","must be at most 200 characters"\r
                """, as(acme.viewerToken()).get("/api/imports/{id}/errors", jobId).then().statusCode(200).extract().asString());
        String tinasCase = caseIdOf(acme, "J1-" + r);
        String tinasDebtor = as(acme.viewerToken()).get("/api/cases/{id}", tinasCase).then().extract().path("debtorId");
        as(globex.viewerToken()).get("/api/debtors/{id}", tinasDebtor).then().statusCode(404);

        // A file without attribute columns keeps what the debtors have.
        String plain = HEADER + "T-%1$s,CONSUMER,Tina,t@example.org,,,,,,J4-%1$s,R4,2026-01-15,2026-02-14,5.00,EUR,,,\n".formatted(r);
        upload(acme.agentToken(), "text/csv", plain.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("state", equalTo("COMPLETED")).body("claimsCreated", equalTo(1));
        assertEquals(Map.of("industry", "telecom", "tarif", "gold"), debtorAttributes(acme, "J1-" + r));
        // With the attribute columns, a row leaving them all empty clears a known debtor's attributes.
        String cleared = header + "T-%1$s;VERBRAUCHER;Tina;t@example.org;J1-%1$s;R1;15.01.2026;14.02.2026;10,00;EUR;;\n".formatted(r);
        upload(acme.agentToken(), "text/csv", cleared.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("state", equalTo("COMPLETED")).body("claimsUnchanged", equalTo(1));
        assertEquals(Map.of(), debtorAttributes(acme, "J1-" + r));

        for (var refused : Map.of(
                "attribute.Branche", "the column 'attribute.Branche' cannot hold the debtor attribute 'Branche': a key must be "
                        + "lower-case letters, digits, '_' or '-' (at most 40), starting with a letter",
                "merkmal.persona", "the column 'merkmal.persona' cannot hold the debtor attribute 'persona': is assigned by "
                        + "the platform, not placed",
                "attribute.tier,merkmal.tier", "the header names the debtor attribute 'tier' twice ('attribute.tier' and "
                        + "'merkmal.tier')").entrySet()) {
            byte[] file = (HEADER.strip() + "," + refused.getKey() + "\n").getBytes(StandardCharsets.UTF_8);
            upload(acme.agentToken(), "text/csv", file).statusCode(201)
                    .body("state", equalTo("FAILED")).body("failure", equalTo(refused.getValue()));
        }
    }

    @Test
    void onlyAgentsAndAdminsUploadAndOnlyKnownFormats() {
        byte[] empty = HEADER.getBytes(StandardCharsets.UTF_8);
        upload(acme.viewerToken(), "text/csv", empty).statusCode(403);
        given().contentType("text/csv").body(empty).post("/api/imports").then().statusCode(401);
        upload(acme.agentToken(), "application/pdf", empty).statusCode(415);
        upload(acme.agentToken(), "text/csv", "debtor_reference\nx\n".getBytes(StandardCharsets.UTF_8))
                .statusCode(201)
                .body("state", equalTo("FAILED"))
                .body("failure", org.hamcrest.Matchers.startsWith("the header lacks the required column(s) debtor_kind / schuldner_art"));
    }

    private static String line(String debtor, String r, String name, String claim, String principal, String fees, String currency) {
        return """
                {"debtor":{"externalReference":"%s-%s","kind":"CONSUMER","name":"%s","emails":["x@example.org"]},\
                "claim":{"externalReference":"%s-%s","invoiceNumber":"R-%s","issueDate":"2026-01-15","dueDate":"2026-02-14",\
                "principal":{"amount":%s,"currency":"%s"},"fees":{"amount":%s,"currency":"%s"},"consumerNotice":true}}"""
                .formatted(debtor, r, name, claim, r, claim, principal, currency, fees, currency);
    }

    /** The placement line with {@code attributes} (a JSON object) on its debtor. */
    private static String attributes(String line, String attributes) {
        return line.replace("\"emails\":[\"x@example.org\"]}", "\"emails\":[\"x@example.org\"],\"attributes\":" + attributes + "}");
    }

    /** The attributes of the debtor of the case named after {@code claimReference}. */
    private static Map<String, String> debtorAttributes(TestTenant tenant, String claimReference) {
        String debtorId = as(tenant.viewerToken()).get("/api/cases/{id}", caseIdOf(tenant, claimReference)).then()
                .statusCode(200).extract().path("debtorId");
        return as(tenant.viewerToken()).get("/api/debtors/{id}", debtorId).then().statusCode(200).extract().path("attributes");
    }

    private static String caseIdOf(TestTenant tenant, String claimReference) {
        List<String> ids = as(tenant.viewerToken()).get("/api/cases?first=100").then().statusCode(200).extract()
                .path("items.findAll { it.externalReference == '%s' }.id".formatted(claimReference));
        assertEquals(1, ids.size(), "one case named after claim " + claimReference);
        return ids.getFirst();
    }

    private static void row(ByteArrayOutputStream file, String format, Object... args) {
        file.writeBytes((format.formatted(args) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static ValidatableResponse upload(String token, String contentType, byte[] body) {
        return as(token).contentType(contentType).body(body).post("/api/imports").then().log().ifValidationFails();
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
