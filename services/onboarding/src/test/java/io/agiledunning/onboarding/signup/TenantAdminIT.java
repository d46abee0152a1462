package io.agiledunning.onboarding.signup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.TenantOffboarded;
import io.agiledunning.common.events.TenantReactivated;
import io.agiledunning.common.events.TenantSuspended;
import io.agiledunning.common.events.Topics;
import io.agiledunning.onboarding.signup.SignUps.SignedUp;
import io.agiledunning.testsupport.ApiErrors;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.KeycloakServer;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.PublishedEvents;
import io.agiledunning.testsupport.SmtpResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Platform admins list, suspend, reactivate and offboard tenants; the tenant's own token learns its status. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "onboarding"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpResource.class)
class TenantAdminIT {

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    /** A suspension before the admin verified does not skip the verification: lifting it returns to PENDING_VERIFICATION. */
    @Test
    void aTenantSuspendedBeforeVerificationReturnsToPendingVerificationAndCanStillBeVerified() {
        String email = "pending-" + SignUps.suffix() + "@example.org";
        String tenantId = SignUps.post(SignUps.body("Pending GmbH " + SignUps.suffix(), email)).statusCode(201).extract().path("tenantId");
        String token = SignUps.tokenIn(SignUps.mailTo(email));
        String platformAdmin = TestTenants.platformAdminToken();

        as(platformAdmin).contentType(ContentType.JSON).body(Map.of("reason", "fraud check"))
                .post("/api/tenants/" + tenantId + "/suspension").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        SignUps.verify(token, SignUps.PASSWORD).statusCode(400).body("fields[0].field", equalTo("token"));
        as(platformAdmin).delete("/api/tenants/" + tenantId + "/suspension").then()
                .statusCode(200).body("status", equalTo("PENDING_VERIFICATION"));
        as(platformAdmin).delete("/api/tenants/" + tenantId + "/suspension").then().statusCode(409);

        SignUps.verify(token, SignUps.PASSWORD).statusCode(200).body("status", equalTo("ACTIVE"));
        status(TestTenants.passwordToken(email, SignUps.PASSWORD)).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aPlatformAdminSuspendsAndReactivatesOneTenantAndOnlyThatOne() throws IOException {
        SignedUp acme = SignUps.signUpAndVerify("suspend-acme");
        SignedUp globex = SignUps.signUpAndVerify("suspend-globex");
        String platformAdmin = TestTenants.platformAdminToken();

        as(platformAdmin).queryParam("search", acme.slug()).get("/api/tenants").then()
                .statusCode(200)
                .body("slug", contains(acme.slug()))
                .body("[0].status", equalTo("ACTIVE"))
                .body("[0].tenantId", equalTo(acme.tenantId()));

        as(platformAdmin).contentType(ContentType.JSON).body(Map.of("reason", "unpaid invoices"))
                .post("/api/tenants/" + acme.tenantId() + "/suspension").then()
                .statusCode(200).body("status", equalTo("SUSPENDED"));
        status(acme.adminToken()).body("status", equalTo("SUSPENDED")).body("tenantId", equalTo(acme.tenantId()));
        status(globex.adminToken()).body("status", equalTo("ACTIVE"));
        assertFalse(KeycloakServer.start().admin().get("/organizations/" + acme.tenantId()).get("enabled").asBoolean());
        as(platformAdmin).queryParam("status", "suspended").queryParam("search", "suspend-").get("/api/tenants").then()
                .statusCode(200)
                .body("slug", contains(acme.slug()));

        // Repeating is harmless: still suspended, no second event.
        as(platformAdmin).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/tenants/" + acme.tenantId() + "/suspension").then().statusCode(200).body("status", equalTo("SUSPENDED"));

        as(platformAdmin).delete("/api/tenants/" + acme.tenantId() + "/suspension").then()
                .statusCode(200).body("status", equalTo("ACTIVE"));
        status(acme.adminToken()).body("status", equalTo("ACTIVE"));
        assertTrue(KeycloakServer.start().admin().get("/organizations/" + acme.tenantId()).get("enabled").asBoolean());
        status(TestTenants.passwordToken(acme.adminEmail(), SignUps.PASSWORD)).body("status", equalTo("ACTIVE"));

        relay.relayAll();
        List<EventEnvelope> events = PublishedEvents.valuesWithKey(Topics.TENANTS, acme.tenantId() + ":" + acme.tenantId()).stream()
                .map(this::envelope).toList();
        assertEquals(List.of("TenantSignedUp", "TenantActivated", "TenantSuspended", "TenantReactivated"),
                events.stream().map(EventEnvelope::type).toList());
        String platformAdminSubject = subject(platformAdmin);
        assertEquals(new TenantSuspended(acme.slug(), "unpaid invoices", platformAdminSubject), events.get(2).payloadAs(TenantSuspended.class, json));
        assertEquals(new TenantReactivated(acme.slug(), platformAdminSubject), events.get(3).payloadAs(TenantReactivated.class, json));
    }

    /** Offboarding is final: the tenant is refused for good, its organization disabled, the day recorded and announced. */
    @Test
    void aPlatformAdminOffboardsOneTenantForGood() throws IOException {
        SignedUp acme = SignUps.signUpAndVerify("offboard-acme");
        SignedUp globex = SignUps.signUpAndVerify("offboard-globex");
        String platformAdmin = TestTenants.platformAdminToken();
        as(platformAdmin).contentType(ContentType.JSON).body(Map.of("reason", "late payments"))
                .post("/api/tenants/" + acme.tenantId() + "/suspension").then().statusCode(200);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        as(platformAdmin).contentType(ContentType.JSON).body(Map.of("reason", "contract ended"))
                .post("/api/tenants/" + acme.tenantId() + "/offboarding").then()
                .statusCode(200).body("status", equalTo("OFFBOARDED")).body("offboardedOn", equalTo(today));
        status(acme.adminToken()).body("status", equalTo("OFFBOARDED"));
        status(globex.adminToken()).body("status", equalTo("ACTIVE"));
        assertFalse(KeycloakServer.start().admin().get("/organizations/" + acme.tenantId()).get("enabled").asBoolean());
        assertTrue(KeycloakServer.start().admin().get("/organizations/" + globex.tenantId()).get("enabled").asBoolean());

        // Final: neither reactivation nor suspension changes it; a repeat is harmless and announces nothing new.
        as(platformAdmin).delete("/api/tenants/" + acme.tenantId() + "/suspension").then()
                .statusCode(409).body("message", equalTo("tenant " + acme.tenantId() + " is offboarded; offboarding is final"));
        as(platformAdmin).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/tenants/" + acme.tenantId() + "/suspension").then().statusCode(409);
        as(platformAdmin).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/tenants/" + acme.tenantId() + "/offboarding").then().statusCode(200).body("status", equalTo("OFFBOARDED"));
        as(platformAdmin).queryParam("status", "offboarded").queryParam("search", "offboard-").get("/api/tenants").then()
                .statusCode(200).body("slug", contains(acme.slug()));

        relay.relayAll();
        List<EventEnvelope> events = PublishedEvents.valuesWithKey(Topics.TENANTS, acme.tenantId() + ":" + acme.tenantId()).stream()
                .map(this::envelope).toList();
        assertEquals(List.of("TenantSignedUp", "TenantActivated", "TenantSuspended", "TenantOffboarded"),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals(new TenantOffboarded(acme.slug(), "contract ended", subject(platformAdmin), LocalDate.parse(today)),
                events.get(3).payloadAs(TenantOffboarded.class, json));
    }

    @Test
    void onlyPlatformAdminsControlTenantsAndUnknownTenantsAreNotFound() {
        SignedUp tenant = SignUps.signUpAndVerify("suspend-roles");
        TestTenant other = TestTenants.create("suspend-other");
        for (String token : List.of(tenant.adminToken(), other.adminToken(), other.viewerToken())) {
            as(token).get("/api/tenants").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            as(token).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                    .post("/api/tenants/" + tenant.tenantId() + "/suspension").then().statusCode(403);
            as(token).delete("/api/tenants/" + tenant.tenantId() + "/suspension").then().statusCode(403);
            as(token).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                    .post("/api/tenants/" + tenant.tenantId() + "/offboarding").then().statusCode(403);
        }
        given().get("/api/tenants").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        status(tenant.adminToken()).body("status", equalTo("ACTIVE"));
        // A tenant provisioned outside the sign-up (no registry row) is active.
        status(other.viewerToken()).body("status", equalTo("ACTIVE")).body("tenantId", equalTo(other.id().toString()));
        as(TestTenants.platformAdminToken()).get("/api/tenant-status").then().statusCode(403);

        String platformAdmin = TestTenants.platformAdminToken();
        UUID unknown = UUID.randomUUID();
        as(platformAdmin).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/tenants/" + unknown + "/suspension").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND")).body("message", equalTo("tenant " + unknown + " not found"));
        as(platformAdmin).delete("/api/tenants/" + unknown + "/suspension").then().statusCode(404);
        as(platformAdmin).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/tenants/" + unknown + "/offboarding").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(platformAdmin).contentType(ContentType.JSON).body(Map.of())
                .post("/api/tenants/" + tenant.tenantId() + "/offboarding").then()
                .spec(ApiErrors.validation("reason", "must not be blank"));
        as(platformAdmin).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/tenants/" + tenant.tenantId() + "/suspension").then()
                .spec(ApiErrors.validation("reason", "must not be blank"));
        as(platformAdmin).queryParam("status", "GONE").get("/api/tenants").then()
                .spec(ApiErrors.validation("status", "must be one of SIGNING_UP, PENDING_VERIFICATION, ACTIVE, SUSPENDED, OFFBOARDED"))
                .body("fields", hasSize(1));
        as(platformAdmin).delete("/api/tenants/" + tenant.tenantId() + "/suspension").then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    private static ValidatableResponse status(String token) {
        return as(token).get("/api/tenant-status").then().log().ifValidationFails().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private String subject(String token) throws IOException {
        return json.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
    }

    private EventEnvelope envelope(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (IOException e) {
            throw new AssertionError("not an envelope: " + value, e);
        }
    }
}
