package io.agiledunning.onboarding.signup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.onboarding.signup.SignUps.SignedUp;
import io.agiledunning.testsupport.ApiErrors;
import io.agiledunning.common.events.Topics;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.PublishedEvents;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.SmtpResource;
import io.agiledunning.testsupport.TenantRole;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenant admins invite users with a role, change roles and remove users, in their own tenant only. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "onboarding"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpResource.class)
class UsersIT {

    private static final Pattern INVITATION = Pattern.compile("/signup/invitation\\?token=([A-Za-z0-9_-]+)&lang=en");
    private static final ObjectMapper JSON = new ObjectMapper();

    @jakarta.inject.Inject
    io.agiledunning.common.data.outbox.OutboxRelay relay;

    @Test
    void anInvitedUserAcceptsLogsInWithTheRoleAndTheAdminChangesAndRemovesIt() throws Exception {
        SignedUp acme = SignUps.signUpAndVerify("users-acme");
        String email = "agent-" + SignUps.suffix() + "@example.org";

        String userId = invite(acme.adminToken(), email, "tenant-agent").statusCode(201)
                .body("role", equalTo("tenant-agent"))
                .body("emailVerified", equalTo(false))
                .extract().path("id");
        MimeMessage mail = SignUps.mailTo(email);
        assertEquals("You are invited to Agile Dunning", mail.getSubject());
        Matcher link = INVITATION.matcher(mail.getContent().toString());
        assertTrue(link.find(), "no invitation link");

        accept(link.group(1), "short").spec(ApiErrors.validation("password", "must have at least 12 characters"));
        accept(link.group(1), SignUps.PASSWORD).statusCode(200).body("tenantId", equalTo(acme.tenantId()));
        accept(link.group(1), SignUps.PASSWORD).spec(ApiErrors.validation("token", "this invitation is invalid, used or expired"));

        JsonNode claims = claims(TestTenants.passwordToken(email, SignUps.PASSWORD));
        assertTrue(claims.at("/realm_access/roles").toString().contains("tenant-agent"), claims.toString());
        assertTrue(claims.get("organization").toString().contains(acme.slug()), claims.toString());
        as(acme.adminToken()).get("/api/users").then().statusCode(200)
                .body("email", containsInAnyOrder(acme.adminEmail(), email))
                .body("find { it.email == '%s' }.emailVerified".formatted(email), equalTo(true));

        as(acme.adminToken()).contentType(ContentType.JSON).body(Map.of("role", "tenant-viewer"))
                .put("/api/users/" + userId + "/role").then().statusCode(200).body("role", equalTo("tenant-viewer"));
        JsonNode after = claims(TestTenants.passwordToken(email, SignUps.PASSWORD));
        assertTrue(after.at("/realm_access/roles").toString().contains("tenant-viewer"), after.toString());
        assertTrue(!after.at("/realm_access/roles").toString().contains("tenant-agent"), after.toString());

        as(acme.adminToken()).delete("/api/users/" + userId).then().statusCode(204);
        as(acme.adminToken()).get("/api/users").then().statusCode(200).body("email", containsInAnyOrder(acme.adminEmail()));

        relay.relayAll();
        List<JsonNode> events = PublishedEvents.valuesWithKey(Topics.TENANTS, acme.tenantId() + ":" + userId).stream().map(UsersIT::json).toList();
        assertEquals(List.of("TenantUserInvited", "TenantUserRoleChanged", "TenantUserRemoved"), events.stream().map(e -> e.get("type").asText()).toList());
        String by = subject(acme.adminToken());
        assertEquals(Map.of("userId", userId, "role", "tenant-agent", "invitedBy", by), JSON.convertValue(events.get(0).get("payload"), Map.class));
        assertEquals(Map.of("userId", userId, "from", "tenant-agent", "to", "tenant-viewer", "changedBy", by),
                JSON.convertValue(events.get(1).get("payload"), Map.class));
        assertEquals(Map.of("userId", userId, "role", "tenant-viewer", "removedBy", by), JSON.convertValue(events.get(2).get("payload"), Map.class));
    }

