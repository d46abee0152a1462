package io.agiledunning.helm;

import io.agiledunning.helm.StrictKubernetesModel.Document;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders every chart with its defaults and each ci/*-values.yaml scenario, and validates the result strictly. */
class ChartRenderTest {

    /** (chart, scenario file or null for the defaults). Service charts have no usable defaults: see RequiredValuesTest. */
    static Stream<Arguments> scenarios() {
        List<Arguments> scenarios = new ArrayList<>();
        scenarios.add(Arguments.of(Charts.UMBRELLA, null));
        for (String chart : Stream.concat(Stream.of(Charts.UMBRELLA), Charts.DEPLOYABLES.stream()).toList()) {
            for (Path values : Charts.ciValues(chart)) {
                scenarios.add(Arguments.of(chart, values));
            }
        }
        return scenarios.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void rendersValidHardenedManifests(String chart, Path values) {
        List<Document> documents = StrictKubernetesModel.parse(Charts.render(chart, values, Map.of()));
        assertTrue(documents.stream().anyMatch(d -> d.object() instanceof Deployment), "renders a Deployment");
        Hardening.check(documents);
    }

    @Test
    void umbrellaDefaultsRenderTheWholePlatform() {
        List<Document> documents = StrictKubernetesModel.parse(Charts.render(Charts.UMBRELLA, null, Map.of()));
        Map<String, Deployment> deployments = documents.stream().filter(d -> d.object() instanceof Deployment)
                .map(d -> (Deployment) d.object())
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), Function.identity()));
        assertEquals(Charts.DEPLOYABLES.stream().map(n -> "ad-" + n).collect(Collectors.toSet()), deployments.keySet());

        ConfigMap cases = configMap(documents, "ad-cases");
        assertEquals("8080", cases.getData().get("QUARKUS_HTTP_PORT"));
        assertEquals("postgresql://agile-dunning-pg-rw:5432/cases", cases.getData().get("QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertEquals("jdbc:postgresql://agile-dunning-pg-rw:5432/cases", cases.getData().get("AGILEDUNNING_MIGRATION_JDBC_URL"));
        assertEquals("cases_app", cases.getData().get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals("cases_owner", cases.getData().get("AGILEDUNNING_MIGRATION_USERNAME"));
        assertTrue(cases.getData().get("QUARKUS_OIDC_AUTH_SERVER_URL").endsWith("/realms/agile-dunning"));
        assertTrue(cases.getData().containsKey("KAFKA_BOOTSTRAP_SERVERS"));

        List<EnvVar> env = deployments.get("ad-cases").getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
        EnvVar password = env.stream().filter(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")).findFirst().orElseThrow();
        assertNull(password.getValue());
        assertEquals("agile-dunning-db", password.getValueFrom().getSecretKeyRef().getName());
        assertEquals("cases-password", password.getValueFrom().getSecretKeyRef().getKey());
        EnvVar migration = env.stream().filter(e -> e.getName().equals("AGILEDUNNING_MIGRATION_PASSWORD")).findFirst().orElseThrow();
        assertEquals("cases-migration-password", migration.getValueFrom().getSecretKeyRef().getKey());

        ConfigMap onboarding = configMap(documents, "ad-onboarding");
        assertEquals("http://keycloak-service:8080", onboarding.getData().get("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL"));
        assertEquals("CLIENT_CREDENTIALS", onboarding.getData().get("QUARKUS_KEYCLOAK_ADMIN_CLIENT_GRANT_TYPE"));
        assertEquals("agile-dunning-smtp", onboarding.getData().get("QUARKUS_MAILER_HOST"));
        assertEquals("false", onboarding.getData().get("QUARKUS_MAILER_MOCK"));
        EnvVar clientSecret = deployments.get("ad-onboarding").getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()
                .stream().filter(e -> e.getName().equals("QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET")).findFirst().orElseThrow();
        assertNull(clientSecret.getValue());
        assertEquals("agile-dunning-keycloak-admin", clientSecret.getValueFrom().getSecretKeyRef().getName());
        assertEquals("keycloak-admin-client-secret", clientSecret.getValueFrom().getSecretKeyRef().getKey());
        assertTrue(cases.getData().keySet().stream().noneMatch(k -> k.startsWith("QUARKUS_KEYCLOAK_ADMIN") || k.startsWith("QUARKUS_MAILER")));

        ConfigMap payments = configMap(documents, "ad-payments");
        assertEquals("https://api.stripe.com", payments.getData().get("AGILEDUNNING_PAYMENTS_STRIPE_API_BASE"));
        assertEquals("false", payments.getData().get("AGILEDUNNING_PAYMENTS_STRIPE_LIVEMODE"));
        assertTrue(env(deployments, "ad-payments").stream().noneMatch(e -> e.getName().startsWith("AGILEDUNNING_PAYMENTS_STRIPE")),
                "without stripe.existingSecret no Stripe key is referenced");
        assertTrue(cases.getData().keySet().stream().noneMatch(k -> k.startsWith("AGILEDUNNING_PAYMENTS_STRIPE")));

        ConfigMap api = configMap(documents, "ad-frontend-api");
        assertEquals("http://ad-cases:8080", api.getData().get("QUARKUS_REST_CLIENT_CASES_URL"));
        assertEquals("http://ad-reporting:8080", api.getData().get("QUARKUS_REST_CLIENT_REPORTING_URL"));
        assertTrue(api.getData().keySet().stream().noneMatch(k -> k.startsWith("QUARKUS_DATASOURCE")));
    }

    @Test
    void paymentsReadsTheStripeKeysFromTheExistingSecret() {
        List<Document> documents = StrictKubernetesModel.parse(Charts.render(Charts.UMBRELLA, null,
                Map.of("payments.stripe.existingSecret", "payments-stripe", "payments.stripe.livemode", "true")));
        Map<String, Deployment> deployments = documents.stream().filter(d -> d.object() instanceof Deployment)
                .map(d -> (Deployment) d.object())
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), Function.identity()));
        Map<String, EnvVar> env = env(deployments, "ad-payments").stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
        for (var expected : Map.of("AGILEDUNNING_PAYMENTS_STRIPE_API_KEY", "stripe-api-key",
                "AGILEDUNNING_PAYMENTS_STRIPE_WEBHOOK_SECRET", "stripe-webhook-secret").entrySet()) {
            EnvVar var = env.get(expected.getKey());
            assertNull(var.getValue(), expected.getKey());
            assertEquals("payments-stripe", var.getValueFrom().getSecretKeyRef().getName());
            assertEquals(expected.getValue(), var.getValueFrom().getSecretKeyRef().getKey());
        }
        assertEquals("true", configMap(documents, "ad-payments").getData().get("AGILEDUNNING_PAYMENTS_STRIPE_LIVEMODE"));
    }

    @Test
    void configChangeRollsThePods() {
        String before = checksum(Charts.render(Charts.UMBRELLA, null, Map.of()));
        String after = checksum(Charts.render(Charts.UMBRELLA, null, Map.of("global.kafka.bootstrapServers", "other:9092")));
        assertTrue(!before.equals(after), "checksum/config changes with the configuration");
    }

    @Test
    void autoscalingOmitsReplicas() {
        List<Document> documents = StrictKubernetesModel.parse(Charts.render(Charts.UMBRELLA, null,
                Map.of("cases.autoscaling.enabled", "true")));
        Deployment cases = documents.stream().map(Document::object).filter(o -> o instanceof Deployment)
                .map(o -> (Deployment) o).filter(d -> d.getMetadata().getName().equals("ad-cases")).findFirst().orElseThrow();
        assertNull(cases.getSpec().getReplicas());
        Hardening.check(documents);
    }

    private static String checksum(String rendered) {
        return StrictKubernetesModel.parse(rendered).stream().map(Document::object)
                .filter(o -> o instanceof Deployment).map(o -> (Deployment) o)
                .filter(d -> d.getMetadata().getName().equals("ad-cases")).findFirst().orElseThrow()
                .getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
    }

    private static ConfigMap configMap(List<Document> documents, String name) {
        return documents.stream().map(Document::object).filter(o -> o instanceof ConfigMap).map(o -> (ConfigMap) o)
                .filter(c -> c.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<EnvVar> env(Map<String, Deployment> deployments, String name) {
        List<EnvVar> env = deployments.get(name).getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
        return env == null ? List.of() : env;
    }
}
