package io.agiledunning.helm;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Missing passwords or endpoints stop the install with a message that says what to set. */
class RequiredValuesTest {

    private static final Map<String, String> ENDPOINTS = Map.of(
            "global.oidc.authServerUrl", "https://keycloak.example/realms/agile-dunning",
            "global.kafka.bootstrapServers", "kafka:9092",
            "global.postgresql.host", "pg");

    @Test
    void umbrellaWithoutDatabaseSecretFails() {
        String message = failure(Charts.UMBRELLA, Map.of("global.postgresql.existingSecret", ""));
        assertTrue(message.contains("database.existingSecret (or global.postgresql.existingSecret)"), message);
        assertTrue(message.contains("-migration-password"), message);
    }

    @Test
    void serviceChartWithoutSecretFails() {
        String message = failure("cases", ENDPOINTS);
        assertTrue(message.contains("cases: set database.existingSecret"), message);
        assertTrue(message.contains("\"cases-password\"") && message.contains("\"cases-migration-password\""), message);
    }

    @Test
    void onboardingWithoutKeycloakAdminSecretFails() {
        Map<String, String> sets = new java.util.HashMap<>(ENDPOINTS);
        sets.put("database.existingSecret", "onboarding-db");
        sets.put("smtp.host", "smtp");
        String message = failure("onboarding", sets);
        assertTrue(message.contains("onboarding: set keycloakAdmin.existingSecret"), message);
        assertTrue(message.contains("\"keycloak-admin-client-secret\""), message);
    }

    @Test
    void serviceChartWithoutOidcFails() {
        String message = failure("frontend-api", Map.of());
        assertTrue(message.contains("frontend-api: set oidc.authServerUrl"), message);
    }

    @Test
    void serviceChartWithoutKafkaFails() {
        String message = failure("payments", Map.of("global.oidc.authServerUrl", "https://kc/realms/x",
                "database.existingSecret", "payments-db", "global.postgresql.host", "pg"));
        assertTrue(message.contains("payments: set kafka.bootstrapServers"), message);
    }

    @Test
    void schemaRejectsTyposInValues() {
        String message = failure("cases", Map.of("databse.name", "x"));
        assertTrue(message.contains("databse"), message);
    }

    private static String failure(String chart, Map<String, String> sets) {
        Exception e = assertThrows(Exception.class, () -> Charts.render(chart, null, sets));
        return String.valueOf(e.getMessage());
    }
}
