package io.agiledunning.testsupport;

import io.agiledunning.testsupport.stripe.FakeStripe;
import java.time.Clock;
import java.util.Map;

/**
 * The configuration a service needs to reach each server, shared by the Quarkus test resources,
 * the packaged-service launcher and the local stack so that all three wire services alike.
 * Each method starts its server if needed.
 */
public final class ServiceConfig {

    private static FakeStripe fakeStripe;

    private ServiceConfig() {
    }

    /**
     * Creates the service's database and roles; the app connects as {@code <service>_app} (subject to
     * row-level security), migrations run as {@code <service>_owner}.
     */
    public static Map<String, String> database(String service) {
        PostgresServer postgres = PostgresServer.start();
        postgres.ensureDatabase(service);
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(service),
                "quarkus.datasource.username", service + "_app",
                "quarkus.datasource.password", service + "_app",
                "agiledunning.migration.jdbc-url", postgres.jdbcUrl(service),
                "agiledunning.migration.username", service + "_owner",
                "agiledunning.migration.password", service + "_owner");
    }

    public static Map<String, String> oidc() {
        KeycloakServer keycloak = KeycloakServer.start();
        return Map.of(
                "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
                "agiledunning.keycloak.url", keycloak.url());
    }

    /** The Keycloak admin API as the bootstrap admin (onboarding manages organizations and users with it). */
    public static Map<String, String> keycloakAdmin() {
        KeycloakServer keycloak = KeycloakServer.start();
        return Map.of(
                "quarkus.keycloak.admin-client.server-url", keycloak.url(),
                "quarkus.keycloak.admin-client.username", "admin",
                "quarkus.keycloak.admin-client.password", "admin");
    }

    public static Map<String, String> kafka() {
        return Map.of("kafka.bootstrap.servers", KafkaServer.start().bootstrapServers());
    }

    public static Map<String, String> mailer() {
        SmtpServer smtp = SmtpServer.start();
        return Map.of(
                "quarkus.mailer.host", smtp.host(),
                "quarkus.mailer.port", Integer.toString(smtp.port()),
                "quarkus.mailer.mock", "false");
    }

    /**
     * Payments' Stripe settings pointing at this JVM's {@link FakeStripe} (started on first use, on the port
     * of {@code agiledunning.stripe.port}, default a free one), with its secret key and webhook secret.
     */
    public static Map<String, String> stripe() {
        FakeStripe fake = fakeStripe();
        return Map.of(
                "agiledunning.payments.stripe.api-base", fake.apiBase(),
                "agiledunning.payments.stripe.api-key", fake.secretKey(),
                "agiledunning.payments.stripe.webhook-secret", FakeStripe.WEBHOOK_SECRET);
    }

    /** This JVM's fake Stripe API, stopped at exit. */
    public static synchronized FakeStripe fakeStripe() {
        if (fakeStripe == null) {
            fakeStripe = FakeStripe.start(Settings.getInt("agiledunning.stripe.port", 0), FakeStripe.SECRET_KEY, Clock.systemUTC());
            Shutdown.first(fakeStripe::close);
        }
        return fakeStripe;
    }
}
