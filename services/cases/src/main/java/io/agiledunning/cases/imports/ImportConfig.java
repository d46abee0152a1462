package io.agiledunning.cases.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The import writes with PostgreSQL COPY, which the reactive client cannot do: it opens its own JDBC connection
 * to the service's database as the application role (row-level security applies), by default the migrations'
 * URL with the datasource's credentials.
 */
@ConfigMapping(prefix = "cases.import")
public interface ImportConfig {

    String jdbcUrl();

    String username();

    String password();

    /** Rows staged and merged per transaction; each committed chunk moves the job's counters. */
    @WithDefault("20000")
    int chunkRows();
}
