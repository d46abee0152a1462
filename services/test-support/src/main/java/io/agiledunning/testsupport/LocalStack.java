package io.agiledunning.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Runs the whole platform locally (see {@code deploy/local-stack.sh}): PostgreSQL, Keycloak with
 * the realm, Kafka and GreenMail, the per-service databases, every service whose jar is built,
 * and a demo tenant. Servers already running are reused and left alone; everything started here
 * stops on Ctrl-C.
 */
public final class LocalStack {

    private static final String DEMO_TENANT = "demo";

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Services start about twice as fast from their JDK 25 AOT cache, recorded at their first run.
        System.setProperty("agiledunning.aot-cache", Settings.get("agiledunning.aot-cache", "true"));
        long started = System.nanoTime();
        try {
            startServers();
            for (PlatformService service : PlatformService.values()) {
                if (service.hasDatabase()) {
                    PostgresServer.start().ensureDatabase(service.serviceName());
                }
            }
            List<ServiceProcess> services = startServices();
            TestTenant demo = timed("demo tenant '" + DEMO_TENANT + "'", () -> TestTenants.getOrCreate(DEMO_TENANT));
            printSummary(services, demo, started);
        } catch (RuntimeException e) {
            System.err.println("Local stack failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        // Shutdown hooks of the servers and services stop what this JVM started.
        new CountDownLatch(1).await();
    }

    /** Kafka and SMTP do not depend on anything; Keycloak needs PostgreSQL. */
    private static void startServers() {
        CompletableFuture<?> kafka = CompletableFuture.runAsync(() -> timed("Kafka", KafkaServer::start));
        CompletableFuture<?> smtp = CompletableFuture.runAsync(() -> timed("GreenMail SMTP", SmtpServer::start));
        timed("PostgreSQL", PostgresServer::start);
        timed("Keycloak", KeycloakServer::start);
        join(kafka);
        join(smtp);
    }

    /** Backends first (in parallel), then frontend-api which calls them. Absent jars are skipped. */
    private static List<ServiceProcess> startServices() {
        List<CompletableFuture<ServiceProcess>> backends = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            if (service != PlatformService.FRONTEND_API) {
                backends.add(startIfBuilt(service));
            }
        }
        List<ServiceProcess> running = new ArrayList<>();
        backends.forEach(future -> addIfStarted(running, future));
        addIfStarted(running, startIfBuilt(PlatformService.FRONTEND_API));
        return running;
    }

    private static CompletableFuture<ServiceProcess> startIfBuilt(PlatformService service) {
        if (!java.nio.file.Files.isRegularFile(service.jar())) {
            System.out.printf("Skipping %s: %s is not built (./mvnw -DskipTests install)%n", service.serviceName(), service.jar());
            return CompletableFuture.completedFuture(null);
        }
        // Locally the schema may be explored (introspection); production keeps it off (docs/adr/0004).
        Map<String, String> extra = service == PlatformService.FRONTEND_API
                ? Map.of("quarkus.smallrye-graphql.field-visibility", "default")
                : Map.of();
        return CompletableFuture.supplyAsync(() -> timed(service.serviceName(), () -> ServiceLauncher.start(service, extra)));
    }

    private static void addIfStarted(List<ServiceProcess> running, CompletableFuture<ServiceProcess> future) {
        ServiceProcess service = join(future);
        if (service != null) {
            running.add(service);
        }
    }

    private static void printSummary(List<ServiceProcess> services, TestTenant demo, long started) {
        KeycloakServer keycloak = KeycloakServer.start();
        String agent = demo.username(TenantRole.AGENT);
        StringBuilder out = new StringBuilder();
        out.append("%nAgile Dunning local stack is up (%.1f s). Ctrl-C stops what it started.%n%n".formatted(seconds(started)));
        out.append("  GraphQL          http://127.0.0.1:%d/graphql%n".formatted(PlatformService.FRONTEND_API.port()));
        out.append("  Keycloak admin   %s  (admin / admin)%n".formatted(keycloak.adminConsoleUrl()));
        out.append("  Keycloak realm   %s%n".formatted(keycloak.realmUrl()));
        out.append("  PostgreSQL       %s  (superuser postgres)%n".formatted(PostgresServer.start().jdbcUrl("postgres")));
        out.append("  Kafka            %s%n".formatted(KafkaServer.start().bootstrapServers()));
        out.append("  SMTP (GreenMail) %s:%d%n".formatted(SmtpServer.start().host(), SmtpServer.start().port()));
        for (ServiceProcess service : services) {
            out.append("  %-16s %s/q/health/ready  (log %s)%n".formatted(service.name(), service.url(), service.log()));
        }
        out.append("%nDemo tenant '%s' (organization id %s), password %s for all users:%n".formatted(demo.alias(), demo.id(), TestTenants.PASSWORD));
        for (TenantRole role : TenantRole.values()) {
            out.append("  %-22s %s%n".formatted(demo.username(role), role.realmRole()));
        }
        out.append("%nTry it:%n".formatted());
        out.append("""
                  TOKEN=$(curl -s -d grant_type=password -d client_id=%s -d scope='openid organization' \\
                    -d username=%s -d 'password=%s' %s/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
                  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                    -d '{"query":"{ cases(first: 5) { edges { node { id } } } }"}' http://127.0.0.1:%d/graphql
                """.formatted(KeycloakServer.WEB_CLIENT, agent, TestTenants.PASSWORD, keycloak.realmUrl(), PlatformService.FRONTEND_API.port()));
        System.out.println(out);
    }

    /** Prints "Starting X … ready in 3.2 s" (or "already running, reused") around a start. */
    private static <T> T timed(String name, Supplier<T> start) {
        long begin = System.nanoTime();
        System.out.printf("Starting %s …%n", name);
        T result = start.get();
        boolean reused = result instanceof PostgresServer p && !p.startedHere()
                || result instanceof KeycloakServer k && !k.startedHere()
                || result instanceof KafkaServer f && !f.startedHere()
                || result instanceof SmtpServer s && !s.startedHere();
        System.out.printf(reused ? "%s already running, reused%n" : "%s ready in %.1f s%n", name, seconds(begin));
        return result;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
