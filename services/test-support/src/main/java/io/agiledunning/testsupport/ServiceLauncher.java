package io.agiledunning.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts packaged Quarkus services ({@code java -jar <module>/target/quarkus-app/quarkus-run.jar})
 * wired to the shared servers, for the e2e tests and the local stack.
 */
public final class ServiceLauncher {

    /** 60 s unless {@code agiledunning.service-ready-seconds} says otherwise (a machine shared with other builds). */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Settings.getInt("agiledunning.service-ready-seconds", 60));

    private ServiceLauncher() {
    }

    /**
     * The repository root: system property {@code agiledunning.root} (the parent pom passes
     * {@code ${maven.multiModuleProjectDirectory}} to tests), else the working directory.
     */
    public static Path projectRoot() {
        return Path.of(Settings.get("agiledunning.root", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /**
     * The configuration a platform service gets: its database (if it has one), OIDC and Kafka;
     * communications also the mailer; frontend-api the URLs of all other services as
     * {@code quarkus.rest-client.<service>.url}; payments the fake Stripe API; onboarding the mailer, the Keycloak admin API and the
     * sign-up page's address. Starts the servers involved.
     */
    public static Map<String, String> configFor(PlatformService service) {
        Map<String, String> config = new LinkedHashMap<>();
        if (service.hasDatabase()) {
            config.putAll(ServiceConfig.database(service.serviceName()));
        }
        config.putAll(ServiceConfig.oidc());
        if (service == PlatformService.FRONTEND_API) {
            for (PlatformService backend : PlatformService.values()) {
                if (backend != PlatformService.FRONTEND_API) {
                    config.put("quarkus.rest-client." + backend.serviceName() + ".url", backend.url());
                }
            }
        } else {
            config.putAll(ServiceConfig.kafka());
        }
        if (service == PlatformService.COMMUNICATIONS) {
            config.putAll(ServiceConfig.mailer());
        }
        if (service == PlatformService.PAYMENTS) {
            config.putAll(ServiceConfig.stripe());
        }
        if (service == PlatformService.ONBOARDING) {
            config.putAll(ServiceConfig.mailer());
            config.putAll(ServiceConfig.keycloakAdmin());
            config.put("agiledunning.onboarding.verify-url", PlatformService.FRONTEND_API.url() + "/signup/verify");
            // Repeated test runs and local sign-ups must not exhaust each other's budgets (the counts live in PostgreSQL).
            config.put("agiledunning.onboarding.rate-limits.window", "PT1M");
        }
        return config;
    }

    /** Starts the service with {@link #configFor} plus {@code extraConfig} (which wins) and waits until it is ready. */
    public static ServiceProcess start(PlatformService service, Map<String, String> extraConfig) {
        Map<String, String> config = new LinkedHashMap<>(configFor(service));
        config.putAll(extraConfig);
        return start(service.serviceName(), service.jar(), service.port(), config);
    }

    /**
     * Starts {@code java -jar <jar>} with {@code -Dquarkus.http.port=<port>}, profile {@code prod}
     * (unless {@code config} sets {@code quarkus.profile}) and {@code config} as system properties,
     * logging to {@code target/servers/<name>.log}; waits for {@code /q/health/ready}.
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> config) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged " + name + " at " + jar + ": build it first (./mvnw -DskipTests install)");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.profile", "prod");
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.putAll(config);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "--enable-native-access=ALL-UNNAMED"));
        command.addAll(AotCache.jvmOptions(jar));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));

        ServerProcess process = ServerProcess.start(name, new ProcessBuilder(command).directory(jar.getParent().toFile()));
        String health = "http://127.0.0.1:" + port + "/q/health/ready";
        process.awaitReady(READY_TIMEOUT, () -> Network.isHttpOk(health));
        return new ServiceProcess(name, port, process);
    }
}
