package io.agiledunning.e2e;

import static io.agiledunning.e2e.GraphQL.errorCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agiledunning.testsupport.KafkaServer;
import io.agiledunning.testsupport.PublishedEvents;
import io.agiledunning.testsupport.KeycloakAdmin;
import io.agiledunning.testsupport.KeycloakServer;
import io.agiledunning.testsupport.PlatformService;
import io.agiledunning.testsupport.PostgresServer;
import io.agiledunning.testsupport.ServiceConfig;
import io.agiledunning.testsupport.stripe.FakeStripe;
import io.agiledunning.testsupport.stripe.StripeEvents;
import io.agiledunning.testsupport.stripe.StripeWebhookSender;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.Eventually;
import io.agiledunning.testsupport.TestTenants;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The platform end to end: real PostgreSQL, Keycloak and Kafka (test-support), the packaged
 * {@code cases}, {@code reporting} and {@code frontend-api} (their {@code quarkus-run.jar}, launched
 * like the local stack does), and a client that only speaks GraphQL and OAuth — plus, for the
 * outbox/inbox proof, direct looks into the owners' databases and the Kafka topic.
 */
class CrossServiceIT {

    private static final String TOPIC = "cases.events.v1";
    private static final String REPORTING_GROUP = "reporting";
    private static final String CASE_FIELDS = "id externalReference debtorName outstanding { amount currency } status createdAt";
    private static final String OPEN_CASE = """
            mutation($input: OpenCaseInput!) {
              openCase(input: $input) { caseOpened { %s } }
            }""".formatted(CASE_FIELDS);
    private static final String CASE_BY_ID = "query($id: ID!) { case(id: $id) { %s } }".formatted(CASE_FIELDS);
    private static final String CASES_PAGE = """
            query($first: Int!, $after: String) {
              cases(first: $first, after: $after) {
                edges { cursor node { id externalReference } }
                pageInfo { endCursor hasNextPage }
              }
            }""";
    private static final String CASE_STATS = "{ caseStats { casesOpened amountPlaced currency } }";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PlatformStack stack;
    private static GraphQL graphql;
    private static TestTenant tenantA;
    private static TestTenant tenantB;

    @BeforeAll
    static void startPlatform() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        PlatformStack.startServers();
        stack = PlatformStack.onFreePorts()
                .start(Set.of(PlatformService.CASES, PlatformService.REPORTING, PlatformService.PAYMENTS,
                        PlatformService.ONBOARDING, PlatformService.FRONTEND_API));
        graphql = new GraphQL(stack.url(PlatformService.FRONTEND_API));
        tenantA = TestTenants.create("e2e-a");
        tenantB = TestTenants.create("e2e-b");
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @DisplayName("an agent opens a case through GraphQL (frontend-api → cases → PostgreSQL) and reads it back")
    void openAndReadBack() {
        KeycloakAdmin keycloak = KeycloakServer.start().admin();
        for (TestTenant tenant : List.of(tenantA, tenantB)) {
            JsonNode organization = keycloak.get("/organizations/" + tenant.id());
            assertEquals(tenant.alias(), organization.path("alias").asText(), "organization of " + tenant);
            assertEquals(3, keycloak.get("/organizations/" + tenant.id() + "/members").size(), "members of " + tenant);
        }

        String agent = tenantA.agentToken();
        String reference = "INV-" + UUID.randomUUID();
        JsonPath opened = openCase(agent, reference, "Erika Mustermann", "1234.50", "EUR");
        assertEquals(List.of(), errorCodes(opened), () -> opened.prettify());
        String id = opened.getString("data.openCase.caseOpened.id");
        assertNotNull(id);
        assertEquals("OPEN", opened.getString("data.openCase.caseOpened.status").toUpperCase());

        JsonPath read = graphql.post(agent, CASE_BY_ID, Map.of("id", id));
        assertEquals(List.of(), errorCodes(read), () -> read.prettify());
        assertEquals(id, read.getString("data.case.id"));
        assertEquals(reference, read.getString("data.case.externalReference"));
        assertEquals("Erika Mustermann", read.getString("data.case.debtorName"));
        assertEquals(0, new BigDecimal("1234.50").compareTo(new BigDecimal(read.getString("data.case.outstanding.amount"))));
        assertEquals("EUR", read.getString("data.case.outstanding.currency"));

        // A viewer of the same tenant reads it too.
        assertEquals(id, graphql.post(tenantA.viewerToken(), CASE_BY_ID, Map.of("id", id)).getString("data.case.id"));

        // The list pages with Relay cursors; the case is in it.
        String second = openCase(agent, "INV-" + UUID.randomUUID(), "Max Mustermann", "10.00", "EUR")
                .getString("data.openCase.caseOpened.id");
        List<String> all = allCaseIds(agent);
        assertTrue(all.contains(id) && all.contains(second), () -> "cases of A: " + all);
        assertEquals(all.size(), Set.copyOf(all).size(), () -> "pages overlap: " + all);
    }

    @Test
    @DisplayName("another tenant, an anonymous caller and a viewer get NOT_FOUND, UNAUTHENTICATED and FORBIDDEN")
    void isolationAndRoles() {
        String id = openCase(tenantA.agentToken(), "INV-" + UUID.randomUUID(), "Erika Mustermann", "99.99", "EUR")
                .getString("data.openCase.caseOpened.id");
        String tokenB = tenantB.agentToken();

        JsonPath foreign = graphql.post(tokenB, CASE_BY_ID, Map.of("id", id));
        assertEquals(List.of("NOT_FOUND"), errorCodes(foreign), () -> foreign.prettify());
        assertNull(foreign.get("data.case"));
        // ... exactly like a case that does not exist.
        JsonPath missing = graphql.post(tokenB, CASE_BY_ID, Map.of("id", UUID.randomUUID().toString()));
        assertEquals(List.of("NOT_FOUND"), errorCodes(missing), () -> missing.prettify());

        JsonPath listB = graphql.post(tokenB, CASES_PAGE, Map.of("first", 20));
        assertEquals(List.of(), errorCodes(listB), () -> listB.prettify());
        assertEquals(List.of(), listB.getList("data.cases.edges"));
        assertFalse(listB.getBoolean("data.cases.pageInfo.hasNextPage"));

        JsonPath anonymous = graphql.post(null, CASE_BY_ID, Map.of("id", id));
        assertEquals(List.of("UNAUTHENTICATED"), errorCodes(anonymous), () -> anonymous.prettify());
        JsonPath anonymousList = graphql.post(null, CASES_PAGE, Map.of("first", 5));
        assertEquals(List.of("UNAUTHENTICATED"), errorCodes(anonymousList), () -> anonymousList.prettify());

        JsonPath viewer = openCase(tenantA.viewerToken(), "INV-" + UUID.randomUUID(), "Erika Mustermann", "5.00", "EUR");
        assertEquals(List.of("FORBIDDEN"), errorCodes(viewer), () -> viewer.prettify());
        assertNull(viewer.get("data.openCase"));
    }

