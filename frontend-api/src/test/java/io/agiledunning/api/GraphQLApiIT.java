package io.agiledunning.api;

import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.agiledunning.api.GraphQLRequests.graphql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The API on its own, against a real Keycloak: who may call what, and which errors clients see. No
 * service runs behind it here (the cross-service path is proven in deploy/e2e), so a permitted call
 * meets an outage and must say UNAVAILABLE without leaking internals.
 */
@QuarkusTest
@WithTestResource(KeycloakResource.class)
class GraphQLApiIT {

    private static final String LIST_CASES = "{ cases(first: 5) { edges { cursor node { id } } pageInfo { hasNextPage } } }";

    private static TestTenant acme;

    @BeforeAll
    static void tenant() {
        acme = TestTenants.create("api");
    }

    @Test
    void anAnonymousCallIsUnauthenticatedNotASystemError() {
        graphql(null, LIST_CASES)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", equalTo("sign in first: this operation needs a valid access token"))
                .body("errors[0].path", equalTo(java.util.List.of("cases")));
    }

    @Test
    void anInvalidTokenIsRefusedAtTheDoor() {
        given().auth().oauth2("forged.token.value").contentType(ContentType.JSON)
                .body(Map.of("query", LIST_CASES))
                .post("/graphql")
                .then().statusCode(401);
    }

    @Test
    void aViewerMayReadButNotOpenCases() {
        graphql(acme.viewerToken(), """
                mutation { openCase(input: {externalReference: "X-1", debtorName: "Max",
                                            amount: {amount: 10.00, currency: "EUR"}}) { caseOpened { id } } }""")
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", equalTo("this operation needs one of the roles tenant-admin, tenant-agent"));
    }

    @Test
    void lifecycleMutationsNeedAWriterRoleAndASignedInCaller() {
        String caseId = java.util.UUID.randomUUID().toString();
        graphql(acme.viewerToken(), """
                mutation { pauseCase(input: {caseId: "%s", reason: "holiday"}) { id status } }""".formatted(caseId))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", equalTo("this operation needs one of the roles tenant-admin, tenant-agent"));
        graphql(acme.viewerToken(), """
                mutation { withdrawCase(caseId: "%s", reason: "done") { id } }""".formatted(caseId))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        graphql(null, """
                mutation { startDunning(caseId: "%s") { id } }""".formatted(caseId))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path", equalTo(java.util.List.of("startDunning")));
        graphql(null, """
                { caseTimeline(caseId: "%s") { type } }""".formatted(caseId))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void lifecycleMutationsRefuseBadInputBeforeAnyServiceIsCalled() {
        graphql(acme.agentToken(), """
                mutation { startDunning(caseId: "not-a-uuid") { id } }""")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].message", equalTo("case not-a-uuid not found"));
        graphql(acme.agentToken(), """
                mutation { makePromise(input: {caseId: "%s", payBy: "2099-01-01",
                                               amount: {amount: 10.001, currency: "EUR"}}) { id } }""".formatted(java.util.UUID.randomUUID()))
                .body("errors[0].extensions.code", equalTo("VALIDATION"))
                .body("errors[0].extensions.fields", equalTo("amount: EUR has at most 2 decimal places, got 10.001"));
    }

    private static final String PLACE_CLAIM = """
            mutation { placeClaim(input: {
                debtor: {externalReference: "D-1", kind: CONSUMER, name: "Erika", emails: ["erika@example.org"]},
                claim: {externalReference: "INV-1", invoiceNumber: "R-1", issueDate: "2026-02-01", dueDate: "2026-03-01",
                        principal: {amount: %s, currency: "EUR"}, consumerNotice: true}})
              { outcome case { id outstanding { amount } } claim { id open { amount } } } }""";

