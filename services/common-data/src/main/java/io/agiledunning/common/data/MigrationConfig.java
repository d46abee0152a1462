package io.agiledunning.common.data;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/**
 * Migrations run over plain JDBC as the schema owner; the application itself connects as a role that
 * owns nothing and cannot bypass row-level security (see docs/adr/0002-migrations-as-owner.md).
 */
@ConfigMapping(prefix = "agiledunning.migration")
public interface MigrationConfig {

    @WithDefault("true")
    boolean enabled();

    /** e.g. {@code jdbc:postgresql://127.0.0.1:55432/cases} */
    String jdbcUrl();

    /** The owner of the schema. */
    String username();

    String password();

    /** The role the application connects as; granted table privileges by the migrations. */
    String appRole();

    @WithDefault("classpath:db/common,classpath:db/migration")
    List<String> locations();
}