    @Test
    @DisplayName("one request with several top-level fields is answered field by field")
    void severalTopLevelFields() {
        String agent = tenantA.agentToken();
        String id = openCase(agent, "INV-" + UUID.randomUUID(), "Erika Mustermann", "42.00", "EUR")
                .getString("data.openCase.caseOpened.id");
        JsonPath response = graphql.post(agent, """
                query($id: ID!) {
                  a: cases(first: 1) { edges { cursor node { id } } pageInfo { endCursor hasNextPage } }
                  b: case(id: $id) { id externalReference }
                  caseStats { casesOpened amountPlaced currency }
                }""", Map.of("id", id));
        assertEquals(List.of(), errorCodes(response), () -> response.prettify());
        assertEquals(1, response.getList("data.a.edges").size());
        assertNotNull(response.getString("data.a.pageInfo.endCursor"));
        assertEquals(id, response.getString("data.b.id"));
        assertNotNull(response.getList("data.caseStats"));

        // A failing field does not take the others down.
        JsonPath partial = graphql.post(agent, """
                query($id: ID!) { a: cases(first: 1) { edges { node { id } } } b: case(id: $id) { id } }""",
                Map.of("id", UUID.randomUUID().toString()));
        assertEquals(List.of("NOT_FOUND"), errorCodes(partial), () -> partial.prettify());
        assertEquals(1, partial.getList("data.a.edges").size());
    }

