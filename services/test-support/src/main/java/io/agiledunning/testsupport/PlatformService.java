package io.agiledunning.testsupport;

import java.nio.file.Path;

/** The platform's deployable services: module directory, local HTTP port, and whether it owns a database. */
public enum PlatformService {
    CASES("cases", "services/cases", 8081, true),
    ONBOARDING("onboarding", "services/onboarding", 8082, true),
    COMMUNICATIONS("communications", "services/communications", 8083, true),
    PAYMENTS("payments", "services/payments", 8084, true),
    REPORTING("reporting", "services/reporting", 8085, true),
    FRONTEND_API("frontend-api", "frontend-api", 8080, false);

    private final String serviceName;
    private final String module;
    private final int port;
    private final boolean hasDatabase;

    PlatformService(String serviceName, String module, int port, boolean hasDatabase) {
        this.serviceName = serviceName;
        this.module = module;
        this.port = port;
        this.hasDatabase = hasDatabase;
    }

    /** E.g. {@code cases}: database name, log name, and {@code quarkus.rest-client.<name>.url} key. */
    public String serviceName() {
        return serviceName;
    }

    public int port() {
        return port;
    }

    public boolean hasDatabase() {
        return hasDatabase;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code <root>/<module>/target/quarkus-app/quarkus-run.jar}, built by {@code mvn package}. */
    public Path jar() {
        return ServiceLauncher.projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
