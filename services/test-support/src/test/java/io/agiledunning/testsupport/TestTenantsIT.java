package io.agiledunning.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Runs against a real Keycloak: the token shape every service's tenant resolution relies on. */
class TestTenantsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void agentTokenCarriesTheTenantAsOrganizationClaimWithItsId() throws IOException {
        TestTenant acme = TestTenants.create("Acme");
        TestTenant globex = TestTenants.create("globex");
        assertNotEquals(acme.id(), globex.id());
        assertTrue(acme.alias().startsWith("acme-"), acme.alias());

        JsonNode claims = claims(acme.agentToken());

        JsonNode organization = claims.get("organization");
        assertEquals(1, organization.size(), organization.toString());
        assertEquals(acme.id().toString(), organization.path(acme.alias()).path("id").asText(), organization.toString());
        assertTrue(strings(claims.path("realm_access").path("roles")).contains("tenant-agent"), claims.toString());
        assertTrue(audiences(claims).contains(KeycloakServer.API_AUDIENCE), claims.toString());
    }

    @Test
    void eachRoleGetsItsOwnRealmRole() throws IOException {
        TestTenant tenant = TestTenants.create("roles");
        assertTrue(strings(claims(tenant.adminToken()).path("realm_access").path("roles")).contains("tenant-admin"));
        List<String> viewerRoles = strings(claims(tenant.viewerToken()).path("realm_access").path("roles"));
        assertTrue(viewerRoles.contains("tenant-viewer"));
        assertFalse(viewerRoles.contains("tenant-agent"));
    }

    @Test
    void platformAdminAndUserWithoutTenantHaveNoOrganization() throws IOException {
        JsonNode platformAdmin = claims(TestTenants.platformAdminToken());
        assertTrue(strings(platformAdmin.path("realm_access").path("roles")).contains("platform-admin"));
        assertTrue(platformAdmin.path("organization").isMissingNode() || platformAdmin.path("organization").isEmpty(), platformAdmin.toString());

        String outsider = TestTenants.createUserWithoutTenant("outsider");
        JsonNode claims = claims(TestTenants.passwordToken(outsider, TestTenants.PASSWORD));
        assertTrue(claims.path("organization").isMissingNode() || claims.path("organization").isEmpty(), claims.toString());
        assertFalse(strings(claims.path("realm_access").path("roles")).stream().anyMatch(role -> role.startsWith("tenant-")));
    }

    @Test
    void getOrCreateIsIdempotent() {
        TestTenant first = TestTenants.getOrCreate("idempotent-demo");
        TestTenant second = TestTenants.getOrCreate("idempotent-demo");
        assertEquals(first, second);
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** {@code aud} is a string for one audience and an array for several. */
    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? strings(aud) : List.of(aud.asText());
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