    @Test
    @DisplayName("a payment recorded in payments reaches the case over Kafka, is allocated by the legal engine and stated")
    void paymentAllocatedAcrossServices() {
        String agent = tenantA.agentToken();
        JsonPath placed = graphql.post(agent, """
                mutation { placeClaim(input: {
                    debtor: {externalReference: "D-%1$s", kind: BUSINESS, name: "Muster GmbH", emails: ["billing@example.org"]},
                    claim: {externalReference: "INV-%1$s", invoiceNumber: "R-1", issueDate: "2025-01-01", dueDate: "2025-01-15",
                            principal: {amount: 1000.00, currency: "EUR"}, consumerNotice: false}})
                  { case { id } } }""".formatted(UUID.randomUUID()));
        assertEquals(List.of(), errorCodes(placed), () -> placed.prettify());
        String caseId = placed.getString("data.placeClaim.case.id");

        RestAssured.given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "amount", Map.of("amount", 100.00, "currency", "EUR"),
                        "method", "BANK_TRANSFER", "receivedOn", "2025-03-31"))
                .post(stack.url(PlatformService.PAYMENTS) + "/api/payments")
                .then().statusCode(201);

        // In default since 2025-02-14: EUR 40 flat fee, interest 44 days at 11.27 % on 1000.00 = 13.59; the payment
        // settles costs, then interest, then 46.41 of principal (§ 367(1) BGB): balance 953.59.
        String statement = """
                query($id: ID!) { caseStatement(caseId: $id, asOf: "2025-03-31") {
                  payments { amount { amount } allocations { component amount { amount } } unallocated { amount } }
                  totals { allocated { amount } balance { amount } } } }""";
        Eventually.within(Duration.ofSeconds(60), () -> {
            JsonPath stated = graphql.post(agent, statement, Map.of("id", caseId));
            assertEquals(List.of(), errorCodes(stated), () -> stated.prettify());
            assertEquals(List.of("COSTS", "INTEREST", "PRINCIPAL"),
                    stated.getList("data.caseStatement.payments[0].allocations.component"));
            assertEquals(List.of("40.0", "13.59", "46.41"), stated.getList("data.caseStatement.payments[0].allocations.amount.amount")
                    .stream().map(String::valueOf).toList());
            assertEquals("953.59", stated.getString("data.caseStatement.totals.balance.amount"));
        });

        JsonPath other = graphql.post(tenantB.agentToken(), statement, Map.of("id", caseId));
        assertEquals(List.of("NOT_FOUND"), errorCodes(other), () -> other.prettify());
    }

    @Test
    @DisplayName("a tenant's legal settings and the debtor's designation shape its statement; other tenants keep theirs")
    void legalSettingsAndDesignationAcrossServices() {
        TestTenant tenant = TestTenants.create("e2e-legal");
        String change = """
                mutation($input: ChangeLegalSettingsInput!) { changeLegalSettings(input: $input) {
                  version chargeB2bFlatFee interestCapPercent reminderFee { amount currency } changedBy } }""";
        JsonPath forbidden = graphql.post(tenant.agentToken(), change, Map.of("input", Map.of("chargeB2bFlatFee", false)));
        assertEquals(List.of("FORBIDDEN"), errorCodes(forbidden), () -> forbidden.prettify());
        JsonPath invalid = graphql.post(tenant.adminToken(), change, Map.of("input", Map.of("dayCount", "ACT_360")));
        assertEquals(List.of("VALIDATION"), errorCodes(invalid), () -> invalid.prettify());
        assertTrue(invalid.getString("errors[0].extensions.fields").startsWith("dayCount: must be one of [ACT_365, ACT_ACT]"),
                () -> invalid.prettify());
        JsonPath changed = graphql.post(tenant.adminToken(), change,
                Map.of("input", Map.of("chargeB2bFlatFee", false, "interestCapPercent", 5)));
        assertEquals(List.of(), errorCodes(changed), () -> changed.prettify());
        assertEquals(1, changed.getInt("data.changeLegalSettings.version"));
        assertEquals(false, changed.getBoolean("data.changeLegalSettings.chargeB2bFlatFee"));
        JsonPath history = graphql.post(tenant.viewerToken(), "{ legalSettingsHistory { version changedBy } }");
        assertEquals(List.of(1), history.getList("data.legalSettingsHistory.version"), () -> history.prettify());
        JsonPath untouched = graphql.post(tenantB.viewerToken(), "{ legalSettings { version chargeB2bFlatFee } }");
        assertEquals(0, untouched.getInt("data.legalSettings.version"), () -> untouched.prettify());
        assertEquals(true, untouched.getBoolean("data.legalSettings.chargeB2bFlatFee"));

        JsonPath placed = graphql.post(tenant.agentToken(), """
                mutation { placeClaim(input: {
                    debtor: {externalReference: "D-%1$s", kind: BUSINESS, name: "Muster GmbH", emails: ["billing@example.org"]},
                    claim: {externalReference: "INV-%1$s", invoiceNumber: "R-1", issueDate: "2025-01-01", dueDate: "2025-01-15",
                            principal: {amount: 1000.00, currency: "EUR"}, consumerNotice: false}})
                  { case { id } claim { id } } }""".formatted(UUID.randomUUID()));
        assertEquals(List.of(), errorCodes(placed), () -> placed.prettify());
        String caseId = placed.getString("data.placeClaim.case.id");
        String claimId = placed.getString("data.placeClaim.claim.id");
        RestAssured.given().auth().oauth2(tenant.agentToken()).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "amount", Map.of("amount", 100.00, "currency", "EUR"),
                        "method", "BANK_TRANSFER", "receivedOn", "2025-03-31", "designatedClaimIds", List.of(claimId)))
                .post(stack.url(PlatformService.PAYMENTS) + "/api/payments")
                .then().statusCode(201);

        // In default since 2025-02-14; no flat fee (switched off); interest capped at 5 %: 44 days on 1000.00 =
        // 1000 × 5 × 44 / 36500 = 6.0274 → 6.03. The payment names the claim (§ 366(1)): interest 6.03, principal
        // 93.97; balance 1000 + 6.03 − 100 = 906.03.
        String statement = """
                query($id: ID!) { caseStatement(caseId: $id, asOf: "2025-03-31") { legalSettingsVersion
                  claims { reminders fees { kind } interestPeriods { ratePercent } }
                  payments { allocations { component amount { amount } claimRule } }
                  totals { balance { amount } } } }""";
        Eventually.within(Duration.ofSeconds(60), () -> {
            JsonPath stated = graphql.post(tenant.viewerToken(), statement, Map.of("id", caseId));
            assertEquals(List.of(), errorCodes(stated), () -> stated.prettify());
            assertEquals(1, stated.getInt("data.caseStatement.legalSettingsVersion"));
            assertEquals(List.of(), stated.getList("data.caseStatement.claims[0].fees"));
            assertEquals(List.of(), stated.getList("data.caseStatement.claims[0].reminders"));
            assertEquals(5.0f, stated.getFloat("data.caseStatement.claims[0].interestPeriods[0].ratePercent"));
            assertEquals(List.of("INTEREST", "PRINCIPAL"), stated.getList("data.caseStatement.payments[0].allocations.component"));
            assertEquals(List.of("6.03", "93.97"), stated.getList("data.caseStatement.payments[0].allocations.amount.amount")
                    .stream().map(String::valueOf).toList());
            assertEquals("§ 366(1) BGB: the debtor named this claim",
                    stated.getString("data.caseStatement.payments[0].allocations[0].claimRule"));
            assertEquals("906.03", stated.getString("data.caseStatement.totals.balance.amount"));
        });
    }

    @Test
    @DisplayName("a tenant admin connects Stripe through GraphQL (frontend-api → payments → fake Stripe); a signed "
            + "account.updated enables card payments; an agent may not start onboarding; another tenant sees nothing")
    void stripeConnectThroughTheApi() {
        TestTenant tenant = TestTenants.create("e2e-stripe");
        String connection = "{ stripeConnection { accountId chargesEnabled cardPaymentsAvailable reason } }";
        String start = "mutation { startStripeOnboarding { accountId url expiresAt } }";

        JsonPath before = graphql.post(tenant.viewerToken(), connection);
        assertEquals(List.of(), errorCodes(before), () -> before.prettify());
        assertNull(before.getString("data.stripeConnection.accountId"));
        assertEquals("NOT_CONNECTED", before.getString("data.stripeConnection.reason"));
        assertEquals(List.of("FORBIDDEN"), errorCodes(graphql.post(tenant.agentToken(), start)));

        JsonPath started = graphql.post(tenant.adminToken(), start);
        assertEquals(List.of(), errorCodes(started), () -> started.prettify());
        String account = started.getString("data.startStripeOnboarding.accountId");
        assertTrue(started.getString("data.startStripeOnboarding.url").startsWith("https://connect.stripe.com/"), started::prettify);
        assertTrue(Instant.parse(started.getString("data.startStripeOnboarding.expiresAt")).isAfter(Instant.now()));

        FakeStripe stripe = ServiceConfig.fakeStripe();
        String event = StripeEvents.accountUpdated(StripeEvents.newEventId(), Instant.now(), stripe.updateAccount(account, true, true, true));
        HttpResponse<String> delivered = new StripeWebhookSender(FakeStripe.WEBHOOK_SECRET)
                .deliver(URI.create(stack.url(PlatformService.PAYMENTS) + "/webhooks/stripe"), event);
        assertEquals(200, delivered.statusCode(), delivered.body());

        JsonPath after = graphql.post(tenant.agentToken(), connection);
        assertEquals(List.of(), errorCodes(after), () -> after.prettify());
        assertEquals(account, after.getString("data.stripeConnection.accountId"));
        assertTrue(after.getBoolean("data.stripeConnection.cardPaymentsAvailable"));
        assertNull(after.getString("data.stripeConnection.reason"));

        JsonPath other = graphql.post(tenantB.adminToken(), connection);
        assertEquals(List.of(), errorCodes(other), () -> other.prettify());
        assertNull(other.getString("data.stripeConnection.accountId"));
        assertEquals("NOT_CONNECTED", other.getString("data.stripeConnection.reason"));
    }

    @Test
    @DisplayName("a placed claim is found, updated and withdrawn through GraphQL; the last withdrawal closes the case; another tenant sees nothing")
    void claimUpdatedAndWithdrawnThroughTheApi() {
        String agent = tenantA.agentToken();
        String claimRef = "INV-" + UUID.randomUUID();
        JsonPath placed = graphql.post(agent, """
                mutation { placeClaim(input: {
                    debtor: {externalReference: "D-%1$s", kind: CONSUMER, name: "Erika Mustermann", emails: ["erika@example.org"]},
                    claim: {externalReference: "%1$s", invoiceNumber: "R-1", issueDate: "2026-02-01", dueDate: "2026-03-01",
                            principal: {amount: 100.00, currency: "EUR"}, consumerNotice: true}})
                  { case { id } claim { debtorId } } }""".formatted(claimRef));
        assertEquals(List.of(), errorCodes(placed), () -> placed.prettify());
        String caseId = placed.getString("data.placeClaim.case.id");
        String debtorId = placed.getString("data.placeClaim.claim.debtorId");
        String found = """
                query($q: String!) { cases(first: 5, filter: {search: $q, statuses: ["OPEN"]}, sort: AMOUNT, direction: DESC)
                  { edges { cursor node { id oldestDueDate } } } }""";
        JsonPath search = graphql.post(tenantA.viewerToken(), found, Map.of("q", claimRef.toLowerCase()));
        assertEquals(List.of(), errorCodes(search), () -> search.prettify());
        assertEquals(List.of(caseId), search.getList("data.cases.edges.node.id"));
        assertEquals(List.of(), graphql.post(tenantB.viewerToken(), found, Map.of("q", claimRef.toLowerCase()))
                .getList("data.cases.edges"));
        String debtor = "query($id: ID!) { debtor(id: $id) { debtor { name } cases { id } claims { externalReference } } }";
        JsonPath detail = graphql.post(tenantA.viewerToken(), debtor, Map.of("id", debtorId));
        assertEquals(List.of(claimRef), detail.getList("data.debtor.claims.externalReference"), () -> detail.prettify());
        JsonPath otherDebtor = graphql.post(tenantB.viewerToken(), debtor, Map.of("id", debtorId));
        assertEquals(List.of("NOT_FOUND"), errorCodes(otherDebtor), () -> otherDebtor.prettify());
        String update = """
                mutation($ref: String!) { updateClaim(claim: {externalReference: $ref, principal: {amount: 80.00, currency: "EUR"}})
                  { outcome changedFields case { id outstanding { amount } } claim { principal { amount } } } }""";
        JsonPath updated = graphql.post(agent, update, Map.of("ref", claimRef));
        assertEquals(List.of(), errorCodes(updated), () -> updated.prettify());
        assertEquals("UPDATED", updated.getString("data.updateClaim.outcome"));
        assertEquals(List.of("principal"), updated.getList("data.updateClaim.changedFields"));
        assertEquals("80.0", updated.getString("data.updateClaim.case.outstanding.amount"));
        assertEquals("UNCHANGED", graphql.post(agent, update, Map.of("ref", claimRef)).getString("data.updateClaim.outcome"));

        String withdraw = """
                mutation($ref: String!) { withdrawClaim(externalReference: $ref, reason: "credit note")
                  { outcome case { id status closeReason } claim { withdrawnAt withdrawalReason } } }""";
        JsonPath other = graphql.post(tenantB.agentToken(), withdraw, Map.of("ref", claimRef));
        assertEquals(List.of("NOT_FOUND"), errorCodes(other), () -> other.prettify());
        JsonPath withdrawn = graphql.post(agent, withdraw, Map.of("ref", claimRef));
        assertEquals(List.of(), errorCodes(withdrawn), () -> withdrawn.prettify());
        assertEquals("WITHDRAWN", withdrawn.getString("data.withdrawClaim.outcome"));
        assertEquals("CLOSED", withdrawn.getString("data.withdrawClaim.case.status"));
        assertEquals("WITHDRAWN", withdrawn.getString("data.withdrawClaim.case.closeReason"));
        assertEquals("credit note", withdrawn.getString("data.withdrawClaim.claim.withdrawalReason"));
        JsonPath again = graphql.post(agent, withdraw, Map.of("ref", claimRef));
        assertEquals("UNCHANGED", again.getString("data.withdrawClaim.outcome"), () -> again.prettify());
        JsonPath timeline = graphql.post(tenantA.viewerToken(), "query($id: ID!) { caseTimeline(caseId: $id) { type } }",
                Map.of("id", caseId));
        assertEquals(List.of("CaseOpened", "ClaimUpdated", "ClaimWithdrawn", "CaseClosed"), timeline.getList("data.caseTimeline.type"));
    }

    @Test
    @DisplayName("a tenant admin records consents, restricts, exports and erases a debtor through GraphQL; other tenants get NOT_FOUND")
    void debtorDataProtectionThroughTheApi() {
        String ref = UUID.randomUUID().toString();
        JsonPath placed = graphql.post(tenantA.agentToken(), """
                mutation { placeClaim(input: {
                    debtor: {externalReference: "D-%1$s", kind: CONSUMER, name: "Max Gdpr", emails: ["max@example.org"],
                             attributes: [{key: "industry", value: "telecom"}]},
                    claim: {externalReference: "INV-%1$s", invoiceNumber: "R-%1$s", issueDate: "2025-01-01", dueDate: "2025-01-15",
                            principal: {amount: 80.00, currency: "EUR"}, consumerNotice: false}})
                  { claim { debtorId } } }""".formatted(ref));
        assertEquals(List.of(), errorCodes(placed), () -> placed.prettify());
        String debtorId = placed.getString("data.placeClaim.claim.debtorId");
        Map<String, Object> id = Map.of("id", debtorId);

        String listDebtor = "{ debtors(search: \"D-%s\") { edges { node { id attributes { key value } } } } }".formatted(ref);
        JsonPath listed = graphql.post(tenantA.viewerToken(), listDebtor);
        assertEquals(List.of(), errorCodes(listed), () -> listed.prettify());
        assertEquals(List.of(debtorId), listed.getList("data.debtors.edges.node.id"));
        assertEquals(List.of(Map.of("key", "industry", "value", "telecom")), listed.getList("data.debtors.edges[0].node.attributes"),
                "the tenant's own attribute, for its segments");
        assertEquals(List.of(), graphql.post(tenantB.viewerToken(), listDebtor).getList("data.debtors.edges"));

        String consents = """
                mutation($id: ID!) { setDebtorConsents(debtorId: $id, consents: [{channel: "SMS", source: "web form",
                    givenAt: "2025-01-02T09:00:00Z"}]) { channel source givenAt recordedBy } }""";
        JsonPath foreignConsents = graphql.post(tenantB.agentToken(), consents, id);
        assertEquals(List.of("NOT_FOUND"), errorCodes(foreignConsents), () -> foreignConsents.prettify());
        JsonPath given = graphql.post(tenantA.agentToken(), consents, id);
        assertEquals(List.of(), errorCodes(given), () -> given.prettify());
        assertEquals(List.of("SMS"), given.getList("data.setDebtorConsents.channel"));
        JsonPath wrong = graphql.post(tenantA.agentToken(), """
                mutation($id: ID!) { setDebtorConsents(debtorId: $id, consents: [{channel: "FAX", source: "x",
                    givenAt: "2025-01-02T09:00:00Z"}]) { channel } }""", id);
        assertEquals(List.of("VALIDATION"), errorCodes(wrong), () -> wrong.prettify());
        assertEquals("consents[0].channel: must be among [EMAIL, SMS, LETTER, PHONE], got 'FAX'",
                wrong.getString("errors[0].extensions.fields"));

        String restrict = "mutation($id: ID!) { restrictDebtorProcessing(debtorId: $id, reason: \"objection\") { restrictedAt restrictionReason } }";
        JsonPath foreignRestriction = graphql.post(tenantB.adminToken(), restrict, id);
        assertEquals(List.of("NOT_FOUND"), errorCodes(foreignRestriction), () -> foreignRestriction.prettify());
        JsonPath restricted = graphql.post(tenantA.adminToken(), restrict, id);
        assertEquals(List.of(), errorCodes(restricted), () -> restricted.prettify());
        assertEquals("objection", restricted.getString("data.restrictDebtorProcessing.restrictionReason"));

        String export = "query($id: ID!) { debtorDataExport(debtorId: $id) }";
        JsonPath foreignExport = graphql.post(tenantB.adminToken(), export, id);
        assertEquals(List.of("NOT_FOUND"), errorCodes(foreignExport), () -> foreignExport.prettify());
        JsonPath exported = graphql.post(tenantA.adminToken(), export, id);
        assertEquals(List.of(), errorCodes(exported), () -> exported.prettify());
        JsonPath document = JsonPath.from(exported.getString("data.debtorDataExport"));
        assertEquals("agile-dunning.debtor-export.v1", document.getString("format"));
        assertEquals("Max Gdpr", document.getString("debtor.name"));
        assertEquals(List.of("SMS"), document.getList("consents.channel"));
        assertEquals(List.of("INV-" + ref), document.getList("claims.externalReference"));

        String erase = "mutation($id: ID!) { eraseDebtor(debtorId: $id, reason: \"request by letter\") { retainedUntil claimsKept } }";
        JsonPath open = graphql.post(tenantA.adminToken(), erase, id);
        assertEquals(List.of("CONFLICT"), errorCodes(open), () -> open.prettify());
        JsonPath withdrawn = graphql.post(tenantA.agentToken(),
                "mutation($ref: String!) { withdrawClaim(externalReference: $ref, reason: \"placed by mistake\") { outcome } }",
                Map.of("ref", "INV-" + ref));
        assertEquals(List.of(), errorCodes(withdrawn), () -> withdrawn.prettify());
        JsonPath foreignErasure = graphql.post(tenantB.adminToken(), erase, id);
        assertEquals(List.of("NOT_FOUND"), errorCodes(foreignErasure), () -> foreignErasure.prettify());
        JsonPath erased = graphql.post(tenantA.adminToken(), erase, id);
        assertEquals(List.of(), errorCodes(erased), () -> erased.prettify());
        assertEquals(1, erased.getInt("data.eraseDebtor.claimsKept"));
        assertNotNull(erased.getString("data.eraseDebtor.retainedUntil"));
        JsonPath after = graphql.post(tenantA.viewerToken(), "query($id: ID!) { debtor(id: $id) { debtor { name emails erasedAt } } }", id);
        assertEquals(List.of(), errorCodes(after), () -> after.prettify());
        assertEquals("erased (Art. 17 GDPR)", after.getString("data.debtor.debtor.name"));
        assertEquals(List.of(), after.getList("data.debtor.debtor.emails"));
    }

    @Test
    @DisplayName("an agent records a debtor's e-mail opt-out through GraphQL; viewers and other tenants cannot")
    void debtorOptOutThroughTheApi() {
        JsonPath placed = graphql.post(tenantA.agentToken(), """
                mutation { placeClaim(input: {
                    debtor: {externalReference: "D-%1$s", kind: CONSUMER, name: "Erika Mustermann", emails: ["erika@example.org"]},
                    claim: {externalReference: "INV-%1$s", invoiceNumber: "R-1", issueDate: "2025-01-01", dueDate: "2025-01-15",
                            principal: {amount: 80.00, currency: "EUR"}, consumerNotice: false}})
                  { claim { debtorId } } }""".formatted(UUID.randomUUID()));
        assertEquals(List.of(), errorCodes(placed), () -> placed.prettify());
        String debtorId = placed.getString("data.placeClaim.claim.debtorId");
        String optOut = """
                mutation($id: ID!) { setDebtorOptOuts(debtorId: $id, channels: ["EMAIL"], reason: "asked by phone") { id optedOutChannels } }""";
        JsonPath viewer = graphql.post(tenantA.viewerToken(), optOut, Map.of("id", debtorId));
        assertEquals(List.of("FORBIDDEN"), errorCodes(viewer), () -> viewer.prettify());
        JsonPath foreign = graphql.post(tenantB.agentToken(), optOut, Map.of("id", debtorId));
        assertEquals(List.of("NOT_FOUND"), errorCodes(foreign), () -> foreign.prettify());
        JsonPath done = graphql.post(tenantA.agentToken(), optOut, Map.of("id", debtorId));
        assertEquals(List.of(), errorCodes(done), () -> done.prettify());
        assertEquals(List.of("EMAIL"), done.getList("data.setDebtorOptOuts.optedOutChannels"));
        JsonPath read = graphql.post(tenantA.viewerToken(), "query($id: ID!) { debtor(id: $id) { debtor { optedOutChannels } } }",
                Map.of("id", debtorId));
        assertEquals(List.of(), errorCodes(read), () -> read.prettify());
        assertEquals(List.of("EMAIL"), read.getList("data.debtor.debtor.optedOutChannels"), () -> read.prettify());

        String setAttributes = """
                mutation($id: ID!, $a: [DebtorAttributeInput!]!) { setDebtorAttributes(debtorId: $id, attributes: $a) {
                  id attributes { key value } } }""";
        List<Map<String, String>> telecom = List.of(Map.of("key", "industry", "value", "telecom"), Map.of("key", "tier", "value", "gold"));
        assertEquals(List.of("FORBIDDEN"), errorCodes(graphql.post(tenantA.viewerToken(), setAttributes, Map.of("id", debtorId, "a", telecom))));
        assertEquals(List.of("NOT_FOUND"), errorCodes(graphql.post(tenantB.agentToken(), setAttributes, Map.of("id", debtorId, "a", telecom))));
        JsonPath twice = graphql.post(tenantA.agentToken(), setAttributes, Map.of("id", debtorId,
                "a", List.of(Map.of("key", "tier", "value", "gold"), Map.of("key", "tier", "value", "silver"))));
        assertEquals(List.of("VALIDATION"), errorCodes(twice), () -> twice.prettify());
        assertEquals("attributes.tier: is given twice", twice.getString("errors[0].extensions.fields"), () -> twice.prettify());
        JsonPath badKey = graphql.post(tenantA.agentToken(), setAttributes, Map.of("id", debtorId,
                "a", List.of(Map.of("key", "Tier", "value", "gold"))));
        assertEquals(List.of("VALIDATION"), errorCodes(badKey), () -> badKey.prettify());
        assertTrue(badKey.getString("errors[0].extensions.fields").startsWith("attributes.Tier: a key must be"), () -> badKey.prettify());
        JsonPath set = graphql.post(tenantA.agentToken(), setAttributes, Map.of("id", debtorId, "a", telecom));
        assertEquals(List.of(), errorCodes(set), () -> set.prettify());
        assertEquals(List.of("industry", "tier"), set.getList("data.setDebtorAttributes.attributes.key"), () -> set.prettify());
        assertEquals(List.of("telecom", "gold"), set.getList("data.setDebtorAttributes.attributes.value"), () -> set.prettify());
    }

    @Test
    @DisplayName("a handed-over case's delivery state and the webhook secret through GraphQL; another tenant gets NOT_FOUND")
    void handoverDeliveryThroughTheApi() {
        TestTenant hooked = TestTenants.create("e2e-handover");
        String admin = hooked.adminToken();
        String settings = """
                mutation($input: TenantSettingsInput!) { changeTenantSettings(input: $input) { version agencyChannel } }""";
        int version = graphql.post(admin, "{ tenantSettings { version } }").getInt("data.tenantSettings.version");
        String webhook = "https://inkasso-partner.example/handover";
        JsonPath changed = graphql.post(admin, settings, Map.of("input", Map.of("displayName", "Hook GmbH", "locale", "de",
                "timeZone", "Europe/Berlin", "defaultCurrency", "EUR", "dunningHorizonDays", 180, "agencyName", "Inkasso Partner AG",
                "agencyChannel", "WEBHOOK", "agencyWebhookUrl", webhook, "expectedVersion", version)));
        assertEquals(List.of(), errorCodes(changed), changed::prettify);
        await("cases knows the tenant's WEBHOOK channel", Duration.ofSeconds(60), () -> "WEBHOOK".equals(handoverChannelOf(hooked)) ? true : null);

        JsonPath placed = graphql.post(hooked.agentToken(), """
                mutation { placeClaim(input: {
                    debtor: {externalReference: "D-%1$s", kind: CONSUMER, name: "Erika Mustermann", emails: ["erika@example.org"]},
                    claim: {externalReference: "INV-%1$s", invoiceNumber: "R-1", issueDate: "2025-01-01", dueDate: "2025-01-15",
                            principal: {amount: 80.00, currency: "EUR"}, consumerNotice: true}})
                  { case { id } } }""".formatted(UUID.randomUUID()));
        assertEquals(List.of(), errorCodes(placed), placed::prettify);
        String caseId = placed.getString("data.placeClaim.case.id");
        String delivery = "query($id: ID!) { caseHandoverDelivery(caseId: $id) { channel target attempts deliveredAt lastError } }";
        JsonPath notYet = graphql.post(hooked.viewerToken(), delivery, Map.of("id", caseId));
        assertEquals(List.of("NOT_FOUND"), errorCodes(notYet), notYet::prettify);

        assertEquals(List.of(), errorCodes(graphql.post(hooked.agentToken(), "mutation($id: ID!) { startDunning(caseId: $id) { id } }",
                Map.of("id", caseId))));
        RestAssured.given().auth().oauth2(hooked.agentToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "HAND_OVER", "recipient", "Inkasso Partner AG", "reason", "dunning exhausted"))
                .post(stack.url(PlatformService.CASES) + "/api/cases/" + caseId + "/commands")
                .then().statusCode(200);

        JsonPath state = graphql.post(hooked.viewerToken(), delivery, Map.of("id", caseId));
        assertEquals(List.of(), errorCodes(state), state::prettify);
        assertEquals("WEBHOOK", state.getString("data.caseHandoverDelivery.channel"));
        assertEquals(webhook, state.getString("data.caseHandoverDelivery.target"));
        assertNull(state.get("data.caseHandoverDelivery.deliveredAt"), state::prettify);
        JsonPath foreign = graphql.post(tenantB.viewerToken(), delivery, Map.of("id", caseId));
        assertEquals(List.of("NOT_FOUND"), errorCodes(foreign), foreign::prettify);
        assertNull(foreign.get("data.caseHandoverDelivery"));

        String rotate = "mutation { rotateHandoverWebhookSecret { secret createdAt } }";
        assertEquals(List.of("FORBIDDEN"), errorCodes(graphql.post(hooked.agentToken(), rotate)));
        JsonPath first = graphql.post(admin, rotate);
        assertEquals(List.of(), errorCodes(first), first::prettify);
        String secret = first.getString("data.rotateHandoverWebhookSecret.secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        assertNotNull(first.getString("data.rotateHandoverWebhookSecret.createdAt"));
        String next = graphql.post(admin, rotate).getString("data.rotateHandoverWebhookSecret.secret");
        assertTrue(next.startsWith("whsec_") && !next.equals(secret), "each rotation is a new secret");
    }

    @Test
    @DisplayName("a case's dunning plan comes from the engine in cases; another tenant gets NOT_FOUND")
    void dunningPlanThroughTheApi() {
        String agent = tenantA.agentToken();
        JsonPath placed = graphql.post(agent, """
                mutation { placeClaim(input: {
                    debtor: {externalReference: "D-%1$s", kind: CONSUMER, name: "Erika Mustermann", emails: ["erika@example.org"]},
                    claim: {externalReference: "%1$s", invoiceNumber: "R-1", issueDate: "2026-02-01", dueDate: "2026-03-01",
                            principal: {amount: 80.00, currency: "EUR"}, consumerNotice: true}})
                  { case { id } } }""".formatted("INV-" + UUID.randomUUID()));
        assertEquals(List.of(), errorCodes(placed), () -> placed.prettify());
        String caseId = placed.getString("data.placeClaim.case.id");
        String plan = """
                query($id: ID!) { caseDunning(caseId: $id, next: 3) {
                  caseId strategyKey strategyVersion builtInStrategy
                  next { at step channel fee { amount currency } command reasons } } }""";
        JsonPath planned = graphql.post(tenantA.viewerToken(), plan, Map.of("id", caseId));
        assertEquals(List.of(), errorCodes(planned), () -> planned.prettify());
        assertEquals(caseId, planned.getString("data.caseDunning.caseId"));
        assertTrue(planned.getBoolean("data.caseDunning.builtInStrategy"), () -> planned.prettify());
        assertNotNull(planned.getString("data.caseDunning.strategyKey"));
        assertEquals(3, planned.getList("data.caseDunning.next").size(), () -> planned.prettify());
        // The engine runs in this stack and may have sent the friendly reminder already; the first letter is planned either way.
        List<String> steps = planned.getList("data.caseDunning.next.step");
        assertEquals("1.50 EUR", plannedFee(planned, steps.indexOf("first-dunning-letter")), "the tenant's flat fee");
        if (steps.contains("friendly-reminder")) {
            assertEquals("0.00 EUR", plannedFee(planned, steps.indexOf("friendly-reminder")), "the first contact names no fee");
        }

        JsonPath other = graphql.post(tenantB.viewerToken(), plan, Map.of("id", caseId));
        assertEquals(List.of("NOT_FOUND"), errorCodes(other), () -> other.prettify());

        TestTenant strict = TestTenants.create("e2e-policy");
        String change = "mutation($i: ContactPolicyInput!) { changeContactPolicy(input: $i) { earliest latest maxContacts version } }";
        assertEquals(List.of("FORBIDDEN"), errorCodes(graphql.post(strict.agentToken(), change,
                Map.of("i", Map.of("earliest", "09:00", "latest", "18:00", "maxContacts", 2)))));
        JsonPath wider = graphql.post(strict.adminToken(), change, Map.of("i", Map.of("earliest", "07:00", "latest", "18:00", "maxContacts", 2)));
        assertEquals(List.of("VALIDATION"), errorCodes(wider), () -> wider.prettify());
        JsonPath narrowed = graphql.post(strict.adminToken(), change, Map.of("i", Map.of("earliest", "09:00", "latest", "18:00", "maxContacts", 2)));
        assertEquals(List.of(), errorCodes(narrowed), () -> narrowed.prettify());
        assertEquals(1, narrowed.getInt("data.changeContactPolicy.version"));
        JsonPath untouched = graphql.post(tenantB.viewerToken(), "{ contactPolicy { earliest latest maxContacts version } }");
        assertEquals(List.of(), errorCodes(untouched), () -> untouched.prettify());
        assertEquals("08:00", untouched.getString("data.contactPolicy.earliest"), "another tenant keeps the default");
        JsonPath anonymous = graphql.post(null, "{ dunningStrategies { key version status } }");
        assertEquals(List.of("UNAUTHENTICATED"), errorCodes(anonymous), () -> anonymous.prettify());
        JsonPath strategies = graphql.post(agent, "{ dunningStrategies { key version status } }");
        assertEquals(List.of(), errorCodes(strategies), () -> strategies.prettify());
    }

    private static String plannedFee(JsonPath plan, int index) {
        assertTrue(index >= 0, () -> "step not planned: " + plan.prettify());
        String at = "data.caseDunning.next[" + index + "].fee.";
        return new BigDecimal(plan.getString(at + "amount")).setScale(2) + " " + plan.getString(at + "currency");
    }

    @Test
    @DisplayName("a tenant admin drafts, validates and publishes a strategy and maps a segment to it; others see nothing")
    void strategiesAndSegmentsThroughTheApi() throws Exception {
        TestTenant tenant = TestTenants.create("e2e-strategies");
        String admin = tenant.adminToken();
        JsonPath builtIn = graphql.post(tenant.viewerToken(), "{ builtInDunningStrategy }");
        assertEquals(List.of(), errorCodes(builtIn), () -> builtIn.prettify());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode definition = (ObjectNode) mapper.readTree(builtIn.getString("data.builtInDunningStrategy"));
        String key = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        definition.put("key", key);

        String create = """
                mutation($d: String!) { createDunningStrategyDraft(definition: $d) { id key version status problems { field reason } } }""";
        JsonPath forbidden = graphql.post(tenant.agentToken(), create, Map.of("d", definition.toString()));
        assertEquals(List.of("FORBIDDEN"), errorCodes(forbidden), () -> forbidden.prettify());
        JsonPath notJson = graphql.post(admin, create, Map.of("d", "{ steps: "));
        assertEquals(List.of("VALIDATION"), errorCodes(notJson), () -> notJson.prettify());

        ObjectNode broken = definition.deepCopy();
        broken.putArray("steps");
        JsonPath problems = graphql.post(tenant.agentToken(),
                "query($d: String!) { validateDunningStrategy(definition: $d) { field reason } }", Map.of("d", broken.toString()));
        assertEquals(List.of(), errorCodes(problems), () -> problems.prettify());
        assertFalse(problems.getList("data.validateDunningStrategy").isEmpty(), () -> problems.prettify());

        JsonPath draft = graphql.post(admin, create, Map.of("d", definition.toString()));
        assertEquals(List.of(), errorCodes(draft), () -> draft.prettify());
        assertEquals("DRAFT", draft.getString("data.createDunningStrategyDraft.status"));
        assertEquals(List.of(), draft.getList("data.createDunningStrategyDraft.problems"));
        String id = draft.getString("data.createDunningStrategyDraft.id");
        String caseId = openCase(tenant.agentToken(), "INV-" + UUID.randomUUID(), "Erika Mustermann", "80.00", "EUR")
                .getString("data.openCase.caseOpened.id");
        String preview = """
                query($c: ID!, $s: ID) { caseDunning(caseId: $c, next: 3, strategyId: $s) { strategyKey strategyVersion builtInStrategy next { step } } }""";
        JsonPath previewed = graphql.post(tenant.viewerToken(), preview, Map.of("c", caseId, "s", id));
        assertEquals(List.of(), errorCodes(previewed), () -> previewed.prettify());
        assertEquals(key, previewed.getString("data.caseDunning.strategyKey"), "the draft previewed against the case");
        assertFalse(previewed.getBoolean("data.caseDunning.builtInStrategy"));
        JsonPath own = graphql.post(tenant.viewerToken(), preview, Map.of("c", caseId));
        assertTrue(own.getBoolean("data.caseDunning.builtInStrategy"), () -> own.prettify());
        JsonPath foreignPreview = graphql.post(tenantB.viewerToken(), preview, Map.of("c", caseId, "s", id));
        assertEquals(List.of("NOT_FOUND"), errorCodes(foreignPreview), () -> foreignPreview.prettify());
        JsonPath published = graphql.post(admin, "mutation($id: ID!) { publishDunningStrategy(id: $id) { status version } }",
                Map.of("id", id));
        assertEquals(List.of(), errorCodes(published), () -> published.prettify());
        assertEquals("PUBLISHED", published.getString("data.publishDunningStrategy.status"));
        JsonPath immutable = graphql.post(admin, "mutation($id: ID!, $d: String!) { reviseDunningStrategyDraft(id: $id, definition: $d) { id } }",
                Map.of("id", id, "d", definition.toString()));
        assertEquals(List.of("CONFLICT"), errorCodes(immutable), () -> immutable.prettify());

        JsonPath segment = graphql.post(admin, """
                mutation($key: String!) { saveDunningSegment(input: {key: "large-b2b", priority: 1, strategyKey: $key,
                    controlShare: 0.1, rule: {debtorKind: "BUSINESS", minAmount: 1000, germanStates: ["BY", "BE"]}})
                  { key priority strategyKey controlShare rule { debtorKind minAmount germanStates } } }""", Map.of("key", key));
        assertEquals(List.of(), errorCodes(segment), () -> segment.prettify());
        assertEquals(List.of("BE", "BY"), segment.getList("data.saveDunningSegment.rule.germanStates"));
        String twice = """
                mutation($key: String!) { saveDunningSegment(input: {key: "telecom", priority: 2, strategyKey: $key,
                    rule: {attributes: [{key: "industry", value: "telecom"}, {key: "industry", value: "energy"}]}}) { key } }""";
        assertEquals(List.of("FORBIDDEN"), errorCodes(graphql.post(tenant.agentToken(), twice, Map.of("key", key))),
                "the role is checked before the input");
        JsonPath ambiguous = graphql.post(admin, twice, Map.of("key", key));
        assertEquals(List.of("VALIDATION"), errorCodes(ambiguous), () -> ambiguous.prettify());
        assertEquals("rule.attributes.industry: is given twice", ambiguous.getString("errors[0].extensions.fields"),
                () -> ambiguous.prettify());
        JsonPath segments = graphql.post(tenant.viewerToken(), "{ dunningSegments { key strategyKey } }");
        assertEquals(List.of("large-b2b"), segments.getList("data.dunningSegments.key"), () -> segments.prettify());

        JsonPath read = graphql.post(tenant.viewerToken(), "query($id: ID!) { dunningStrategy(id: $id) { key status definition } }",
                Map.of("id", id));
        assertEquals(key, mapper.readTree(read.getString("data.dunningStrategy.definition")).get("key").asText(), () -> read.prettify());
        JsonPath foreign = graphql.post(tenantB.adminToken(), "query($id: ID!) { dunningStrategy(id: $id) { key } }", Map.of("id", id));
        assertEquals(List.of("NOT_FOUND"), errorCodes(foreign), () -> foreign.prettify());
        JsonPath foreignSegments = graphql.post(tenantB.viewerToken(), "{ dunningSegments { key } }");
        assertFalse(foreignSegments.getList("data.dunningSegments.key").contains("large-b2b"), () -> foreignSegments.prettify());
    }

    @Test
    @DisplayName("a platform admin adds the next base rate through the API; tenants read it, may not add one")
    void baseRatesThroughTheApi() {
        String addNext = """
                mutation { addBaseRate(input: {validFrom: "2026-07-01", percent: 1.52, source: "e2e: made-up rate"})
                  { validFrom percent addedBy } }""";
        JsonPath refused = graphql.post(tenantA.adminToken(), addNext);
        assertEquals(List.of("FORBIDDEN"), errorCodes(refused), () -> refused.prettify());

        JsonPath gap = graphql.post(TestTenants.platformAdminToken(), addNext.replace("2026-07-01", "2027-01-01"));
        assertEquals(List.of("VALIDATION"), errorCodes(gap), () -> gap.prettify());

        JsonPath added = graphql.post(TestTenants.platformAdminToken(), addNext);
        assertEquals(List.of(), errorCodes(added), () -> added.prettify());
        assertEquals("2026-07-01", added.getString("data.addBaseRate.validFrom"));
        assertNotNull(added.getString("data.addBaseRate.addedBy"));

        JsonPath read = graphql.post(tenantB.viewerToken(), "{ baseRates { validFrom percent source addedBy } }");
        assertEquals(List.of(), errorCodes(read), () -> read.prettify());
        List<String> days = read.getList("data.baseRates.validFrom");
        assertEquals("2026-07-01", days.getLast());
        assertEquals("2026-01-01", days.get(days.size() - 2));
        assertNull(read.get("data.baseRates[-2].addedBy"));
    }

    @Test
    @DisplayName("CaseOpened travels outbox → Kafka → reporting's inbox and counts once although relayed twice")
    void caseOpenedCountsOnceWhenRelayedTwice() throws Exception {
        TestTenant tenant = TestTenants.create("e2e-events");
        String agent = tenant.agentToken();
        String caseId = openCase(agent, "INV-" + UUID.randomUUID(), "Erika Mustermann", "250.00", "EUR")
                .getString("data.openCase.caseOpened.id");
        UUID eventId = outboxEventOf(caseId);

        // First delivery: the relay publishes, reporting applies it.
        JsonPath stats = await("caseStats shows the case", Duration.ofSeconds(60), () -> {
            JsonPath s = graphql.post(agent, CASE_STATS);
            List<Object> rows = s.getList("data.caseStats");
            return rows == null || rows.isEmpty() ? null : s;
        });
        assertStats(stats);
        assertNotNull(publishedAt(eventId), "published before reporting saw it");

        // Make the relay publish the same row again, as after a crash between Kafka's ack and the update.
        try (Connection cases = casesOwner();
                PreparedStatement reset = cases.prepareStatement("update outbox set published_at = null where event_id = ?")) {
            reset.setObject(1, eventId);
            assertEquals(1, reset.executeUpdate());
        }
        await("the relay publishes the row again", Duration.ofSeconds(60), () -> publishedAt(eventId));

        List<Long> offsets = await("the topic holds the event twice", Duration.ofSeconds(30), () -> {
            List<Long> found = topicOffsetsOf(eventId);
            return found.size() >= 2 ? found : null;
        });
        assertEquals(2, offsets.size(), () -> "records of event " + eventId + " at offsets " + offsets);

        // Reporting has consumed past the second copy once its group's committed offset is beyond it.
        long lastCopy = offsets.getLast();
        await("reporting consumed the second copy", Duration.ofSeconds(60),
                () -> committedOffset() > lastCopy ? Boolean.TRUE : null);

        assertStats(graphql.post(agent, CASE_STATS));
        assertEquals(1, inboxRowsOf(eventId), "inbox rows of event " + eventId);
        RestAssured.get(stack.url(PlatformService.REPORTING) + "/q/health/ready").then().statusCode(200);
    }

    private static void assertStats(JsonPath stats) {
        assertEquals(List.of(), errorCodes(stats), () -> stats.prettify());
        assertEquals(1, stats.getList("data.caseStats").size(), () -> stats.prettify());
        assertEquals(1, stats.getLong("data.caseStats[0].casesOpened"), () -> stats.prettify());
        assertEquals(0, new BigDecimal("250.00").compareTo(new BigDecimal(stats.getString("data.caseStats[0].amountPlaced"))),
                () -> stats.prettify());
        assertEquals("EUR", stats.getString("data.caseStats[0].currency"));
    }

    // --- GraphQL

    private static JsonPath openCase(String token, String reference, String debtor, String amount, String currency) {
        return graphql.post(token, OPEN_CASE, Map.of("input", Map.of(
                "externalReference", reference,
                "debtorName", debtor,
                "amount", Map.of("amount", new BigDecimal(amount), "currency", currency))));
    }

    /** Walks {@code cases} one item per page, following {@code endCursor}. */
    private static List<String> allCaseIds(String token) {
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("first", 1);
            variables.put("after", after);
            JsonPath response = graphql.post(token, CASES_PAGE, variables);
            assertEquals(List.of(), errorCodes(response), () -> response.prettify());
            ids.addAll(response.getList("data.cases.edges.node.id", String.class));
            if (!response.getBoolean("data.cases.pageInfo.hasNextPage")) {
                return ids;
            }
            after = response.getString("data.cases.pageInfo.endCursor");
        }
        throw new AssertionError("more than 100 pages: " + ids);
    }

    // --- The owners' databases (no row-level security on outbox and inbox)

    private static Connection casesOwner() throws SQLException {
        return DriverManager.getConnection(PostgresServer.start().jdbcUrl("cases"), "cases_owner", "cases_owner");
    }

    /** The handover channel cases knows for the tenant (from TenantSettingsChanged), null before the first change. */
    private static String handoverChannelOf(TestTenant tenant) {
        try (Connection cases = casesOwner()) {
            cases.setAutoCommit(false);
            try (PreparedStatement scope = cases.prepareStatement("select set_config('app.tenant_id', ?, true)");
                    PreparedStatement query = cases.prepareStatement("select channel from tenant_handover_settings")) {
                scope.setString(1, tenant.id().toString());
                scope.execute();
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                } finally {
                    cases.rollback();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection reportingOwner() throws SQLException {
        return DriverManager.getConnection(PostgresServer.start().jdbcUrl("reporting"), "reporting_owner", "reporting_owner");
    }

    private static UUID outboxEventOf(String caseId) throws SQLException {
        try (Connection cases = casesOwner();
                PreparedStatement query = cases.prepareStatement(
                        "select event_id from outbox where envelope->>'aggregateId' = ? and envelope->>'type' = 'CaseOpened'")) {
            query.setString(1, caseId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "no CaseOpened in the outbox for case " + caseId);
                UUID eventId = rows.getObject(1, UUID.class);
                assertFalse(rows.next(), "more than one CaseOpened for case " + caseId);
                return eventId;
            }
        }
    }

    private static Instant publishedAt(UUID eventId) {
        try (Connection cases = casesOwner();
                PreparedStatement query = cases.prepareStatement("select published_at from outbox where event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "outbox row " + eventId + " is gone");
                java.sql.Timestamp published = rows.getTimestamp(1);
                return published == null ? null : published.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long inboxRowsOf(UUID eventId) throws SQLException {
        try (Connection reporting = reportingOwner();
                PreparedStatement query = reporting.prepareStatement("select count(*) from inbox where event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    // --- Kafka

    private static Properties kafkaClient() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.start().bootstrapServers());
        return properties;
    }

    /** Offsets of the records on the topic whose envelope carries {@code eventId}, read from the beginning. */
    private static List<Long> topicOffsetsOf(UUID eventId) {
        return PublishedEvents.readAll(TOPIC).stream()
                .filter(record -> eventId.toString().equals(eventIdOf(record.value())))
                .map(ConsumerRecord::offset)
                .toList();
    }

    private static String eventIdOf(String envelope) {
        try {
            return JSON.readTree(envelope).path("eventId").asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The reporting consumer group's committed offset on the topic (partition 0: the topic has one), or -1. */
    private static long committedOffset() {
        try (Admin admin = Admin.create(kafkaClient())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(REPORTING_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            return committed.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .max().orElse(-1);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- Waiting

    /** Polls {@code probe} until it returns non-null, for at most {@code timeout}. */
    private static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        AssertionError timedOut = new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting until " + what);
        if (last != null) {
            timedOut.addSuppressed(last);
        }
        throw timedOut;
    }
}
