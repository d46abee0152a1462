package io.agiledunning.onboarding.abuse;

import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Sign-ups and invitations are limited per client address and per e-mail domain, counted in PostgreSQL; a refused
 * call is RATE_LIMITED with Retry-After and spends no budget. Every attempt counts, also one refused as invalid.
 * No SMTP resource: nothing here sends mail, and GreenMail started under this profile's application would hold the
 * port against the mail tests' application that Quarkus starts after it.
 */
@QuarkusTest
@TestProfile(RateLimitIT.LowLimits.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "onboarding"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class RateLimitIT {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "agiledunning.onboarding.rate-limits.window", "PT1H",
                    "agiledunning.onboarding.rate-limits.sign-ups-per-address", "3",
                    "agiledunning.onboarding.rate-limits.sign-ups-per-domain", "2",
                    "agiledunning.onboarding.rate-limits.invitations-per-address", "2",
                    "agiledunning.onboarding.rate-limits.invitations-per-domain", "3");
        }
    }

    @Test
    void signUpsFromOneAddressAreLimitedAndOtherAddressesAreNot() {
        String address = randomAddress();
        for (int i = 0; i < 3; i++) {
            signUp(address, "a" + i + "@" + randomDomain()).statusCode(400).body("code", equalTo("VALIDATION"));
        }
        signUp(address, "a3@" + randomDomain()).statusCode(429)
                .header("Retry-After", allOf(matchesPattern("[0-9]+")))
                .body("code", equalTo("RATE_LIMITED"))
                .body("message", matchesPattern("too many sign-ups from your address; retry in [0-9]+ seconds"));
        int retryAfter = Integer.parseInt(signUp(address, "a4@" + randomDomain()).statusCode(429).extract().header("Retry-After"));
        org.hamcrest.MatcherAssert.assertThat(retryAfter, allOf(greaterThan(3500), lessThanOrEqualTo(3600)));

        signUp(randomAddress(), "b@" + randomDomain()).statusCode(400).body("code", equalTo("VALIDATION"));
    }

    @Test
    void signUpsForOneDomainAreLimitedAndARefusedCallSpendsNothing() {
        String address = randomAddress();
        String domain = randomDomain();
        signUp(address, "one@" + domain).statusCode(400);
        signUp(randomAddress(), "two@" + domain.toUpperCase()).statusCode(400);
        signUp(address, "three@" + domain).statusCode(429)
                .body("message", matchesPattern("too many sign-ups for e-mail addresses at " + domain + "; retry in [0-9]+ seconds"));
        // The refused call spent none of the address's three: two remain.
        signUp(address, "x@" + randomDomain()).statusCode(400);
        signUp(address, "y@" + randomDomain()).statusCode(400);
        signUp(address, "z@" + randomDomain()).statusCode(429).body("message", matchesPattern("too many sign-ups from your address.*"));
    }

    @Test
    void invitationsFromOneAddressAreLimitedPerTenantAdminCall() {
        TestTenant acme = TestTenants.create("rl-invite");
        String address = randomAddress();
        for (int i = 0; i < 2; i++) {
            invite(acme.adminToken(), address, "i" + i + "@" + randomDomain()).statusCode(400).body("code", equalTo("VALIDATION"));
        }
        invite(acme.adminToken(), address, "i2@" + randomDomain()).statusCode(429)
                .body("code", equalTo("RATE_LIMITED"))
                .body("message", matchesPattern("too many invitations from your address; retry in [0-9]+ seconds"));
        invite(acme.adminToken(), randomAddress(), "i3@" + randomDomain()).statusCode(400);
    }

    /** A sign-up missing its legal name: refused as invalid after the limits counted it, so nothing is created. */
    private static ValidatableResponse signUp(String address, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("adminEmail", email);
        body.put("acceptedTerms", true);
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address + ", 10.0.0.1").body(body)
                .post("/api/sign-ups").then().log().ifValidationFails();
    }

    /** An invitation without names: refused as invalid after the limits counted it. */
    private static ValidatableResponse invite(String token, String address, String email) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("email", email, "role", "tenant-agent")).post("/api/users").then().log().ifValidationFails();
    }

    private static String randomAddress() {
        return "2001:db8::" + UUID.randomUUID().toString().substring(0, 4);
    }

    private static String randomDomain() {
        return "rl-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }
}
