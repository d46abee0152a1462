package io.agiledunning.e2e;

import io.agiledunning.testsupport.FreePorts;
import io.agiledunning.testsupport.KafkaServer;
import io.agiledunning.testsupport.KeycloakServer;
import io.agiledunning.testsupport.PlatformService;
import io.agiledunning.testsupport.PostgresServer;
import io.agiledunning.testsupport.ServiceLauncher;
import io.agiledunning.testsupport.ServiceProcess;
import io.agiledunning.testsupport.SmtpServer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Packaged services launched exactly as the local stack launches them ({@link ServiceLauncher}, same
 * configuration from {@link ServiceLauncher#configFor}), but on free ports, so a developer's local
 * stack on the default ports (8080–8085) neither collides with nor answers for them. PostgreSQL,
 * Keycloak and Kafka come from test-support (started if nothing listens on their configured ports).
 */
public final class PlatformStack implements AutoCloseable {

    private final Map<PlatformService, Integer> ports;
    private final Map<PlatformService, ServiceProcess> running = new EnumMap<>(PlatformService.class);

    private PlatformStack(Map<PlatformService, Integer> ports) {
        this.ports = ports;
    }

    /**
     * The servers the services need, each reused if something already listens on its configured port:
     * PostgreSQL, Keycloak (which keeps its data in PostgreSQL), the SMTP server, and Kafka in parallel
     * (it needs none of the others).
     */
    public static void startServers() {
        CompletableFuture<KafkaServer> kafka = CompletableFuture.supplyAsync(KafkaServer::start);
        PostgresServer.start();
        KeycloakServer.start();
        SmtpServer.start();
        kafka.join();
    }

    /** A stack with one free port reserved per platform service; nothing started yet. */
    public static PlatformStack onFreePorts() {
        return new PlatformStack(freePorts());
    }

    /** Starts the backends among {@code services} in parallel, then frontend-api (which calls them). */
    public PlatformStack start(Set<PlatformService> services) {
        List<CompletableFuture<Void>> backends = new ArrayList<>();
        for (PlatformService service : services) {
            if (service != PlatformService.FRONTEND_API) {
                backends.add(CompletableFuture.runAsync(() -> startOne(service)));
            }
        }
        try {
            CompletableFuture.allOf(backends.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        if (services.contains(PlatformService.FRONTEND_API)) {
            startOne(PlatformService.FRONTEND_API);
        }
        return this;
    }

    /** Launches one service and waits until {@code /q/health/ready} answers 200. */
    public ServiceProcess startOne(PlatformService service) {
        ServiceProcess process = ServiceLauncher.start(service.serviceName(), service.jar(), port(service), config(service));
        synchronized (running) {
            running.put(service, process);
        }
        return process;
    }

    /**
     * {@link ServiceLauncher#configFor} (database, OIDC, Kafka, mailer; starts those servers), with
     * frontend-api's service URLs (and onboarding's sign-up page address) pointing at this stack's ports.
     */
    public Map<String, String> config(PlatformService service) {
        Map<String, String> config = new LinkedHashMap<>(ServiceLauncher.configFor(service));
        if (service == PlatformService.FRONTEND_API) {
            for (PlatformService backend : PlatformService.values()) {
                if (backend != PlatformService.FRONTEND_API) {
                    config.put("quarkus.rest-client." + backend.serviceName() + ".url", url(backend));
                }
            }
        }
        if (service == PlatformService.ONBOARDING) {
            config.put("agiledunning.onboarding.verify-url", url(PlatformService.FRONTEND_API) + "/signup/verify");
        }
        return config;
    }

    public int port(PlatformService service) {
        return ports.get(service);
    }

    public String url(PlatformService service) {
        return "http://127.0.0.1:" + port(service);
    }

    public ServiceProcess process(PlatformService service) {
        synchronized (running) {
            ServiceProcess process = running.get(service);
            if (process == null) {
                throw new IllegalStateException(service + " is not running");
            }
            return process;
        }
    }

    /** Stops one service (frees its port for the next start). */
    public void stop(PlatformService service) {
        ServiceProcess process;
        synchronized (running) {
            process = running.remove(service);
        }
        if (process != null) {
            process.stop();
        }
    }

    /** Stops every service this stack started: frontend-api first, then the backends in parallel. */
    @Override
    public void close() {
        stop(PlatformService.FRONTEND_API);
        List<PlatformService> left;
        synchronized (running) {
            left = List.copyOf(running.keySet());
        }
        left.parallelStream().forEach(this::stop);
    }

    /** One port per platform service, distinct, outside the ephemeral range ({@link FreePorts}). */
    private static Map<PlatformService, Integer> freePorts() {
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        List<Integer> free = FreePorts.distinct(PlatformService.values().length);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, free.get(service.ordinal()));
        }
        return ports;
    }
}
