package io.agiledunning.cases.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agiledunning.common.data.DatabaseMigrations;
import io.agiledunning.common.data.MigrationConfig;
import io.agiledunning.common.tenancy.Roles;
import io.agiledunning.common.tenancy.TenantContext;
import io.agiledunning.common.tenancy.TenantId;
import io.agiledunning.testsupport.PostgresServer;
import org.postgresql.PGConnection;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * deploy/bench/import.sh: imports N claims (default 1,000,000; one debtor and one new case each) from one CSV
 * file end to end below HTTP (streamed read, per-row validation, COPY into staging, set-based merge into
 * debtors, cases, claims, search terms, timeline and outbox, in chunks), and — in the same run, same database — two
 * baselines: a raw {@code COPY ... (format csv)} of the same file into a table of text columns (the ratio),
 * and a COPY of the rows the import wrote into empty copies of its tables with their indexes (a lower bound for
 * writing them at all). Prints all three and both ratios.
 */
public final class ImportBenchmark {

    private static final String DATABASE = "cases_bench";

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int chunkRows = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        PostgresServer postgres = PostgresServer.start();
        postgres.ensureDatabase(DATABASE);
        String url = postgres.jdbcUrl(DATABASE);
        new DatabaseMigrations(migrations(url)).migrate();

        Path file = Files.createTempFile("import-bench-", ".csv");
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            write(file, rows, run);
            System.out.printf("File: %,d rows, %,d bytes (%s)%n", rows, Files.size(file), file);
            System.out.printf("Load average (1, 5, 15 min) before: %s%n", loadAverage());

            double copySeconds = rawCopy(url, file);
            System.out.printf("Raw COPY (format csv) into a table of text columns: %.1f s, %,.0f rows/s%n", copySeconds, rows / copySeconds);

