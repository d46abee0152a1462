package io.agiledunning.e2e;

import static io.agiledunning.e2e.GraphQL.errorCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agiledunning.testsupport.KeycloakAdmin;
import io.agiledunning.testsupport.KeycloakServer;
import io.agiledunning.testsupport.PlatformService;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Self-service sign-up through the public GraphQL API only: signUp (no token), the mail read from the SMTP
 * server, verifySignUp with a password, then the new admin's own token on the API, seeing its tenant only;
 * the admin invites a user; a platform admin suspends and reactivates the tenant, then offboards it and exports its data.
 */
class SignUpFlowIT {

    private static final String SIGN_UP = """
            mutation($input: SignUpInput!) { signUp(input: $input) { tenantId slug status adminEmail } }""";
    private static final String VERIFY = """
            mutation($token: String!, $password: String!) { verifySignUp(token: $token, password: $password) { tenantId status } }""";
    private static final String SETTINGS = "{ tenantSettings { displayName locale timeZone defaultCurrency version } }";
    private static final String CASES = "{ cases(first: 50) { edges { node { id externalReference } } } }";
    private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/signup/verify\\?token=([A-Za-z0-9_-]+)&lang=en");

    private static PlatformStack stack;
    private static GraphQL graphql;

    @BeforeAll
    static void startPlatform() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        PlatformStack.startServers();
        // All of them: an offboarding reaches every service that holds tenant data.
        stack = PlatformStack.onFreePorts().start(EnumSet.allOf(PlatformService.class));
        graphql = new GraphQL(stack.url(PlatformService.FRONTEND_API));
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aCompanySignsUpVerifiesAndItsAdminWorksOnItsOwnTenantOnly() throws Exception {
        Map<String, Object> input = input("", "not-an-address");
        JsonPath invalid = graphql.post(null, SIGN_UP, Map.of("input", input));
        assertEquals(List.of("VALIDATION"), errorCodes(invalid), invalid::prettify);
        assertEquals("legalName: must not be blank; adminEmail: 'not-an-address' is not an e-mail address",
                invalid.getString("errors[0].extensions.fields"));

        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "e2e-" + suffix + "@example.org";
        JsonPath signedUp = graphql.post(null, SIGN_UP, Map.of("input", input("Flow Ltd " + suffix, email)));
        assertEquals(List.of(), errorCodes(signedUp), signedUp::prettify);
        assertEquals("PENDING_VERIFICATION", signedUp.getString("data.signUp.status"));
        String tenantId = signedUp.getString("data.signUp.tenantId");

        JsonPath resent = graphql.post(null, "mutation($e: String!) { resendVerificationMail(email: $e) }",
                Map.of("e", "nobody-" + suffix + "@example.org"));
        assertEquals(List.of(), errorCodes(resent), resent::prettify);
        assertTrue(resent.getBoolean("data.resendVerificationMail"), "the same answer whether or not such a sign-up exists");

        JsonPath again = graphql.post(null, SIGN_UP, Map.of("input", input("Other Ltd " + suffix, email)));
        assertEquals(List.of("CONFLICT"), errorCodes(again), again::prettify);
        assertEquals("adminEmail: an account with this e-mail address exists already", again.getString("errors[0].extensions.fields"));

        Matcher link = LINK.matcher(Mails.to(email).getContent().toString());
        assertTrue(link.find(), "no link in the mail");
        assertEquals(stack.url(PlatformService.FRONTEND_API), link.group(1), "the link leads to the sign-up page");
        String password = "E2e-Passwort-" + suffix;
        JsonPath verified = graphql.post(null, VERIFY, Map.of("token", link.group(2), "password", password));
        assertEquals(List.of(), errorCodes(verified), verified::prettify);
        assertEquals("ACTIVE", verified.getString("data.verifySignUp.status"));
        assertEquals(tenantId, verified.getString("data.verifySignUp.tenantId"));

        TestTenant other = TestTenants.create("e2e-signup-other");
        JsonPath opened = graphql.post(other.agentToken(), """
                mutation { openCase(input: {externalReference: "OTHER-1", debtorName: "Max", amount: {amount: 10.00, currency: "EUR"}}) { caseOpened { id } } }""");
        assertEquals(List.of(), errorCodes(opened), opened::prettify);

        String admin = TestTenants.passwordToken(email, password);
        JsonPath settings = graphql.post(admin, SETTINGS);
        assertEquals(List.of(), errorCodes(settings), settings::prettify);
        assertEquals("Flow Ltd " + suffix, settings.getString("data.tenantSettings.displayName"));
        assertEquals("en", settings.getString("data.tenantSettings.locale"));
        assertEquals("Europe/Berlin", settings.getString("data.tenantSettings.timeZone"));
        assertEquals("EUR", settings.getString("data.tenantSettings.defaultCurrency"));
        JsonPath cases = graphql.post(admin, CASES);
        assertEquals(List.of(), errorCodes(cases), cases::prettify);
        assertEquals(List.of(), cases.getList("data.cases.edges"), "a new tenant has no cases, and sees none of another's");
        assertEquals(other.alias(), graphql.post(other.viewerToken(), SETTINGS).getString("data.tenantSettings.displayName"));

        theAdminInvitesAnAgent(admin, other, suffix);
        theAdminChangesTheSettingsWithAnAuditTrail(admin, other);
        String machine = theAdminCreatesAnApiClient(admin, other);
        suspensionTakesEffectOnTheNextRequest(tenantId, "flow-" + suffix, admin, machine, other);
        offboardingEndsTheTenantAndItsDataIsExported(tenantId, suffix, admin, machine, other);
    }

