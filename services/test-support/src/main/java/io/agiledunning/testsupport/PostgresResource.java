package io.agiledunning.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} its own database on the shared PostgreSQL server:
 * {@code @WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))}.
 * See {@link ServiceConfig#database(String)} for the returned keys. The server outlives the test
 * (it stops at JVM exit), so test classes share it.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("PostgresResource needs the init arg 'service', e.g. @ResourceArg(name = \"service\", value = \"cases\")");
        }
    }

    @Override
    public Map<String, String> start() {
        return ServiceConfig.database(service);
    }

    @Override
    public void stop() {
        // Shared by all test classes of the JVM; stopped by a shutdown hook.
    }
}