            ImportService imports = new ImportService(config(url, chunkRows), null, Clock.systemUTC(), json());
            TenantContext caller = new TenantContext(new TenantId(UUID.randomUUID()), "bench", "bench", Set.of(Roles.TENANT_ADMIN));
            ImportTimings timings = new ImportTimings();
            long start = System.nanoTime();
            UUID job;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                job = imports.run(caller, ImportFormat.CSV, in, Files.size(file), null, timings);
            }
            double importSeconds = (System.nanoTime() - start) / 1e9;
            long cases = count(url, caller, job);
            System.out.printf("Import (read, validate, COPY to staging, merge; chunks of %,d rows): %.1f s, %,.0f cases/s (%,d cases opened)%n",
                    chunkRows, importSeconds, cases / importSeconds, cases);
            System.out.printf("Load average (1, 5, 15 min) after: %s%n", loadAverage());
            System.out.printf("Where the import's time went (%d chunks):%n", timings.chunks());
            timings.seconds().forEach((step, seconds) -> System.out.printf("  %7.2f s  %s%n", seconds, step));
            System.out.printf("Ratio import ÷ raw COPY (rows/s): %.3f (the issue's wording; see ADR 0014)%n", copySeconds / importSeconds);
            double targetSeconds = copyIntoTargetTables(url, caller);
            System.out.printf("Lower bound — COPY of the rows the import wrote into empty copies of its six tables with their indexes"
                    + " (no merge, no RLS): %.1f s, %,.0f claims/s%n", targetSeconds, rows / targetSeconds);
            System.out.printf("Ratio import ÷ COPY into the target tables (rows/s): %.3f (goal ≥ 0.5, ADR 0014)%n", targetSeconds / importSeconds);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The machine's load: both sides of the ratio slow down under it, the write-heavy import more. */
    private static String loadAverage() throws IOException {
        Path proc = Path.of("/proc/loadavg");
        return Files.exists(proc) ? String.join(" ", List.of(Files.readString(proc).split(" ")).subList(0, 3)) : "unknown";
    }

    private static void write(Path file, int rows, String run) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ImportReaderTest.ENGLISH_HEADER);
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                out.write("B%s-%d,CONSUMER,Debtor %d,d%d@example.org,,Hauptstr. %d,10115,Berlin,DE,C%s-%d,R-%d,2026-01-15,2026-02-14,%d.%02d,EUR,5.00,0,true\n"
                        .formatted(run, i, i, i, i % 200, run, i, i, 10 + i % 5000, i % 100));
            }
        }
    }

    private static double rawCopy(String url, Path file) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url, DATABASE + "_owner", DATABASE + "_owner");
             Statement sql = connection.createStatement()) {
            sql.execute("drop table if exists bench_raw_copy");
            sql.execute("create table bench_raw_copy (" + String.join(", ", List.of(ImportReaderTest.ENGLISH_HEADER.split(",")).stream()
                    .map(c -> c + " text").toList()) + ")");
            long start = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_raw_copy from stdin (format csv, header true)", in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sql.execute("drop table bench_raw_copy");
            return seconds;
        }
    }

    /** The tables the import writes, each with what it wrote for the tenant. */
    private static final List<String> TARGET_TABLES = List.of("debtors", "cases", "claims", "search_terms", "case_events", "outbox");

    /**
     * The second baseline (docs/adr/0012-bulk-import-write-path.md): the rows the import wrote, exported untimed,
     * then COPY'd into empty tables {@code like} the targets {@code including all} (columns, defaults, checks,
     * every index) — the least PostgreSQL must do to hold the same rows with the same indexes. Without row-level
     * security: PostgreSQL refuses COPY FROM into a table with it (the import inserts from its staging table).
     */
    private static double copyIntoTargetTables(String url, TenantContext caller) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url, DATABASE + "_owner", DATABASE + "_owner");
             Statement sql = connection.createStatement()) {
            sql.execute("select set_config('app.tenant_id', '" + caller.tenantId() + "', false)");
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            double seconds = 0;
            for (String table : TARGET_TABLES) {
                Path rows = Files.createTempFile("import-bench-" + table + "-", ".copy");
                try {
                    try (var out = Files.newOutputStream(rows)) {
                        copy.copyOut("copy (select * from " + table + " where tenant_id = '" + caller.tenantId() + "') to stdout", out);
                    }
                    sql.execute("drop table if exists bench_target_" + table);
                    sql.execute("create table bench_target_" + table + " (like " + table + " including all)");
                    long start = System.nanoTime();
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(rows), 1 << 16)) {
                        copy.copyIn("copy bench_target_" + table + " from stdin", in);
                    }
                    double tableSeconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("  %7.2f s  COPY %s (%,d bytes)%n", tableSeconds, table, Files.size(rows));
                    seconds += tableSeconds;
                    sql.execute("drop table bench_target_" + table);
                } finally {
                    Files.deleteIfExists(rows);
                }
            }
            return seconds;
        }
    }

    private static long count(String url, TenantContext caller, UUID job) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, DATABASE + "_app", DATABASE + "_app");
             Statement sql = connection.createStatement();
             ResultSet ignored = sql.executeQuery("select set_config('app.tenant_id', '" + caller.tenantId() + "', false)");
             ResultSet row = sql.executeQuery("select state, rows_valid, rows_rejected, failure, "
                     + "(select count(*) from cases where tenant_id = '" + caller.tenantId() + "') from import_jobs where id = '" + job + "'")) {
            row.next();
            System.out.printf("Job %s: %s, %,d imported, %,d rejected%s%n", job, row.getString(1), row.getLong(2), row.getLong(3),
                    row.getString(4) == null ? "" : " (" + row.getString(4) + ")");
            return row.getLong(5);
        }
    }

    private static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private static ImportConfig config(String url, int chunkRows) {
        return new ImportConfig() {
            public String jdbcUrl() { return url; }
            public String username() { return DATABASE + "_app"; }
            public String password() { return DATABASE + "_app"; }
            public int chunkRows() { return chunkRows; }
        };
    }

    private static MigrationConfig migrations(String url) {
        return new MigrationConfig() {
            public boolean enabled() { return true; }
            public String jdbcUrl() { return url; }
            public String username() { return DATABASE + "_owner"; }
            public String password() { return DATABASE + "_owner"; }
            public String appRole() { return DATABASE + "_app"; }
            public List<String> locations() { return List.of("classpath:db/common", "classpath:db/migration"); }
        };
    }
}
