package io.agiledunning.onboarding.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "onboarding"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class TenantSettingsResourceIT {

    @Test
    void aNewTenantStartsWithTheGermanDefaultsAtVersionZero() {
        TestTenant tenant = TestTenants.create("set-defaults");

        expectDefaults(as(tenant.viewerToken()).get("/api/tenant-settings").then(), tenant);
        expectDefaults(as(tenant.agentToken()).get("/api/tenant-settings").then(), tenant);
    }

    @Test
    void theTenantAdminChangesTheSettingsVersionByVersion() {
        TestTenant tenant = TestTenants.create("set-change");
        String admin = tenant.adminToken();
        String adminSubject = subject(admin);

        change(admin, "Acme Inkasso GmbH", "en", "Europe/London", "GBP", 90, 0)
                .statusCode(200)
                .body("displayName", equalTo("Acme Inkasso GmbH"))
                .body("locale", equalTo("en"))
                .body("timeZone", equalTo("Europe/London"))
                .body("defaultCurrency", equalTo("GBP"))
                .body("dunningHorizonDays", equalTo(90))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo(adminSubject));
        as(tenant.viewerToken()).get("/api/tenant-settings").then()
                .statusCode(200)
                .body("displayName", equalTo("Acme Inkasso GmbH"))
                .body("locale", equalTo("en"))
                .body("timeZone", equalTo("Europe/London"))
                .body("defaultCurrency", equalTo("GBP"))
                .body("dunningHorizonDays", equalTo(90))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo(adminSubject));

        change(admin, "Acme Inkasso", "de", "Europe/Vienna", "EUR", 365, 1)
                .statusCode(200)
                .body("displayName", equalTo("Acme Inkasso"))
                .body("locale", equalTo("de"))
                .body("timeZone", equalTo("Europe/Vienna"))
                .body("defaultCurrency", equalTo("EUR"))
                .body("dunningHorizonDays", equalTo(365))
                .body("version", equalTo(2));

        // A client that read version 1 must reload instead of overwriting version 2.
        change(admin, "Stale Inkasso", "de", "Europe/Berlin", "EUR", 30, 1)
                .statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("message", equalTo("settings changed meanwhile (version 2, you sent 1): reload and retry"));
        change(admin, "Future Inkasso", "de", "Europe/Berlin", "EUR", 30, 3)
                .statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("message", equalTo("settings changed meanwhile (version 2, you sent 3): reload and retry"));
        as(tenant.agentToken()).get("/api/tenant-settings").then()
                .statusCode(200)
                .body("displayName", equalTo("Acme Inkasso"))
                .body("timeZone", equalTo("Europe/Vienna"))
                .body("dunningHorizonDays", equalTo(365))
                .body("version", equalTo(2));
    }

    @Test
    void aNewTenantCannotChangeFromAnyVersionButZero() {
        TestTenant tenant = TestTenants.create("set-first");
        change(tenant.adminToken(), "First", "de", "Europe/Berlin", "EUR", 180, 1)
                .statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("message", equalTo("settings changed meanwhile (version 0, you sent 1): reload and retry"));
        expectDefaults(as(tenant.viewerToken()).get("/api/tenant-settings").then(), tenant);
    }

    /**
     * Admins racing to change the same version: exactly one wins, every other one gets CONFLICT (never an
     * internal error), both for the very first change (no row yet) and for a later one.
     */
    @Test
    void concurrentChangesOfTheSameVersionLetExactlyOneWinAndTheOthersConflict() throws Exception {
        TestTenant tenant = TestTenants.create("set-race");
        String admin = tenant.adminToken();

        for (int expectedVersion : new int[] {0, 1}) {
            int racers = 6;
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    String name = "Racer " + expectedVersion + "-" + i;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return change(admin, name, "de", "Europe/Berlin", "EUR", 180, expectedVersion)
                                .extract().statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(60, TimeUnit.SECONDS));
                }
                assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "statuses " + statuses);
                assertEquals(racers - 1, statuses.stream().filter(status -> status == 409).count(), "statuses " + statuses);
            } finally {
                pool.shutdownNow();
            }
            as(tenant.viewerToken()).get("/api/tenant-settings").then()
                    .statusCode(200)
                    .body("version", equalTo(expectedVersion + 1))
                    .body("displayName", startsWith("Racer " + expectedVersion + "-"));
        }
    }

    @Test
    void eachTenantSeesAndChangesOnlyItsOwnSettings() {
        TestTenant acme = TestTenants.create("set-acme");
        TestTenant globex = TestTenants.create("set-globex");
        change(acme.adminToken(), "Acme", "en", "America/New_York", "USD", 60, 0).statusCode(200);

        expectDefaults(as(globex.viewerToken()).get("/api/tenant-settings").then(), globex);

        // Globex's admin writes Globex's settings, whatever version Acme is at.
        String globexAdmin = globex.adminToken();
        change(globexAdmin, "Globex", "de", "Europe/Zurich", "CHF", 120, 1)
                .statusCode(409)
                .body("code", equalTo("CONFLICT"));
        change(globexAdmin, "Globex", "de", "Europe/Zurich", "CHF", 120, 0)
                .statusCode(200)
                .body("displayName", equalTo("Globex"))
                .body("version", equalTo(1));

        as(acme.viewerToken()).get("/api/tenant-settings").then()
                .statusCode(200)
                .body("displayName", equalTo("Acme"))
                .body("locale", equalTo("en"))
                .body("timeZone", equalTo("America/New_York"))
                .body("defaultCurrency", equalTo("USD"))
                .body("dunningHorizonDays", equalTo(60))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo(subject(acme.adminToken())));
        as(globex.viewerToken()).get("/api/tenant-settings").then()
                .statusCode(200)
                .body("displayName", equalTo("Globex"))
                .body("timeZone", equalTo("Europe/Zurich"))
                .body("defaultCurrency", equalTo("CHF"))
                .body("updatedBy", equalTo(subject(globexAdmin)));
    }

    @Test
    void callersWithoutTokenOrRoleAreTurnedAwayWithCodes() {
        TestTenant tenant = TestTenants.create("set-roles");
        given().get("/api/tenant-settings").then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2("not-a-token").get("/api/tenant-settings").then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().contentType(ContentType.JSON).body(body("X", "de", "Europe/Berlin", "EUR", 180, 0))
                .put("/api/tenant-settings").then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));

        // Only a tenant admin changes settings.
        change(tenant.viewerToken(), "Viewer", "de", "Europe/Berlin", "EUR", 180, 0)
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        change(tenant.agentToken(), "Agent", "de", "Europe/Berlin", "EUR", 180, 0)
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        // A platform admin acts for no tenant: no tenant role, so no tenant settings.
        String platformAdmin = TestTenants.platformAdminToken();
        as(platformAdmin).get("/api/tenant-settings").then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        change(platformAdmin, "Platform", "de", "Europe/Berlin", "EUR", 180, 0)
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        expectDefaults(as(tenant.viewerToken()).get("/api/tenant-settings").then(), tenant);
    }

    @Test
    void invalidInputIsRefusedNamingTheFieldAndTheReasonAndChangesNothing() {
        TestTenant tenant = TestTenants.create("set-invalid");
        String admin = tenant.adminToken();

        invalid(change(admin, "X", "de", "Mars/Olympus_Mons", "EUR", 180, 0),
                "timeZone", "'Mars/Olympus_Mons' is not a time zone such as Europe/Berlin");
        invalid(change(admin, "X", "de", "Europe/Berlin", "EURO", 180, 0),
                "defaultCurrency", "unknown currency 'EURO' (expected an ISO 4217 code such as EUR)");
        invalid(change(admin, "X", "de", "Europe/Berlin", "EUR", 29, 0),
                "dunningHorizonDays", "must be greater than or equal to 30");
        invalid(change(admin, "X", "de", "Europe/Berlin", "EUR", 366, 0),
                "dunningHorizonDays", "must be less than or equal to 365");
        invalid(change(admin, "X", "fr", "Europe/Berlin", "EUR", 180, 0),
                "locale", "must be de or en");
        invalid(change(admin, " ", "de", "Europe/Berlin", "EUR", 180, 0),
                "displayName", "must not be blank");
        invalid(change(admin, "X".repeat(121), "de", "Europe/Berlin", "EUR", 180, 0),
                "displayName", "size must be between 0 and 120");
        invalid(change(admin, "X", "de", "Europe/Berlin", "EUR", 180, -1),
                "expectedVersion", "must be greater than or equal to 0");
        invalid(change(admin, "X", "de", "", "EUR", 180, 0),
                "timeZone", "must not be blank");

        // The boundaries themselves are fine.
        change(admin, "X", "de", "Europe/Berlin", "EUR", 30, 0).statusCode(200).body("dunningHorizonDays", equalTo(30));
        change(admin, "X", "de", "Europe/Berlin", "EUR", 365, 1).statusCode(200).body("dunningHorizonDays", equalTo(365));
        invalid(change(admin, "X", "de", "Europe/Berlin", "EUR", 0, 2),
                "dunningHorizonDays", "must be greater than or equal to 30");
        as(tenant.viewerToken()).get("/api/tenant-settings").then()
                .statusCode(200)
                .body("dunningHorizonDays", equalTo(365))
                .body("version", equalTo(2));
    }

    private static void expectDefaults(ValidatableResponse response, TestTenant tenant) {
        response.statusCode(200)
                .body("displayName", equalTo(tenant.alias()))
                .body("locale", equalTo("de"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("defaultCurrency", equalTo("EUR"))
                .body("dunningHorizonDays", equalTo(180))
                .body("version", equalTo(0))
                .body("updatedBy", nullValue());
    }

    private static void invalid(ValidatableResponse response, String field, String reason) {
        response.statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields", hasSize(1))
                .body("fields[0].field", equalTo(field))
                .body("fields[0].reason", equalTo(reason));
    }

    /** The token's {@code sub}: what the service records as {@code updatedBy}. */
    static String subject(String token) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            String sub = new ObjectMapper().readTree(payload).path("sub").asText(null);
            assertNotNull(sub, "token without sub: " + payload);
            return sub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    static String body(String displayName, String locale, String timeZone, String currency, int horizon, int expectedVersion) {
        return """
                {"displayName": "%s", "locale": "%s", "timeZone": "%s", "defaultCurrency": "%s",
                 "dunningHorizonDays": %d, "expectedVersion": %d}"""
                .formatted(displayName, locale, timeZone, currency, horizon, expectedVersion);
    }

    private static ValidatableResponse change(String token, String displayName, String locale, String timeZone, String currency,
                                              int horizon, int expectedVersion) {
        return as(token).contentType(ContentType.JSON)
                .body(body(displayName, locale, timeZone, currency, horizon, expectedVersion))
                .put("/api/tenant-settings")
                .then().log().ifValidationFails();
    }
}