    /**
     * frontend-api passes the client's address (from X-Forwarded-For of a trusted proxy, here loopback) to onboarding,
     * whose limit (10 per window in the test stack) refuses the 11th sign-up from that address with RATE_LIMITED.
     */
    @Test
    void signUpsFromOneClientAddressAreRateLimitedThroughTheApi() {
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(254));
        for (int i = 0; i < 10; i++) {
            JsonPath invalid = graphql.postFrom(address, null, SIGN_UP, Map.of("input", input("", "rl" + i + "@" + randomDomain())));
            assertEquals(List.of("VALIDATION"), errorCodes(invalid), invalid::prettify);
        }
        JsonPath refused = graphql.postFrom(address, null, SIGN_UP, Map.of("input", input("", "rl@" + randomDomain())));
        assertEquals(List.of("RATE_LIMITED"), errorCodes(refused), refused::prettify);
        assertTrue(refused.getString("errors[0].message").startsWith("too many sign-ups from your address; retry in "), refused::prettify);
        int retryAfter = refused.getInt("errors[0].extensions.retryAfterSeconds");
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "retryAfterSeconds " + retryAfter);

        String other = address.equals("203.0.113.7") ? "203.0.113.8" : "203.0.113.7";
        JsonPath elsewhere = graphql.postFrom(other, null, SIGN_UP, Map.of("input", input("", "rl@" + randomDomain())));
        assertEquals(List.of("VALIDATION"), errorCodes(elsewhere), elsewhere::prettify);
    }

    private static String randomDomain() {
        return "rl-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    /** The new admin invites an agent through GraphQL; another tenant's admin cannot touch that user. */
    private static void theAdminInvitesAnAgent(String admin, TestTenant other, String suffix) throws Exception {
        String email = "e2e-agent-" + suffix + "@example.org";
        JsonPath invited = graphql.post(admin, """
                mutation($input: InviteUserInput!) { inviteUser(input: $input) { id role } }""",
                Map.of("input", Map.of("email", email, "firstName", "Alan", "lastName", "Turing", "role", "tenant-agent", "locale", "en")));
        assertEquals(List.of(), errorCodes(invited), invited::prettify);
        String userId = invited.getString("data.inviteUser.id");
        Matcher link = Pattern.compile("/signup/invitation\\?token=([A-Za-z0-9_-]+)").matcher(Mails.to(email).getContent().toString());
        assertTrue(link.find(), "no invitation link");
        String password = "Agent-Passwort-" + suffix;
        JsonPath accepted = graphql.post(null, "mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { tenantId } }",
                Map.of("t", link.group(1), "p", password));
        assertEquals(List.of(), errorCodes(accepted), accepted::prettify);
        assertEquals(List.of(), errorCodes(graphql.post(TestTenants.passwordToken(email, password), CASES)), "the agent works");

        String changeRole = "mutation($id: ID!) { changeUserRole(userId: $id, role: \"tenant-viewer\") { role } }";
        JsonPath foreign = graphql.post(other.adminToken(), changeRole, Map.of("id", userId));
        assertEquals(List.of("NOT_FOUND"), errorCodes(foreign), foreign::prettify);
        assertEquals(List.of("NOT_FOUND"), errorCodes(graphql.post(other.adminToken(), "mutation($id: ID!) { removeUser(userId: $id) }",
                Map.of("id", userId))));
        assertEquals("tenant-viewer", graphql.post(admin, changeRole, Map.of("id", userId)).getString("data.changeUserRole.role"));
        assertEquals(userId, graphql.post(admin, "mutation($id: ID!) { removeUser(userId: $id) }", Map.of("id", userId))
                .getString("data.removeUser"));
        assertEquals(1, graphql.post(admin, "{ users { email } }").getList("data.users.email").size());
    }

    /** Settings through GraphQL: a wrong IBAN is named, a valid change is a new version in the audit trail, the other tenant sees none of it. */
    private static void theAdminChangesTheSettingsWithAnAuditTrail(String admin, TestTenant other) {
        String change = "mutation($input: TenantSettingsInput!) { changeTenantSettings(input: $input) { version iban germanState } }";
        int version = graphql.post(admin, "{ tenantSettings { version } }").getInt("data.tenantSettings.version");
        Map<String, Object> input = new HashMap<>(Map.of("displayName", "Flow", "locale", "en", "timeZone", "Europe/London",
                "defaultCurrency", "GBP", "dunningHorizonDays", 120, "iban", "GB82 WEST 1234 5698 7654 33", "germanState", "BE",
                "expectedVersion", version));
        JsonPath invalid = graphql.post(admin, change, Map.of("input", input));
        assertEquals(List.of("VALIDATION"), errorCodes(invalid), invalid::prettify);
        assertEquals("iban: check digits do not match (mistyped?)", invalid.getString("errors[0].extensions.fields"));
        input.put("iban", "GB82 WEST 1234 5698 7654 32");
        JsonPath changed = graphql.post(admin, change, Map.of("input", input));
        assertEquals(List.of(), errorCodes(changed), changed::prettify);
        assertEquals(version + 1, changed.getInt("data.changeTenantSettings.version"));
        assertEquals("GB82WEST12345698765432", changed.getString("data.changeTenantSettings.iban"));
        JsonPath history = graphql.post(admin, "{ tenantSettingsHistory { version field from to } }");
        assertEquals(List.of(), errorCodes(history), history::prettify);
        assertTrue(history.getList("data.tenantSettingsHistory.field").containsAll(List.of("iban", "germanState", "timeZone")), history::prettify);
        assertEquals(List.of(), graphql.post(other.adminToken(), "{ tenantSettingsHistory { field } }").getList("data.tenantSettingsHistory"));
        assertEquals(List.of("FORBIDDEN"), errorCodes(graphql.post(other.viewerToken(), change, Map.of("input", input))));
    }

    /**
     * The admin creates an API client through GraphQL; its client-credentials token works on the tenant's cases, another
     * tenant's admin can neither see, rotate nor revoke it. Answers the machine's token.
     */
    private static String theAdminCreatesAnApiClient(String admin, TestTenant other) {
        JsonPath created = graphql.post(admin, """
                mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientId role secret } }""",
                Map.of("input", Map.of("name", "ERP", "role", "tenant-agent")));
        assertEquals(List.of(), errorCodes(created), created::prettify);
        String clientId = created.getString("data.createApiClient.clientId");
        String machine = KeycloakAdmin.tokenRequest(KeycloakServer.start().url(), KeycloakServer.REALM, Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", created.getString("data.createApiClient.secret"))).get("access_token").asText();
        JsonPath cases = graphql.post(machine, CASES);
        assertEquals(List.of(), errorCodes(cases), cases::prettify);
        assertEquals(List.of(), cases.getList("data.cases.edges"), "the machine sees its own tenant's (no) cases only");

        assertEquals(List.of(), graphql.post(other.adminToken(), "{ apiClients { clientId } }").getList("data.apiClients"));
        for (String mutation : List.of("rotateApiClientSecret(clientId: $id) { secret }", "revokeApiClient(clientId: $id) { clientId }")) {
            JsonPath foreign = graphql.post(other.adminToken(), "mutation($id: ID!) { " + mutation + " }", Map.of("id", clientId));
            assertEquals(List.of("NOT_FOUND"), errorCodes(foreign), foreign::prettify);
        }
        assertEquals(List.of(clientId), graphql.post(admin, "{ apiClients { clientId } }").getList("data.apiClients.clientId"));
        return machine;
    }

    /** Suspension refuses the tenant's still-valid user and machine tokens on their very next request; the other tenant works on. */
    private static void suspensionTakesEffectOnTheNextRequest(String tenantId, String slug, String admin, String machine, TestTenant other) {
        String platformAdmin = TestTenants.platformAdminToken();
        JsonPath listed = graphql.post(platformAdmin, "query($s: String) { tenants(search: $s) { tenantId slug status } }", Map.of("s", slug));
        assertEquals(List.of(), errorCodes(listed), listed::prettify);
        assertEquals(List.of(tenantId), listed.getList("data.tenants.tenantId"));
        assertEquals(List.of("ACTIVE"), listed.getList("data.tenants.status"));
        assertEquals(List.of("FORBIDDEN"), errorCodes(graphql.post(admin, "{ tenants { slug } }")), "a tenant admin is no platform admin");

        JsonPath suspended = graphql.post(platformAdmin,
                "mutation($id: ID!) { suspendTenant(tenantId: $id, reason: \"unpaid invoices\") { status } }", Map.of("id", tenantId));
        assertEquals("SUSPENDED", suspended.getString("data.suspendTenant.status"), suspended::prettify);
        for (String query : List.of(CASES, SETTINGS)) {
            JsonPath refused = graphql.post(admin, query);
            assertEquals(List.of("FORBIDDEN"), errorCodes(refused), refused::prettify);
            assertTrue(refused.getString("errors[0].message").startsWith("tenant suspended"), refused::prettify);
        }
        for (String query : List.of(CASES, SETTINGS)) {
            JsonPath refused = graphql.post(machine, query);
            assertEquals(List.of("FORBIDDEN"), errorCodes(refused), refused::prettify);
            assertTrue(refused.getString("errors[0].message").startsWith("tenant suspended"), refused::prettify);
        }
        assertEquals(List.of(), errorCodes(graphql.post(other.viewerToken(), CASES)), "another tenant is not affected");

        JsonPath reactivated = graphql.post(platformAdmin, "mutation($id: ID!) { reactivateTenant(tenantId: $id) { status } }",
                Map.of("id", tenantId));
        assertEquals("ACTIVE", reactivated.getString("data.reactivateTenant.status"), reactivated::prettify);
        JsonPath again = graphql.post(admin, CASES);
        assertEquals(List.of(), errorCodes(again), again::prettify);
        assertEquals(List.of(), errorCodes(graphql.post(machine, CASES)), "the machine client works again");
    }

    /**
     * Offboarding refuses the tenant's tokens for good, every data service records the day its retention counts from,
     * and the export archive holds the tenant's data from every service and nothing of another tenant.
     */
    private static void offboardingEndsTheTenantAndItsDataIsExported(String tenantId, String suffix, String admin, String machine,
                                                                     TestTenant other) throws Exception {
        String reference = "FLOW-" + suffix;
        JsonPath opened = graphql.post(admin, """
                mutation($ref: String!) { openCase(input: {externalReference: $ref, debtorName: "Grace", amount: {amount: 42.00, currency: "EUR"}}) { caseOpened { id } } }""",
                Map.of("ref", reference));
        assertEquals(List.of(), errorCodes(opened), opened::prettify);
        String platformAdmin = TestTenants.platformAdminToken();
        String offboard = "mutation($id: ID!) { offboardTenant(tenantId: $id, reason: \"contract ended\") { status offboardedOn } }";
        String retention = "query($id: ID!) { tenantRetention(tenantId: $id) { service schedule { offboardedOn tables { table retentionClass erasableFrom erasedAt } } } }";
        assertEquals(List.of("FORBIDDEN"), errorCodes(graphql.post(other.adminToken(), offboard, Map.of("id", tenantId))));
        assertEquals(List.of("FORBIDDEN"), errorCodes(graphql.post(other.adminToken(), retention, Map.of("id", tenantId))));

        JsonPath offboarded = graphql.post(platformAdmin, offboard, Map.of("id", tenantId));
        assertEquals(List.of(), errorCodes(offboarded), offboarded::prettify);
        assertEquals("OFFBOARDED", offboarded.getString("data.offboardTenant.status"));
        LocalDate day = LocalDate.parse(offboarded.getString("data.offboardTenant.offboardedOn"));
        for (String token : List.of(admin, machine)) {
            JsonPath refused = graphql.post(token, CASES);
            assertEquals(List.of("FORBIDDEN"), errorCodes(refused), refused::prettify);
            assertTrue(refused.getString("errors[0].message").startsWith("tenant offboarded"), refused::prettify);
        }
        JsonPath reactivated = graphql.post(platformAdmin, "mutation($id: ID!) { reactivateTenant(tenantId: $id) { status } }", Map.of("id", tenantId));
        assertEquals(List.of("CONFLICT"), errorCodes(reactivated), reactivated::prettify);

        JsonPath kept = graphql.post(platformAdmin, retention, Map.of("id", tenantId));
        assertEquals(List.of(), errorCodes(kept), kept::prettify);
        assertEquals(List.of("onboarding", "cases", "payments", "reporting", "communications"), kept.getList("data.tenantRetention.service"));
        assertEquals(Collections.nCopies(5, day.toString()), kept.getList("data.tenantRetention.schedule.offboardedOn"));
        Map<String, Object> claims = kept.getMap("data.tenantRetention[1].schedule.tables.find { it.table == 'claims' }");
        assertEquals("BOOKS", claims.get("retentionClass"));
        assertEquals(LocalDate.of(day.getYear() + 11, 1, 1).toString(), claims.get("erasableFrom"));

        String export = stack.url(PlatformService.FRONTEND_API) + "/api/platform/tenants/" + tenantId + "/export";
        RestAssured.given().auth().oauth2(other.adminToken()).get(export).then().statusCode(403);
        byte[] zip = RestAssured.given().auth().oauth2(platformAdmin).get(export).then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, String> files = unzip(zip);
        assertEquals(Set.of("onboarding.ndjson", "cases.ndjson", "payments.ndjson", "reporting.ndjson", "communications.ndjson", "manifest.json"),
                files.keySet());
        assertTrue(files.get("cases.ndjson").contains("\"" + reference + "\""), "the tenant's case is in the archive");
        assertTrue(files.get("onboarding.ndjson").contains("\"table\": \"tenant_settings\""), files.get("onboarding.ndjson"));
        String all = String.join("\n", files.values());
        assertTrue(!all.contains("OTHER-1") && !all.contains(other.id().toString()), "nothing of the other tenant");
        JsonPath manifest = JsonPath.from(files.get("manifest.json"));
        assertEquals(tenantId, manifest.getString("tenantId"));
        assertEquals(files.get("cases.ndjson").lines().count(), manifest.getLong("rows.'cases.ndjson'"));
        assertEquals(List.of(), errorCodes(graphql.post(other.viewerToken(), CASES)), "another tenant is not affected");
    }

    private static Map<String, String> unzip(byte[] archive) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static Map<String, Object> input(String legalName, String email) {
        Map<String, Object> input = new HashMap<>();
        input.put("legalName", legalName);
        input.put("country", "GB");
        input.put("street", "1 High Street");
        input.put("postalCode", "SW1A 1AA");
        input.put("city", "London");
        input.put("creditorType", "B2C");
        input.put("adminFirstName", "Ada");
        input.put("adminLastName", "Lovelace");
        input.put("adminEmail", email);
        input.put("acceptedTerms", true);
        input.put("locale", "en");
        return input;
    }
}
