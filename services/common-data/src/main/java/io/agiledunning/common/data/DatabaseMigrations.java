package io.agiledunning.common.data;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.util.Map;

/** Brings the service's schema up to date before the service accepts requests. */
@ApplicationScoped
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class);

    private final MigrationConfig config;

    public DatabaseMigrations(MigrationConfig config) {
        this.config = config;
    }

    void migrateOnStart(@Observes @Priority(1) StartupEvent event) {
        if (config.enabled()) {
            migrate();
        }
    }

    public void migrate() {
        var result = Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(config.jdbcUrl(), config.username(), config.password())
                .locations(config.locations().toArray(String[]::new))
                .placeholders(Map.of("appRole", config.appRole()))
                .load()
                .migrate();
        LOG.infof("Schema at version %s (%d migrations applied now)", result.targetSchemaVersion, result.migrationsExecuted);
    }
}
