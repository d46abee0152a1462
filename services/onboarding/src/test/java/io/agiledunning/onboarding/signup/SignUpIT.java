package io.agiledunning.onboarding.signup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.TenantActivated;
import io.agiledunning.common.events.TenantSignedUp;
import io.agiledunning.common.events.Topics;
import io.agiledunning.testsupport.ApiErrors;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakAdmin;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.KeycloakServer;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.PublishedEvents;
import io.agiledunning.testsupport.SmtpResource;
import io.agiledunning.testsupport.SmtpServer;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-up saga against the real Keycloak, PostgreSQL, Kafka and SMTP server (GreenMail): what a
 * sign-up creates, the mail, the verification, duplicates, and failures in the middle.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "onboarding"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpResource.class)
class SignUpIT {

    private static final String PASSWORD = SignUps.PASSWORD;

    @Inject
    FailingKeycloakDirectory directory;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @AfterEach
    void disarm() {
        directory.disarm();
    }

    @Test
    void aSignUpCreatesOrganizationAndAdminMailsTheLinkAndVerifyingActivatesTheTenant() throws Exception {
        String suffix = SignUps.suffix();
        String email = "Chefin-" + suffix + "@Example.org";
        Map<String, Object> body = SignUps.body("Müller & Söhne GmbH " + suffix, email);

        String tenantId = SignUps.post(body).statusCode(201)
                .body("slug", equalTo("mueller-und-soehne-" + suffix))
                .body("status", equalTo("PENDING_VERIFICATION"))
                .body("adminEmail", equalTo(email.toLowerCase()))
                .body("tenantId", notNullValue())
                .extract().path("tenantId");

        KeycloakAdmin keycloak = KeycloakServer.start().admin();
        JsonNode organization = keycloak.get("/organizations/" + tenantId);
        assertEquals("mueller-und-soehne-" + suffix, organization.get("alias").asText());
        assertTrue(organization.get("enabled").asBoolean());
        JsonNode user = onlyUser(keycloak, email.toLowerCase());
        assertFalse(user.get("emailVerified").asBoolean(), "not verified before the link was followed");
        assertEquals(user.get("id").asText(),
                keycloak.get("/organizations/" + tenantId + "/members/" + user.get("id").asText()).get("id").asText(), "a member");
        assertTrue(realmRoles(keycloak, user).contains("tenant-admin"), "roles " + realmRoles(keycloak, user));
        assertThrows(KeycloakAdmin.KeycloakException.class, () -> TestTenants.passwordToken(email.toLowerCase(), PASSWORD),
                "no password before verification");

        MimeMessage mail = SignUps.mailTo(email.toLowerCase());
        assertEquals("Bestätigen Sie Ihr Agile-Dunning-Konto", mail.getSubject());
        String token = SignUps.tokenIn(mail);

        SignUps.verify(token, "short").spec(ApiErrors.validation("password", "must have at least 12 characters"));
        SignUps.verify(token, PASSWORD).statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("tenantId", equalTo(tenantId));
        SignUps.verify(token, PASSWORD).spec(ApiErrors.validation("token",
                "this link is invalid, used or expired; sign up again or ask for a new link"));
        assertTrue(onlyUser(keycloak, email.toLowerCase()).get("emailVerified").asBoolean());

        // The new admin logs in and works on its own tenant only.
        String adminToken = TestTenants.passwordToken(email.toLowerCase(), PASSWORD);
        given().auth().oauth2(adminToken).get("/api/tenant-settings").then()
                .statusCode(200)
                .body("displayName", equalTo("Müller & Söhne GmbH " + suffix))
                .body("locale", equalTo("de"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("defaultCurrency", equalTo("EUR"))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo("system"));
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("""
                        {"displayName": "Müller", "locale": "de", "timeZone": "Europe/Berlin", "defaultCurrency": "EUR",
                         "dunningHorizonDays": 120, "expectedVersion": 1}""")
                .put("/api/tenant-settings").then().statusCode(200).body("version", equalTo(2));
        TestTenant other = TestTenants.create("signup-other");
        given().auth().oauth2(other.viewerToken()).get("/api/tenant-settings").then()
                .statusCode(200)
                .body("displayName", equalTo(other.alias()))
                .body("version", equalTo(0));

        relay.relayAll();
        List<EventEnvelope> events = PublishedEvents.valuesWithKey(Topics.TENANTS, tenantId + ":" + tenantId).stream()
                .map(this::envelope).toList();
        List<String> types = events.stream().map(EventEnvelope::type).toList();
        assertEquals(List.of("TenantSignedUp", "TenantActivated", "TenantSettingsChanged"), types);
        assertEquals(new TenantSignedUp("mueller-und-soehne-" + suffix, "Müller & Söhne GmbH " + suffix, "DE", "B2B", "de"),
                events.get(0).payloadAs(TenantSignedUp.class, json));
        assertEquals(new TenantActivated("mueller-und-soehne-" + suffix), events.get(1).payloadAs(TenantActivated.class, json));
        assertEquals(UUID.fromString(tenantId), events.get(0).tenantId());
    }

    /** A new verification mail carries a new link; the old one stops working. Unknown or verified addresses get nothing, the same answer. */
    @Test
    void aResentVerificationMailReplacesTheLinkAndTellsNothingAboutOthers() {
        String email = "resend-" + SignUps.suffix() + "@example.org";
        SignUps.post(SignUps.body("Resend GmbH " + SignUps.suffix(), email)).statusCode(201);
        String first = SignUps.tokenIn(SignUps.mailTo(email));

        resend(email.toUpperCase()).statusCode(202);
        List<MimeMessage> mails = SignUps.mailsTo(email, 2);
        String second = SignUps.tokenIn(mails.get(1));
        assertNotEquals(first, second);
        SignUps.verify(first, SignUps.PASSWORD).statusCode(400)
                .body("fields[0].field", equalTo("token"))
                .body("fields[0].reason", equalTo("this link is invalid, used or expired; sign up again or ask for a new link"));
        SignUps.verify(second, SignUps.PASSWORD).statusCode(200).body("status", equalTo("ACTIVE"));

        resend(email).statusCode(202);
        String nobody = "nobody-" + SignUps.suffix() + "@example.org";
        resend(nobody).statusCode(202);
        resend(" ").statusCode(400).body("fields[0].field", equalTo("email"));
        SignUps.mailsTo(email, 2);
        assertEquals(0, SignUps.countMailsTo(nobody));
    }

    private static ValidatableResponse resend(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/sign-ups/verification-mail").then().log().ifValidationFails();
    }

    @Test
    void invalidInputNamesEveryFieldAndItsReasonAndCreatesNothing() {
        Map<String, Object> body = new HashMap<>();
        body.put("legalName", " ");
        body.put("country", "XX");
        body.put("street", "Hauptstraße 1");
        body.put("postalCode", "1234");
        body.put("city", "Berlin");
        body.put("vatId", "DE12");
        body.put("creditorType", "B2G");
        body.put("adminFirstName", "Eva");
        body.put("adminLastName", "");
        body.put("adminEmail", "eva-at-example.org");
        body.put("acceptedTerms", false);
        body.put("locale", "fr");
        SignUps.post(body).statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields.field", equalTo(List.of("legalName", "country", "vatId", "creditorType", "adminLastName", "adminEmail",
                        "acceptedTerms", "locale")))
                .body("fields.reason", equalTo(List.of("must not be blank", "'XX' is not an ISO 3166 country code such as DE",
                        "'DE12' is not a VAT id such as DE123456789", "must be B2C or B2B", "must not be blank",
                        "'eva-at-example.org' is not an e-mail address", "the terms must be accepted", "must be de or en")));

        Map<String, Object> german = SignUps.body("Postleitzahl GmbH " + SignUps.suffix(), "plz-" + SignUps.suffix() + "@example.org");
        german.put("postalCode", "1234");
        SignUps.post(german).spec(ApiErrors.validation("postalCode", "a German postal code has 5 digits"))
                .body("fields", hasSize(1));
    }

    @Test
    void aSecondSignUpOfTheSameCompanyOrAdminIsAConflictNamingTheField() {
        String suffix = SignUps.suffix();
        String email = "dup-" + suffix + "@example.org";
        SignUps.post(SignUps.body("Doppel AG " + suffix, email)).statusCode(201);

        SignUps.post(SignUps.body("Andere AG " + suffix, email)).statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("fields[0].field", equalTo("adminEmail"))
                .body("fields[0].reason", equalTo("an account with this e-mail address exists already"));
        SignUps.post(SignUps.body("doppel   ag " + suffix, "other-" + suffix + "@example.org")).statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("fields[0].field", equalTo("legalName"))
                .body("fields[0].reason", equalTo("this company has signed up already"));
        // A finished sign-up sent again is a conflict too, not a second run.
        SignUps.post(SignUps.body("Doppel AG " + suffix, email)).statusCode(409).body("fields[0].field", equalTo("adminEmail"));

        // Users that exist in Keycloak already (not through a sign-up) cannot be taken over either.
        TestTenant existing = TestTenants.create("signup-dup");
        SignUps.post(SignUps.body("Übernahme GmbH " + suffix, "admin-" + existing.alias() + "@example.com")).statusCode(409)
                .body("fields[0].field", equalTo("adminEmail"));
    }

    @Test
    void keycloakFailingAfterTheOrganizationWasCreatedIsCompensatedAndARetryCompletes() {
        String suffix = SignUps.suffix();
        String slug = "ausfall-" + suffix;
        Map<String, Object> body = SignUps.body("Ausfall GmbH " + suffix, "ausfall-" + suffix + "@example.org");

        directory.failFromAdminCreation(false);
        SignUps.post(body).statusCode(503).body("code", equalTo("UNAVAILABLE"));
        assertTrue(organizationsWithAlias(slug).isEmpty(), "the organization was removed");
        assertTrue(KeycloakServer.start().admin().get("/users?exact=true&email=ausfall-" + suffix + "@example.org").isEmpty());

        directory.disarm();
        String tenantId = SignUps.post(body).statusCode(201).body("slug", equalTo(slug)).extract().path("tenantId");
        assertEquals(List.of(tenantId), organizationsWithAlias(slug));
    }

    @Test
    void whenCompensationFailsTooTheSameSignUpSentAgainResumesWithTheSameOrganization() {
        String suffix = SignUps.suffix();
        String slug = "zweimal-" + suffix;
        Map<String, Object> body = SignUps.body("Zweimal GmbH " + suffix, "zweimal-" + suffix + "@example.org");

        directory.failFromAdminCreation(true);
        SignUps.post(body).statusCode(503).body("code", equalTo("UNAVAILABLE"));
        List<String> leftOver = organizationsWithAlias(slug);
        assertEquals(1, leftOver.size(), "the organization stays until the sign-up is resumed");

        directory.disarm();
        SignUps.post(body).statusCode(201)
                .body("slug", equalTo(slug))
                .body("tenantId", equalTo(leftOver.getFirst()))
                .body("status", equalTo("PENDING_VERIFICATION"));
        assertEquals(leftOver, organizationsWithAlias(slug), "resumed, not created twice");
        SignUps.mailTo("zweimal-" + suffix + "@example.org");
    }

    private static JsonNode onlyUser(KeycloakAdmin keycloak, String email) {
        JsonNode users = keycloak.get("/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertEquals(1, users.size(), "users " + users);
        return users.get(0);
    }

    private static List<String> realmRoles(KeycloakAdmin keycloak, JsonNode user) {
        List<String> roles = new ArrayList<>();
        keycloak.get("/users/" + user.get("id").asText() + "/role-mappings/realm").forEach(role -> roles.add(role.get("name").asText()));
        return roles;
    }

    private static List<String> organizationsWithAlias(String alias) {
        List<String> ids = new ArrayList<>();
        for (JsonNode organization : KeycloakServer.start().admin().get("/organizations?exact=true&search=" + alias)) {
            if (alias.equals(organization.get("alias").asText())) {
                ids.add(organization.get("id").asText());
            }
        }
        return ids;
    }

    private EventEnvelope envelope(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (IOException e) {
            throw new AssertionError("not an envelope: " + value, e);
        }
    }

}
