package io.agiledunning.api.cases;

import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.agiledunning.api.GraphQLRequests.graphql;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The handover delivery operations and the text-search rule on their own, against a real Keycloak: roles are checked
 * and a too short search is refused before cases is called; cases not answering is UNAVAILABLE. The path through
 * cases (delivery state, secret, another tenant's NOT_FOUND) is proven in deploy/e2e (CrossServiceIT).
 */
@QuarkusTest
@WithTestResource(KeycloakResource.class)
class HandoverAndSearchGraphQLIT {

    private static final String ROTATE = "mutation { rotateHandoverWebhookSecret { secret createdAt } }";
    private static final String DELIVERY = "{ caseHandoverDelivery(caseId: \"%s\") { channel target attempts deliveredAt nextAttemptAt lastError } }";

    private static TestTenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = TestTenants.create("api-handover");
    }

    @Test
    void onlyATenantAdminMayRotateTheWebhookSecret() {
        graphql(null, ROTATE).body("data", nullValue()).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        for (String token : List.of(tenant.agentToken(), tenant.viewerToken(), TestTenants.platformAdminToken())) {
            graphql(token, ROTATE)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("errors[0].message", equalTo("this operation needs one of the roles tenant-admin"))
                    .body("errors[0].path", equalTo(List.of("rotateHandoverWebhookSecret")));
        }
        graphql(tenant.adminToken(), ROTATE).body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
    }

    @Test
    void tenantUsersMayReadTheDeliveryOthersMayNot() {
        String delivery = DELIVERY.formatted(UUID.randomUUID());
        graphql(null, delivery).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(TestTenants.platformAdminToken(), delivery).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        for (String token : List.of(tenant.adminToken(), tenant.agentToken(), tenant.viewerToken())) {
            graphql(token, delivery).body("data", nullValue()).body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
        }
        graphql(tenant.viewerToken(), DELIVERY.formatted("not-a-uuid"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].message", equalTo("case not-a-uuid not found"));
    }

    @Test
    void aOneCharacterSearchIsRefusedNamingSearchBeforeCasesIsCalled() {
        for (var query : Map.of("{ cases(filter: {statuses: [], search: \" X \"}) { edges { node { id } } } }", "filter.search",
                "{ debtors(search: \"x\") { edges { node { id } } } }", "search").entrySet()) {
            graphql(tenant.viewerToken(), query.getKey())
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("VALIDATION"))
                    .body("errors[0].extensions.fields", equalTo(query.getValue() + ": must have at least 2 characters, got 'x'"));
        }
        // Two characters pass the rule and reach cases (which does not run here); a blank search is no search.
        graphql(tenant.viewerToken(), "{ debtors(search: \"xy\") { edges { node { id } } } }")
                .body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
        graphql(tenant.viewerToken(), "{ cases(filter: {statuses: [], search: \"  \"}) { edges { node { id } } } }")
                .body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
    }
}
