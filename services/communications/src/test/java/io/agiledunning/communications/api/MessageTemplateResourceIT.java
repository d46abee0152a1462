package io.agiledunning.communications.api;

import io.agiledunning.testsupport.ApiErrors;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "communications"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class MessageTemplateResourceIT {

    private static final String SUBJECT = "Zahlungserinnerung {{caseReference}}";
    private static final String BODY = "Guten Tag {{debtorName}},\\nbitte zahlen Sie {{outstanding}}.";
    private static final String BODY_AS_READ = "Guten Tag {{debtorName}},\nbitte zahlen Sie {{outstanding}}.";

    private static TestTenant acme;
    private static TestTenant globex;

    @BeforeAll
    static void tenants() {
        acme = TestTenants.create("tpl-acme");
        globex = TestTenants.create("tpl-globex");
    }

    @Test
    void theTenantAdminSavesTemplatesAndEveryRoleReadsThemBackExactly() {
        String admin = acme.adminToken();
        Instant before = Instant.now();
        var created = create(admin, "first-reminder", "EMAIL", "de", quoted(SUBJECT), BODY)
                .statusCode(201)
                .body("id", notNullValue())
                .body("key", equalTo("first-reminder"))
                .body("channel", equalTo("EMAIL"))
                .body("locale", equalTo("de"))
                .body("subject", equalTo(SUBJECT))
                .body("body", equalTo(BODY_AS_READ))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        String createdAt = created.path("createdAt");
        assertEquals("/api/templates/" + id, java.net.URI.create(created.header("Location")).getPath());
        assertFalse(Instant.parse(createdAt).isBefore(before.minusSeconds(5)), "createdAt " + createdAt);
        assertFalse(Instant.parse(createdAt).isAfter(Instant.now().plusSeconds(5)), "createdAt " + createdAt);

        // The same key on another channel or in another language is another template; SMS needs no subject.
        String sms = create(admin, "first-reminder", "SMS", "de", "null", "Bitte zahlen Sie {{outstanding}}.")
                .statusCode(201)
                .body("channel", equalTo("SMS"))
                .body("subject", nullValue())
                .extract().path("id");
        String english = create(admin, "first-reminder", "EMAIL", "en", "\"Payment reminder\"", "Please pay.")
                .statusCode(201)
                .body("locale", equalTo("en"))
                .extract().path("id");

        for (String token : List.of(acme.viewerToken(), acme.agentToken(), admin)) {
            as(token).get("/api/templates/{id}", id).then()
                    .statusCode(200)
                    .body("id", equalTo(id))
                    .body("key", equalTo("first-reminder"))
                    .body("channel", equalTo("EMAIL"))
                    .body("locale", equalTo("de"))
                    .body("subject", equalTo(SUBJECT))
                    .body("body", equalTo(BODY_AS_READ))
                    .body("createdAt", equalTo(createdAt));
            as(token).get("/api/templates?first=100").then()
                    .statusCode(200)
                    .body("items.id", hasItem(id))
                    .body("items.id", hasItem(sms))
                    .body("items.id", hasItem(english));
        }
    }

    @Test
    void anotherTenantGetsNotFoundAnEmptyListAndItsOwnTemplates() {
        String key = "reminder-" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(acme.adminToken(), key, "LETTER", "de", "\"Mahnung\"", "Acme text")
                .statusCode(201).extract().path("id");

        String globexViewer = globex.viewerToken();
        as(globexViewer).get("/api/templates/{id}", id).then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"))
                .body("message", equalTo("template " + id + " not found"));
        UUID unknown = UUID.randomUUID();
        as(globexViewer).get("/api/templates/{id}", unknown).then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"))
                .body("message", equalTo("template " + unknown + " not found"));

        TestTenant fresh = TestTenants.create("tpl-empty");
        as(fresh.viewerToken()).get("/api/templates").then()
                .statusCode(200)
                .body("items", empty())
                .body("endCursor", nullValue())
                .body("hasNextPage", is(false));

        // Keys are unique per tenant only: Globex saves the same key, channel and language as its own.
        String globexId = create(globex.adminToken(), key, "LETTER", "de", "\"Mahnung\"", "Globex text")
                .statusCode(201).extract().path("id");
        as(globexViewer).get("/api/templates?first=100").then()
                .statusCode(200)
                .body("items.id", hasItem(globexId))
                .body("items.id", not(hasItem(id)));
        as(acme.viewerToken()).get("/api/templates/{id}", id).then()
                .statusCode(200)
                .body("body", equalTo("Acme text"));
        as(acme.viewerToken()).get("/api/templates/{id}", globexId).then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void callersWithoutTokenOrRoleAreTurnedAwayWithCodes() {
        UUID id = UUID.randomUUID();
        for (String path : List.of("/api/templates", "/api/templates/" + id)) {
            given().get(path).then()
                    .statusCode(401)
                    .body("code", equalTo("UNAUTHENTICATED"));
            given().auth().oauth2("not-a-token").get(path).then()
                    .statusCode(401)
                    .body("code", equalTo("UNAUTHENTICATED"));
        }
        given().contentType(ContentType.JSON).body(body("anon", "SMS", "de", "null", "text"))
                .post("/api/templates").then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));

        TestTenant tenant = TestTenants.create("tpl-roles");
        // Only a tenant admin saves templates.
        create(tenant.viewerToken(), "by-viewer", "SMS", "de", "null", "text")
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        create(tenant.agentToken(), "by-agent", "SMS", "de", "null", "text")
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        // A platform admin acts for no tenant: no tenant role, so no tenant templates.
        String platformAdmin = TestTenants.platformAdminToken();
        create(platformAdmin, "by-platform", "SMS", "de", "null", "text")
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        as(platformAdmin).get("/api/templates").then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        as(platformAdmin).get("/api/templates/{id}", id).then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        as(tenant.adminToken()).get("/api/templates").then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void invalidInputIsRefusedNamingTheFieldAndTheReasonAndSavesNothing() {
        TestTenant tenant = TestTenants.create("tpl-invalid");
        String admin = tenant.adminToken();

        invalid(create(admin, "no-subject", "EMAIL", "de", "null", "text"), "subject", "an email template needs a subject");
        invalid(create(admin, "blank-subject", "EMAIL", "de", "\"  \"", "text"), "subject", "an email template needs a subject");
        invalid(create(admin, "Bad Key", "SMS", "de", "null", "text"), "key", "lowercase letters, digits and dashes, at most 60");
        invalid(create(admin, "k".repeat(61), "SMS", "de", "null", "text"), "key", "lowercase letters, digits and dashes, at most 60");
        invalid(create(admin, "locale", "SMS", "fr", "null", "text"), "locale", "must be de or en");
        invalid(create(admin, "body", "SMS", "de", "null", " "), "body", "must not be blank");
        invalid(create(admin, "long-subject", "EMAIL", "de", quoted("s".repeat(201)), "text"), "subject", "size must be between 0 and 200");
        invalid(as(admin).contentType(ContentType.JSON)
                        .body("""
                                {"key": "no-channel", "locale": "de", "body": "text"}""")
                        .post("/api/templates").then(),
                "channel", "must not be null");

        as(admin).get("/api/templates").then()
                .statusCode(200)
                .body("items", empty());

        create(admin, "dup", "EMAIL", "de", "\"Subject\"", "first").statusCode(201);
        create(admin, "dup", "EMAIL", "de", "\"Subject\"", "second")
                .statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("message", equalTo("a EMAIL template 'dup' in 'de' exists already"));
        as(admin).get("/api/templates").then()
                .statusCode(200)
                .body("items.body", contains("first"));

        as(admin).get("/api/templates?first=101").then()
                .spec(ApiErrors.validation("first", "must be between 1 and 100"));
        as(admin).get("/api/templates?after=garbage").then()
                .spec(ApiErrors.validation("after", "not a cursor returned by this API"));
    }

    /** A value Jackson cannot convert (an unknown channel) is refused with the same error body as any other invalid input. */
    @Test
    void anUnknownChannelIsRefusedWithTheValidationBody() {
        TestTenant tenant = TestTenants.create("tpl-channel");
        String admin = tenant.adminToken();
        invalid(create(admin, "fax", "FAX", "de", "null", "text"), "channel", "'FAX' is not a valid Channel");
        as(admin).get("/api/templates").then()
                .statusCode(200)
                .body("items", empty());
    }

    /** Admins racing to save the same key, channel and language: exactly one wins, the others get CONFLICT. */
    @Test
    void concurrentDuplicatesLetExactlyOneWinAndTheOthersConflict() throws Exception {
        TestTenant tenant = TestTenants.create("tpl-race");
        String admin = tenant.adminToken();
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String text = "racer " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return create(admin, "race", "SMS", "en", "null", text).extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), "statuses " + statuses);
        assertEquals(racers - 1, statuses.stream().filter(status -> status == 409).count(), "statuses " + statuses);
        as(admin).get("/api/templates").then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        TestTenant paged = TestTenants.create("tpl-paged");
        String admin = paged.adminToken();
        List<String> saved = List.of("a", "b", "c").stream()
                .map(key -> create(admin, key, "SMS", "de", "null", "text " + key).statusCode(201).extract().<String>path("id"))
                .toList();

        var first = as(admin).get("/api/templates?first=2").then()
                .statusCode(200)
                .body("items.id", contains(saved.get(0), saved.get(1)))
                .body("hasNextPage", is(true))
                .body("endCursor", notNullValue())
                .extract();
        as(paged.viewerToken()).get("/api/templates?first=2&after=" + first.path("endCursor")).then()
                .statusCode(200)
                .body("items.id", contains(saved.get(2)))
                .body("items[0].key", equalTo("c"))
                .body("hasNextPage", is(false));
    }

    private static void invalid(ValidatableResponse response, String field, String reason) {
        response.statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields", hasSize(1))
                .body("fields[0].field", equalTo(field))
                .body("fields[0].reason", equalTo(reason));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** @param subject JSON: a quoted string or {@code null} */
    private static String body(String key, String channel, String locale, String subject, String text) {
        return """
                {"key": "%s", "channel": "%s", "locale": "%s", "subject": %s, "body": "%s"}"""
                .formatted(key, channel, locale, subject, text);
    }

    private static ValidatableResponse create(String token, String key, String channel, String locale, String subject, String text) {
        return as(token).contentType(ContentType.JSON)
                .body(body(key, channel, locale, subject, text))
                .post("/api/templates")
                .then().log().ifValidationFails();
    }
}