    private static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theLastAdminCanNeitherBeDemotedNorRemoved() {
        SignedUp acme = SignUps.signUpAndVerify("users-last");
        String adminId = subject(acme.adminToken());
        String message = "the last tenant admin cannot be removed or demoted; make another user tenant-admin first";
        as(acme.adminToken()).contentType(ContentType.JSON).body(Map.of("role", "tenant-agent"))
                .put("/api/users/" + adminId + "/role").then()
                .statusCode(409).body("code", equalTo("CONFLICT")).body("message", equalTo(message));
        as(acme.adminToken()).delete("/api/users/" + adminId).then()
                .statusCode(409).body("message", equalTo(message));

        String second = invite(acme.adminToken(), "admin2-" + SignUps.suffix() + "@example.org", "tenant-admin").statusCode(201)
                .extract().path("id");
        as(acme.adminToken()).contentType(ContentType.JSON).body(Map.of("role", "tenant-agent"))
                .put("/api/users/" + adminId + "/role").then().statusCode(200).body("role", equalTo("tenant-agent"));
        as(acme.adminToken()).contentType(ContentType.JSON).body(Map.of("role", "tenant-agent"))
                .put("/api/users/" + second + "/role").then().statusCode(409).body("message", equalTo(message));
    }

    /** Every user operation of another tenant's admin on A's user answers exactly as for a user that does not exist. */
    @Test
    void anotherTenantsAdminCannotReadChangeOrRemoveAsUsers() {
        SignedUp acme = SignUps.signUpAndVerify("users-a");
        TestTenant globex = TestTenants.create("users-b");
        String acmeAdminId = subject(acme.adminToken());
        String nobody = UUID.randomUUID().toString();

        for (String target : List.of(acmeAdminId, nobody)) {
            as(globex.adminToken()).contentType(ContentType.JSON).body(Map.of("role", "tenant-viewer"))
                    .put("/api/users/" + target + "/role").then()
                    .statusCode(404).body("code", equalTo("NOT_FOUND")).body("message", equalTo("user " + target + " not found"));
            as(globex.adminToken()).delete("/api/users/" + target).then()
                    .statusCode(404).body("message", equalTo("user " + target + " not found"));
        }
        as(globex.adminToken()).get("/api/users").then().statusCode(200)
                .body("email", containsInAnyOrder(emailOf(globex, TenantRole.ADMIN), emailOf(globex, TenantRole.AGENT), emailOf(globex, TenantRole.VIEWER)));

        // Globex's invitation lands in Globex, whatever it asks for.
        String email = "into-" + SignUps.suffix() + "@example.org";
        invite(globex.adminToken(), email, "tenant-admin").statusCode(201);
        as(acme.adminToken()).get("/api/users").then().statusCode(200).body("email", containsInAnyOrder(acme.adminEmail()));
        as(globex.adminToken()).get("/api/users").then().statusCode(200)
                .body("email", containsInAnyOrder(emailOf(globex, TenantRole.ADMIN), emailOf(globex, TenantRole.AGENT), emailOf(globex, TenantRole.VIEWER), email));
        // Still A's admin, unchanged.
        assertTrue(claims(TestTenants.passwordToken(acme.adminEmail(), SignUps.PASSWORD)).at("/realm_access/roles").toString()
                .contains("tenant-admin"));
    }

    @Test
    void onlyTenantAdminsManageUsersAndInvitationsAreValidated() {
        TestTenant acme = TestTenants.create("users-roles");
        for (String token : List.of(acme.agentToken(), acme.viewerToken(), TestTenants.platformAdminToken())) {
            as(token).get("/api/users").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            invite(token, "x-" + SignUps.suffix() + "@example.org", "tenant-viewer").statusCode(403);
            as(token).delete("/api/users/" + UUID.randomUUID()).then().statusCode(403);
        }
        given().get("/api/users").then().statusCode(401);
        invite(acme.adminToken(), "not-an-address", "tenant-boss").statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields.field", equalTo(List.of("email", "role")))
                .body("fields.reason", equalTo(List.of("'not-an-address' is not an e-mail address",
                        "must be one of tenant-admin, tenant-agent, tenant-viewer")));
        invite(acme.adminToken(), emailOf(acme, TenantRole.AGENT), "tenant-viewer").statusCode(409)
                .body("fields[0].field", equalTo("email"));
    }

    private static String emailOf(TestTenant tenant, TenantRole role) {
        return tenant.username(role) + "@example.com";
    }

    private static ValidatableResponse invite(String token, String email, String role) {
        return as(token).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Ines", "lastName", "Vite", "role", role, "locale", "en"))
                .post("/api/users").then().log().ifValidationFails();
    }

    private static ValidatableResponse accept(String token, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "password", password))
                .post("/api/invitations/acceptance").then().log().ifValidationFails();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String subject(String token) {
        return claims(token).get("sub").asText();
    }
}
