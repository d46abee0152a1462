package io.agiledunning.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates tenants (Keycloak organizations) and users in the {@code agile-dunning} realm through
 * the admin REST API, and logs users in with the password grant of {@code agile-dunning-web}.
 * Starts Keycloak if needed. Unique aliases let tests share one Keycloak without seeing each
 * other's data.
 */
public final class TestTenants {

    public static final String PASSWORD = "Test-Passw0rd!";
    private static final String PLATFORM_ADMIN = "platform-admin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTenants() {
    }

    /** A new tenant with alias {@code <prefix>-<random>} (lowercase) and its admin, agent and viewer. */
    public static TestTenant create(String namePrefix) {
        String prefix = namePrefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return getOrCreate(prefix + "-" + randomSuffix());
    }

    /** The tenant with exactly this alias, created with its users unless it exists (the local demo tenant). */
    public static synchronized TestTenant getOrCreate(String alias) {
        KeycloakAdmin admin = KeycloakServer.start().admin();
        UUID id = findOrganization(admin, alias).orElseGet(() -> createOrganization(admin, alias));
        for (TenantRole role : TenantRole.values()) {
            String userId = ensureUser(admin, role.username(alias), role.realmRole());
            if (!isMember(admin, id, userId)) {
                admin.post("/organizations/" + id + "/members", userId);
            }
        }
        return new TestTenant(id, alias);
    }

    /** A token of {@code platform-admin}, a user with that realm role and no organization. */
    public static String platformAdminToken() {
        ensureUser(KeycloakServer.start().admin(), PLATFORM_ADMIN, PLATFORM_ADMIN);
        return passwordToken(PLATFORM_ADMIN, PASSWORD);
    }

    /**
     * A new user in no organization and with no role, for tests expecting FORBIDDEN/UNAUTHENTICATED
     * answers; log in with {@link #passwordToken(String, String)} and {@link #PASSWORD}.
     *
     * @return the username
     */
    public static String createUserWithoutTenant(String namePrefix) {
        String username = namePrefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "-" + randomSuffix();
        ensureUser(KeycloakServer.start().admin(), username, null);
        return username;
    }

    /** Password grant on {@code agile-dunning-web}, requesting the {@code organization} scope. */
    public static String passwordToken(String username, String password) {
        KeycloakServer keycloak = KeycloakServer.start();
        JsonNode token = KeycloakAdmin.tokenRequest(keycloak.url(), KeycloakServer.REALM, Map.of(
                "grant_type", "password",
                "client_id", KeycloakServer.WEB_CLIENT,
                "username", username,
                "password", password,
                "scope", "openid organization"));
        return token.get("access_token").asText();
    }

    private static Optional<UUID> findOrganization(KeycloakAdmin admin, String alias) {
        for (JsonNode organization : admin.get("/organizations?exact=true&search=" + encode(alias))) {
            if (alias.equals(organization.path("alias").asText())) {
                return Optional.of(UUID.fromString(organization.get("id").asText()));
            }
        }
        return Optional.empty();
    }

    private static boolean isMember(KeycloakAdmin admin, UUID organization, String userId) {
        try {
            admin.get("/organizations/" + organization + "/members/" + userId);
            return true;
        } catch (KeycloakAdmin.KeycloakException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static UUID createOrganization(KeycloakAdmin admin, String alias) {
        String id = admin.post("/organizations", Map.of(
                "name", alias,
                "alias", alias,
                "enabled", true,
                // Keycloak wants at least one domain per organization; it is not used for routing here.
                "domains", List.of(Map.of("name", alias + ".tenants.agiledunning.test"))));
        return UUID.fromString(id);
    }

    /** Creates the user (verified email, names, password, no required actions) unless it exists; returns its id. */
    private static String ensureUser(KeycloakAdmin admin, String username, String realmRole) {
        JsonNode existing = admin.get("/users?exact=true&username=" + encode(username));
        String id;
        if (existing.isArray() && !existing.isEmpty()) {
            id = existing.get(0).get("id").asText();
        } else {
            id = admin.post("/users", Map.of(
                    "username", username,
                    "email", username + "@example.com",
                    "emailVerified", true,
                    "firstName", "Test",
                    "lastName", username,
                    "enabled", true,
                    "requiredActions", List.of(),
                    "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        }
        if (realmRole != null) {
            JsonNode role = admin.get("/roles/" + encode(realmRole));
            admin.post("/users/" + id + "/role-mappings/realm", List.of(role));
        }
        return id;
    }

    private static String randomSuffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return suffix.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
