package io.agiledunning.cases.api;

import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class CaseResourceIT {

    private static TestTenant acme;
    private static TestTenant globex;

    @BeforeAll
    static void tenants() {
        acme = TestTenants.create("acme");
        globex = TestTenants.create("globex");
    }

    @Test
    void anAgentOpensACaseAndReadsItBackWhileAnotherTenantSeesNothing() {
        String id = open(acme.agentToken(), "INV-1", "Erika Mustermann", "120.50", "EUR")
                .statusCode(201)
                .body("externalReference", equalTo("INV-1"))
                .body("outstanding.amount", equalTo(120.5f))
                .body("outstanding.currency", equalTo("EUR"))
                .body("status", equalTo("OPEN"))
                .extract().path("id");

        as(acme.viewerToken()).get("/api/cases/{id}", id).then()
                .statusCode(200)
                .body("debtorName", equalTo("Erika Mustermann"));
        as(acme.viewerToken()).get("/api/cases?first=100").then()
                .statusCode(200)
                .body("items.id", hasItem(id));

        as(globex.adminToken()).get("/api/cases/{id}", id).then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"))
                .body("message", equalTo("case " + id + " not found"));
        as(globex.adminToken()).get("/api/cases/{id}", UUID.randomUUID()).then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        as(globex.adminToken()).get("/api/cases").then()
                .statusCode(200)
                .body("items", empty())
                .body("hasNextPage", is(false));
    }

    @Test
    void anExternalReferenceIsUniquePerTenantNotAcrossTenants() {
        String reference = "INV-" + UUID.randomUUID();
        open(acme.agentToken(), reference, "Max Mustermann", "10.00", "EUR").statusCode(201);

        open(acme.adminToken(), reference, "Max Mustermann", "10.00", "EUR")
                .statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("message", equalTo("a case with external reference '" + reference + "' exists already"));
        open(TestTenants.create("other").agentToken(), reference, "Someone Else", "10.00", "EUR").statusCode(201);
    }

    @Test
    void callersWithoutTokenOrRoleAreTurnedAwayWithCodes() {
        given().get("/api/cases").then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2("not-a-token").get("/api/cases").then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        open(acme.viewerToken(), "INV-viewer", "Max", "1.00", "EUR")
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        // A platform admin acts for no tenant: no tenant role, so no tenant data.
        as(TestTenants.platformAdminToken()).get("/api/cases").then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void invalidInputIsRefusedNamingTheFieldAndTheReason() {
        open(acme.agentToken(), "INV-neg", "Max", "-1.00", "EUR")
                .statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields[0].field", equalTo("amount"))
                .body("fields[0].reason", equalTo("must not be negative"));
        open(acme.agentToken(), "INV-subcent", "Max", "1.005", "EUR")
                .statusCode(400)
                .body("fields[0].field", equalTo("amount"))
                .body("fields[0].reason", equalTo("EUR has at most 2 decimal places, got 1.005"));
        open(acme.agentToken(), "INV-cur", "Max", "1.00", "EURO")
                .statusCode(400)
                .body("fields[0].field", equalTo("amount.currency"))
                .body("fields[0].reason", equalTo("'EURO' is not a valid Currency"));
        open(acme.agentToken(), "INV-name", "", "1.00", "EUR")
                .statusCode(400)
                .body("fields.field", contains("debtorName"));
        as(acme.agentToken()).get("/api/cases?first=0").then()
                .statusCode(400)
                .body("fields[0].field", equalTo("first"));
        as(acme.agentToken()).get("/api/cases?after=garbage").then()
                .statusCode(400)
                .body("fields[0].field", equalTo("after"))
                .body("fields[0].reason", equalTo("not a cursor returned by this API"));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        TestTenant paged = TestTenants.create("paged");
        List<String> opened = List.of("A", "B", "C").stream()
                .map(ref -> open(paged.agentToken(), ref, "Debtor " + ref, "5.00", "EUR").statusCode(201).extract().<String>path("id"))
                .toList();

        var first = as(paged.agentToken()).get("/api/cases?first=2").then()
                .statusCode(200)
                .body("items.id", contains(opened.get(0), opened.get(1)))
                .body("hasNextPage", is(true))
                .body("endCursor", notNullValue())
                .extract();
        as(paged.agentToken()).get("/api/cases?first=2&after=" + first.path("endCursor")).then()
                .statusCode(200)
                .body("items.id", contains(opened.get(2)))
                .body("hasNextPage", is(false));
        as(acme.agentToken()).get("/api/cases?first=100").then()
                .body("items.id", not(hasItem(opened.get(0))));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static io.restassured.response.ValidatableResponse open(String token, String reference, String debtor, String amount, String currency) {
        return as(token).contentType(ContentType.JSON)
                .body("""
                        {"externalReference": "%s", "debtorName": "%s", "amount": {"amount": %s, "currency": "%s"}}"""
                        .formatted(reference, debtor, amount, currency))
                .post("/api/cases")
                .then().log().ifValidationFails();
    }
}
