package io.agiledunning.onboarding.api;

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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Branding, sender, footer, bank, German state and agency: validated per field, versioned, audited, per tenant. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "onboarding"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class TenantSettingsExtendedIT {

    private static final String IBAN = "DE89 3704 0044 0532 0130 00";

    @Test
    void theAdminSetsEveryFieldAndTheAuditTrailNamesWhoChangedWhatFromWhatToWhat() {
        TestTenant acme = TestTenants.create("set-ext");
        String admin = acme.adminToken();
        String by = TenantSettingsResourceIT.subject(admin);

        Map<String, Object> all = full(0);
        change(admin, all).statusCode(200)
                .body("logoUrl", equalTo("https://acme.example/logo.png"))
                .body("primaryColour", equalTo("#1A73E8"))
                .body("accentColour", equalTo("#FF00AA"))
                .body("senderName", equalTo("Acme Forderungen"))
                .body("replyTo", equalTo("billing@acme.example"))
                .body("legalFooter", equalTo("Acme GmbH · HRB 1234 · Berlin"))
                .body("iban", equalTo("DE89370400440532013000"))
                .body("bic", equalTo("COBADEFFXXX"))
                .body("germanState", equalTo("BY"))
                .body("agencyName", equalTo("Inkasso Partner AG"))
                .body("agencyChannel", equalTo("WEBHOOK"))
                .body("agencyWebhookUrl", equalTo("https://agency.example/handover"))
                .body("version", equalTo(1));

        Map<String, Object> second = full(1);
        second.put("germanState", "DE-NW");
        second.put("agencyChannel", "download");
        second.put("agencyWebhookUrl", null);
        second.put("bic", "");
        change(admin, second).statusCode(200)
                .body("germanState", equalTo("NW")).body("agencyChannel", equalTo("DOWNLOAD")).body("bic", nullValue()).body("version", equalTo(2));
        as(acme.viewerToken()).get("/api/tenant-settings").then().statusCode(200)
                .body("germanState", equalTo("NW")).body("iban", equalTo("DE89370400440532013000")).body("version", equalTo(2));

        ValidatableResponse history = as(admin).get("/api/tenant-settings/changes").then().statusCode(200);
        history.body("findAll { it.version == 2 }.field", equalTo(List.of("agencyChannel", "agencyWebhookUrl", "bic", "germanState")))
                .body("find { it.version == 2 && it.field == 'germanState' }.from", equalTo("BY"))
                .body("find { it.version == 2 && it.field == 'germanState' }.to", equalTo("NW"))
                .body("find { it.version == 2 && it.field == 'agencyWebhookUrl' }.to", nullValue())
                .body("find { it.version == 2 && it.field == 'germanState' }.changedBy", equalTo(by))
                .body("find { it.version == 1 && it.field == 'iban' }.from", nullValue())
                .body("find { it.version == 1 && it.field == 'iban' }.to", equalTo("DE89370400440532013000"))
                .body("find { it.version == 1 && it.field == 'displayName' }.from", equalTo(acme.alias()))
                .body("findAll { it.version == 1 }.size()", equalTo(13))
                .body("[0].version", equalTo(2));
        as(acme.agentToken()).get("/api/tenant-settings/changes").then().statusCode(403);
    }

    @Test
    void everyWrongFieldIsNamedWithItsReasonAndNothingChanges() {
        TestTenant acme = TestTenants.create("set-ext-bad");
        Map<String, Object> bad = full(0);
        bad.put("logoUrl", "http://acme.example/logo.png");
        bad.put("primaryColour", "#12345");
        bad.put("accentColour", "red");
        bad.put("senderName", "Acme\r\nBcc: victim@example.org");
        bad.put("replyTo", "not-an-address");
        bad.put("legalFooter", "x".repeat(2001));
        bad.put("iban", "DE89 3704 0044 0532 0130 01");
        bad.put("bic", "COBA");
        bad.put("germanState", "XX");
        bad.put("agencyChannel", "PIGEON");
        change(acme.adminToken(), bad).statusCode(400).body("code", equalTo("VALIDATION"))
                .body("fields.field", equalTo(List.of("logoUrl", "primaryColour", "accentColour", "senderName", "replyTo", "legalFooter",
                        "iban", "bic", "germanState", "agencyChannel")))
                .body("fields.reason", equalTo(List.of(
                        "must be an https URL of at most 500 characters, e.g. https://example.com/logo.png",
                        "must be a colour #RRGGBB, e.g. #1A73E8",
                        "must be a colour #RRGGBB, e.g. #1A73E8",
                        "must not contain line breaks, quotes or < >",
                        "'not-an-address' is not an e-mail address",
                        "must be at most 2000 characters",
                        "check digits do not match (mistyped?)",
                        "must be 8 or 11 characters: bank code (4 letters), country (2 letters), location (2), branch (3, optional)",
                        "must be a German state code: BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH, SL, SN, ST, TH",
                        "must be one of DOWNLOAD, DROP_FOLDER, WEBHOOK")));

        expectOnly(acme, Map.of("iban", "DE89 3704 0044 0532 0130"), "iban", "a DE IBAN has 22 characters, this one 20");
        expectOnly(acme, Map.of("iban", "ZZ89370400440532013000"), "iban", "country ZZ is not supported for IBANs");
        expectOnly(acme, Map.of("iban", "DE89-3704"), "iban", "must be two letters, two check digits and the account (letters and digits only)");
        expectOnly(acme, Map.of("agencyWebhookUrl", ""), "agencyWebhookUrl", "must be set for the WEBHOOK channel");
        expectOnly(acme, Map.of("agencyName", " "), "agencyName", "must not be blank when a handover channel is set");
        expectOnly(acme, Map.of("agencyChannel", "DOWNLOAD"), "agencyWebhookUrl", "is only used with the WEBHOOK channel; leave it empty");
        expectOnly(acme, Map.of("agencyChannel", ""), "agencyChannel", "must be set for a collection agency: DOWNLOAD, DROP_FOLDER or WEBHOOK");
        expectOnly(acme, Map.of("timeZone", "Europe/Atlantis"), "timeZone", "'Europe/Atlantis' is not a time zone such as Europe/Berlin");

        as(acme.viewerToken()).get("/api/tenant-settings").then().statusCode(200).body("version", equalTo(0)).body("iban", nullValue());
        as(acme.adminToken()).get("/api/tenant-settings/changes").then().statusCode(200).body("$", empty());
        Map<String, Object> valid = full(0);
        valid.put("iban", "GB82 WEST 1234 5698 7654 32");
        valid.put("primaryColour", "#abcdef");
        change(acme.adminToken(), valid).statusCode(200).body("iban", equalTo("GB82WEST12345698765432")).body("primaryColour", equalTo("#ABCDEF"));
    }

    @Test
    void anotherTenantSeesNoneOfTheSettingsOrTheirHistory() {
        TestTenant acme = TestTenants.create("set-ext-a");
        TestTenant globex = TestTenants.create("set-ext-b");
        change(acme.adminToken(), full(0)).statusCode(200);

        as(globex.adminToken()).get("/api/tenant-settings/changes").then().statusCode(200).body("$", empty());
        as(globex.viewerToken()).get("/api/tenant-settings").then().statusCode(200)
                .body("displayName", equalTo(globex.alias())).body("iban", nullValue()).body("version", equalTo(0));
        Map<String, Object> theirs = full(0);
        theirs.put("iban", "AT61 1904 3002 3457 3201");
        change(globex.adminToken(), theirs).statusCode(200).body("version", equalTo(1));
        as(acme.viewerToken()).get("/api/tenant-settings").then().statusCode(200).body("iban", equalTo("DE89370400440532013000"));
        as(acme.adminToken()).get("/api/tenant-settings/changes").then().statusCode(200)
                .body("find { it.field == 'iban' }.to", equalTo("DE89370400440532013000"));
    }

    private static void expectOnly(TestTenant tenant, Map<String, Object> overrides, String field, String reason) {
        Map<String, Object> body = full(0);
        body.putAll(overrides);
        change(tenant.adminToken(), body).statusCode(400)
                .body("fields.field", equalTo(List.of(field)))
                .body("fields.reason", equalTo(List.of(reason)));
    }

    private static Map<String, Object> full(int expectedVersion) {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", "Acme Forderungsmanagement");
        body.put("locale", "de");
        body.put("timeZone", "Europe/Berlin");
        body.put("defaultCurrency", "EUR");
        body.put("dunningHorizonDays", 180);
        body.put("logoUrl", "https://acme.example/logo.png");
        body.put("primaryColour", "#1a73e8");
        body.put("accentColour", "#FF00AA");
        body.put("senderName", "Acme Forderungen");
        body.put("replyTo", "Billing@Acme.example");
        body.put("legalFooter", "Acme GmbH · HRB 1234 · Berlin");
        body.put("iban", IBAN);
        body.put("bic", "COBADEFFXXX");
        body.put("germanState", "by");
        body.put("agencyName", "Inkasso Partner AG");
        body.put("agencyChannel", "WEBHOOK");
        body.put("agencyWebhookUrl", "https://agency.example/handover");
        body.put("expectedVersion", expectedVersion);
        return body;
    }

    private static ValidatableResponse change(String token, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).put("/api/tenant-settings").then().log().ifValidationFails();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