    @Test
    void placingClaimsNeedsAWriterRoleAndReadingThemASignedInCaller() {
        graphql(acme.viewerToken(), PLACE_CLAIM.formatted("10.00"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", equalTo("this operation needs one of the roles tenant-admin, tenant-agent"));
        graphql(null, PLACE_CLAIM.formatted("10.00"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path", equalTo(java.util.List.of("placeClaim")));
        graphql(null, """
                { caseClaims(caseId: "%s") { id } }""".formatted(java.util.UUID.randomUUID()))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(acme.agentToken(), "{ caseClaims(caseId: \"not-a-uuid\") { id } }")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void aDebtorAttributeGivenTwiceIsRefusedBeforeAnyServiceIsCalled() {
        graphql(acme.agentToken(), PLACE_CLAIM.formatted("10.00").replace("emails: [\"erika@example.org\"]",
                "emails: [\"erika@example.org\"], attributes: [{key: \"industry\", value: \"telecom\"}, {key: \"industry\", value: \"retail\"}]"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("VALIDATION"))
                .body("errors[0].extensions.fields", equalTo("debtor.attributes.industry: is given twice"));
    }

    @Test
    void changingClaimsNeedsAWriterRoleAndBadAmountsAreRefusedBeforeAnyServiceIsCalled() {
        String update = """
                mutation { updateClaim(claim: {externalReference: "INV-1", principal: {amount: %s, currency: "EUR"}})
                  { outcome changedFields case { id closeReason } claim { id withdrawnAt } } }""";
        graphql(acme.viewerToken(), update.formatted("10.00"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        graphql(null, update.formatted("10.00"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path", equalTo(java.util.List.of("updateClaim")));
        graphql(acme.agentToken(), update.formatted("10.001"))
                .body("errors[0].extensions.code", equalTo("VALIDATION"))
                .body("errors[0].extensions.fields", equalTo("claim.principal: EUR has at most 2 decimal places, got 10.001"));
        graphql(acme.viewerToken(), """
                mutation { withdrawClaim(externalReference: "INV-1", reason: "credit note") { outcome } }""")
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        graphql(acme.agentToken(), """
                mutation { withdrawClaim(externalReference: "INV-1", reason: "credit note") { outcome } }""")
                .body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
    }

    @Test
    void debtorsAndFilteredCasesNeedASignedInCallerAndUnknownIdsAreNotFound() {
        graphql(null, "{ debtors(first: 5, search: \"muster\") { edges { node { id } } } }")
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path", equalTo(java.util.List.of("debtors")));
        graphql(null, "{ debtor(id: \"%s\") { debtor { id } } }".formatted(java.util.UUID.randomUUID()))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(acme.viewerToken(), "{ debtor(id: \"not-a-uuid\") { debtor { id } } }")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].message", equalTo("debtor not-a-uuid not found"));
        graphql(null, "{ cases(first: 5, filter: {statuses: [\"OPEN\"]}, sort: AMOUNT, direction: DESC) { edges { cursor } } }")
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(acme.viewerToken(), "{ cases(first: 5, sort: NEXT_ACTION) { edges { cursor nextActionAt } } }")
                .body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
    }

    private static final String CASE_STATEMENT = """
            { caseStatement(caseId: "%s", asOf: "2025-03-31") { caseId asOf claims { claimId } totals { balance { amount } } } }""";

    @Test
    void aCaseStatementIsReadByEveryTenantRoleAndNeedsASignedInCaller() {
        String caseId = java.util.UUID.randomUUID().toString();
        graphql(null, CASE_STATEMENT.formatted(caseId))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path", equalTo(java.util.List.of("caseStatement")));
        graphql(TestTenants.platformAdminToken(), CASE_STATEMENT.formatted(caseId))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        // A viewer passes the role check: the call reaches the (here absent) cases service.
        graphql(acme.viewerToken(), CASE_STATEMENT.formatted(caseId))
                .body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
        graphql(acme.agentToken(), CASE_STATEMENT.formatted("not-a-uuid"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void aPlacementIsCheckedBeforeAnyServiceIsCalledAndAnOutageIsUnavailable() {
        graphql(acme.agentToken(), PLACE_CLAIM.formatted("10.001"))
                .body("errors[0].extensions.code", equalTo("VALIDATION"))
                .body("errors[0].extensions.fields", equalTo("claim.principal: EUR has at most 2 decimal places, got 10.001"));
        graphql(acme.agentToken(), PLACE_CLAIM.formatted("10.00"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAVAILABLE"))
                .body("errors[0].message", equalTo("a service is temporarily unavailable; please retry"));
    }

    @Test
    void aPlatformAdminHasNoTenantRoleAndSeesNoTenantData() {
        graphql(TestTenants.platformAdminToken(), LIST_CASES)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void anAmountWithTooManyDecimalsIsRefusedBeforeAnyServiceIsCalled() {
        graphql(acme.agentToken(), """
                mutation { openCase(input: {externalReference: "X-2", debtorName: "Max",
                                            amount: {amount: 10.001, currency: "EUR"}}) { caseOpened { id } } }""")
                .body("errors[0].extensions.code", equalTo("VALIDATION"))
                .body("errors[0].extensions.fields", equalTo("amount: EUR has at most 2 decimal places, got 10.001"));
        graphql(acme.agentToken(), """
                mutation { openCase(input: {externalReference: "X-3", debtorName: "Max",
                                            amount: {amount: 10.00, currency: "XYZ1"}}) { caseOpened { id } } }""")
                .body("errors[0].extensions.code", equalTo("VALIDATION"))
                .body("errors[0].message", containsString("unknown currency 'XYZ1'"));
    }

    @Test
    void anOutageOfTheCasesServiceIsReportedAsUnavailableWithoutInternals() {
        graphql(acme.agentToken(), LIST_CASES)
                .body("errors[0].extensions.code", equalTo("UNAVAILABLE"))
                .body("errors[0].message", equalTo("a service is temporarily unavailable; please retry"))
                .body("errors[0].extensions", not(org.hamcrest.Matchers.hasKey("exception")));
    }

    @Test
    void debtorDataProtectionIsForTenantAdminsAndConsentsForWriters() {
        String id = java.util.UUID.randomUUID().toString();
        String forAdmins = "this operation needs one of the roles tenant-admin";
        graphql(acme.agentToken(), "{ debtorDataExport(debtorId: \"%s\") }".formatted(id))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", equalTo(forAdmins));
        graphql(acme.agentToken(), "mutation { eraseDebtor(debtorId: \"%s\", reason: \"request\") { retainedUntil } }".formatted(id))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        graphql(acme.agentToken(), "mutation { restrictDebtorProcessing(debtorId: \"%s\", reason: \"objection\") { restrictedAt } }"
                .formatted(id))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        graphql(acme.viewerToken(), """
                mutation { setDebtorConsents(debtorId: "%s", consents: [{channel: "SMS", source: "web form",
                                                                           givenAt: "2026-01-02T09:00:00Z"}]) { channel } }"""
                .formatted(id))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", equalTo("this operation needs one of the roles tenant-admin, tenant-agent"));
        graphql(null, "{ debtorConsents(debtorId: \"%s\") { channel } }".formatted(id))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(acme.adminToken(), "{ debtorDataExport(debtorId: \"not-a-uuid\") }")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].message", equalTo("debtor not-a-uuid not found"));
        // No cases service behind the API here: a permitted call meets the outage.
        graphql(acme.adminToken(), "{ debtorDataExport(debtorId: \"%s\") }".formatted(id))
                .body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
    }

    @Test
    void everyTopLevelFieldIsAnsweredOnItsOwn() {
        graphql(null, "{ a: cases(first: 1) { edges { cursor } } b: caseStats { casesOpened } }")
                .body("errors", hasSize(2))
                .body("errors.extensions.code", everyItem(equalTo("UNAUTHENTICATED")))
                .body("errors.path.flatten()", org.hamcrest.Matchers.containsInAnyOrder("a", "b"));
    }

    @Test
    void aQueryAboveTheComplexityLimitIsRefusedBeforeItRuns() {
        String expensive = IntStream.range(0, 60)
                .mapToObj(i -> "c%d: cases(first: 1) { edges { cursor node { id } } }".formatted(i))
                .collect(Collectors.joining(" ", "{ ", " }"));
        graphql(acme.agentToken(), expensive)
                .body("data", nullValue())
                .body("errors[0].message", containsString("maximum query complexity exceeded"));
    }

    @Test
    void introspectionIsOffUnlessConfigured() {
        graphql(acme.agentToken(), "{ __schema { queryType { name } } }")
                .body("errors[0].message", containsString("__schema"));
    }

    @Test
    void importProgressAndUploadCheckRolesAndAnOutageIsUnavailable() {
        String job = "{ importJob(id: \"%s\") { id state rowsRead percent etaSeconds errorReportUrl } }";
        String jobs = "{ importJobs(first: 5) { edges { cursor node { id state } } pageInfo { hasNextPage } } }";
        graphql(null, jobs).body("data", nullValue()).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(TestTenants.platformAdminToken(), job.formatted(java.util.UUID.randomUUID()))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        graphql(acme.viewerToken(), jobs).body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
        graphql(acme.viewerToken(), job.formatted("not-a-uuid"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].message", equalTo("import job not-a-uuid not found"));

        byte[] file = "debtor_reference,debtor_kind\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().contentType("text/csv").body(file).post("/api/imports").then().statusCode(401);
        given().auth().oauth2(acme.viewerToken()).contentType("text/csv").body(file).post("/api/imports").then().statusCode(403);
        given().auth().oauth2(acme.agentToken()).contentType("application/pdf").body(file).post("/api/imports").then().statusCode(415);
        given().auth().oauth2(acme.agentToken()).contentType("text/csv").body(file).post("/api/imports").then()
                .statusCode(503).body("code", equalTo("UNAVAILABLE"));
        given().auth().oauth2(acme.viewerToken()).get("/api/imports/{id}/errors", java.util.UUID.randomUUID()).then()
                .statusCode(503).body("code", equalTo("UNAVAILABLE"));
    }
}
