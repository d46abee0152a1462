package io.agiledunning.api.payments;

import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.agiledunning.api.GraphQLRequests.graphql;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Stripe Connect's GraphQL operations on their own, against a real Keycloak: roles are checked before payments
 * is called; payments not answering is UNAVAILABLE. The path through payments to Stripe is proven in
 * services/payments (StripeConnectIT) and deploy/e2e (CrossServiceIT).
 */
@QuarkusTest
@WithTestResource(KeycloakResource.class)
class StripeConnectGraphQLIT {

    private static final String START = "mutation { startStripeOnboarding { accountId url expiresAt } }";
    private static final String CONNECTION = "{ stripeConnection { accountId cardPaymentsAvailable reason } }";

    private static TestTenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = TestTenants.create("api-stripe");
    }

    @Test
    void onlyATenantAdminMayStartOnboarding() {
        graphql(null, START)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        for (String token : List.of(tenant.agentToken(), tenant.viewerToken(), TestTenants.platformAdminToken())) {
            graphql(token, START)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("errors[0].message", equalTo("this operation needs one of the roles tenant-admin"))
                    .body("errors[0].path", equalTo(List.of("startStripeOnboarding")));
        }
        graphql(tenant.adminToken(), START)
                .body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
    }

    @Test
    void tenantUsersMayReadTheConnectionPlatformAdminsAndAnonymousMayNot() {
        graphql(null, CONNECTION).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(TestTenants.platformAdminToken(), CONNECTION).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        for (String token : List.of(tenant.adminToken(), tenant.agentToken(), tenant.viewerToken())) {
            graphql(token, CONNECTION)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
        }
    }
}
