package io.agiledunning.onboarding.apiclients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.Topics;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakAdmin;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.KeycloakServer;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.PublishedEvents;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenant admins create, rotate and revoke machine credentials whose tokens act for their tenant only. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "onboarding"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class ApiClientsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxRelay relay;

    @Test
    void aCreatedClientsTokenActsForItsTenantWithItsRoleUntilRotatedOrRevoked() throws IOException {
        TestTenant acme = TestTenants.create("clients-acme");
        ValidatableResponse created = create(acme.adminToken(), "  ERP export  ", "tenant-agent").statusCode(201)
                .body("name", equalTo("ERP export"))
                .body("role", equalTo("tenant-agent"))
                .body("secret", notNullValue());
        String clientId = created.extract().path("clientId");
        String secret = created.extract().path("secret");
        assertTrue(clientId.startsWith("api-" + acme.alias() + "-"), clientId);
        assertEquals(created.extract().path("createdAt").toString(), created.extract().path("lastRotatedAt").toString());

        String token = clientToken(clientId, secret);
        JsonNode claims = claims(token);
        assertEquals(acme.id().toString(), claims.at("/organization/" + acme.alias() + "/id").asText(), claims.toString());
        assertEquals(1, claims.get("organization").size(), claims.toString());
        assertTrue(claims.at("/realm_access/roles").toString().contains("tenant-agent"), claims.toString());
        as(token).get("/api/tenant-status").then().statusCode(200)
                .body("tenantId", equalTo(acme.id().toString())).body("status", equalTo("ACTIVE"));
        as(token).get("/api/tenant-settings").then().statusCode(200).body("displayName", equalTo(acme.alias()));
        as(token).get("/api/api-clients").then().statusCode(403).body("code", equalTo("FORBIDDEN"));

        as(acme.adminToken()).get("/api/api-clients").then().statusCode(200)
                .body("clientId", contains(clientId))
                .body("[0].name", equalTo("ERP export"))
                .body("[0].role", equalTo("tenant-agent"))
                .body("[0]", not(hasKey("secret")));

        String rotated = as(acme.adminToken()).post("/api/api-clients/" + clientId + "/secret").then().statusCode(200)
                .body("clientId", equalTo(clientId)).extract().path("secret");
        assertNotEquals(secret, rotated);
        assertEquals(401, assertThrows(KeycloakAdmin.KeycloakException.class, () -> clientToken(clientId, secret)).status(),
                "the old secret gets no token");
        as(clientToken(clientId, rotated)).get("/api/tenant-status").then().statusCode(200);

        as(acme.adminToken()).delete("/api/api-clients/" + clientId).then().statusCode(200).body("clientId", equalTo(clientId));
        assertEquals(401, assertThrows(KeycloakAdmin.KeycloakException.class, () -> clientToken(clientId, rotated)).status(),
                "a revoked client gets no token");
        as(acme.adminToken()).get("/api/api-clients").then().statusCode(200).body("$", empty());

        relay.relayAll();
        List<String> types = PublishedEvents.valuesWithKey(Topics.TENANTS, acme.id() + ":" + clientId).stream()
                .map(value -> read(value).get("type").asText()).toList();
        assertEquals(List.of("ApiClientCreated", "ApiClientSecretRotated", "ApiClientRevoked"), types);
        JsonNode payload = read(PublishedEvents.valuesWithKey(Topics.TENANTS, acme.id() + ":" + clientId).getFirst()).get("payload");
        assertEquals(Map.of("clientId", clientId, "name", "ERP export", "role", "tenant-agent", "createdBy", subject(acme.adminToken())),
                JSON.convertValue(payload, Map.class));
    }

    /** Every operation of another tenant's admin on A's client answers exactly as for a client that does not exist. */
    @Test
    void anotherTenantsAdminSeesAndTouchesNoneOfAsClients() {
        TestTenant acme = TestTenants.create("clients-a");
        TestTenant globex = TestTenants.create("clients-b");
        String clientId = create(acme.adminToken(), "Shop", "tenant-admin").statusCode(201).extract().path("clientId");
        String secret = as(acme.adminToken()).post("/api/api-clients/" + clientId + "/secret").then().statusCode(200).extract().path("secret");
        String nobody = "api-" + globex.alias() + "-doesnotexist";

        for (String target : List.of(clientId, nobody)) {
            as(globex.adminToken()).post("/api/api-clients/" + target + "/secret").then()
                    .statusCode(404).body("code", equalTo("NOT_FOUND")).body("message", equalTo("API client " + target + " not found"));
            as(globex.adminToken()).delete("/api/api-clients/" + target).then()
                    .statusCode(404).body("code", equalTo("NOT_FOUND")).body("message", equalTo("API client " + target + " not found"));
        }
        as(globex.adminToken()).get("/api/api-clients").then().statusCode(200).body("$", empty());
        String globexClient = create(globex.adminToken(), "Shop", "tenant-viewer").statusCode(201).extract().path("clientId");
        as(acme.adminToken()).get("/api/api-clients").then().statusCode(200).body("clientId", contains(clientId));
        as(globex.adminToken()).get("/api/api-clients").then().statusCode(200).body("clientId", contains(globexClient));

        String token = clientToken(clientId, secret);
        as(token).get("/api/tenant-status").then().statusCode(200).body("tenantId", equalTo(acme.id().toString()));
        as(token).get("/api/users").then().statusCode(200).body("email", not(empty()))
                .body("email.every { it.endsWith('-%s@example.com') }".formatted(acme.alias()), equalTo(true));
    }

    @Test
    void onlyTenantAdminsManageClientsAndRequestsAreValidated() {
        TestTenant acme = TestTenants.create("clients-roles");
        for (String token : List.of(acme.agentToken(), acme.viewerToken(), TestTenants.platformAdminToken())) {
            as(token).get("/api/api-clients").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            create(token, "x", "tenant-viewer").statusCode(403);
            as(token).delete("/api/api-clients/api-x-y").then().statusCode(403);
        }
        given().get("/api/api-clients").then().statusCode(401);
        create(acme.adminToken(), " ", "tenant-boss").statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields.field", equalTo(List.of("name", "role")))
                .body("fields.reason", equalTo(List.of("must not be blank", "must be one of tenant-admin, tenant-agent, tenant-viewer")));
        create(acme.adminToken(), "x".repeat(101), "tenant-viewer").statusCode(400)
                .body("fields[0].reason", equalTo("must be at most 100 characters"));
        as(acme.adminToken()).get("/api/api-clients").then().statusCode(200).body("$", empty());
    }

    private static ValidatableResponse create(String token, String name, String role) {
        return as(token).contentType(ContentType.JSON).body(Map.of("name", name, "role", role))
                .post("/api/api-clients").then().log().ifValidationFails();
    }

    private static String clientToken(String clientId, String secret) {
        return KeycloakAdmin.tokenRequest(KeycloakServer.start().url(), KeycloakServer.REALM, Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).get("access_token").asText();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode claims(String token) {
        return read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])));
    }

    private static String subject(String token) {
        return claims(token).get("sub").asText();
    }
}
