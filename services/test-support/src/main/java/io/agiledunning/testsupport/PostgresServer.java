package io.agiledunning.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server of this JVM: an existing one on the configured address (reused, never
 * stopped by us) or an embedded PostgreSQL 18 started once, with its data in a fresh temp dir,
 * and stopped at JVM exit.
 *
 * <p>Settings: {@code agiledunning.pg.host} (127.0.0.1), {@code agiledunning.pg.port} (55432),
 * {@code agiledunning.pg.superuser} (postgres), {@code agiledunning.pg.superuser-password}
 * (postgres; the embedded server trusts local connections) — or the {@code AGILEDUNNING_PG_*}
 * environment variables.
 */
public final class PostgresServer {

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static PostgresServer instance;

    private final String host;
    private final int port;
    private final String superuser;
    private final String superuserPassword;
    private final boolean startedHere;

    private PostgresServer(String host, int port, String superuser, String superuserPassword, boolean startedHere) {
        this.host = host;
        this.port = port;
        this.superuser = superuser;
        this.superuserPassword = superuserPassword;
        this.startedHere = startedHere;
    }

    /** Returns the running server, starting an embedded one if nothing listens on the address. */
    public static synchronized PostgresServer start() {
        if (instance == null) {
            String host = Settings.get("agiledunning.pg.host", "127.0.0.1");
            int port = Settings.getInt("agiledunning.pg.port", 55432);
            String user = Settings.get("agiledunning.pg.superuser", "postgres");
            String password = Settings.get("agiledunning.pg.superuser-password", "postgres");
            boolean running = Network.isListening(host, port);
            if (!running) {
                startEmbedded(port);
            }
            instance = new PostgresServer(host, port, user, password, !running);
        }
        return instance;
    }

    private static void startEmbedded(int port) {
        Path log = ServerProcess.logFile("postgres");
        try {
            Path data = Files.createTempDirectory("agiledunning-pg");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // Keycloak plus six services, each with its own pool.
                    .setServerConfig("max_connections", "300")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
            Shutdown.last(() -> close(postgres, postmaster));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot start embedded PostgreSQL on port " + port + ": " + e.getMessage()
                    + "; see " + log, e);
        }
    }

    /**
     * zonky's close runs {@code pg_ctl stop} with a 5 s limit and deletes the data directory even
     * when that failed; so make sure the postmaster is gone, or it would linger without its files.
     */
    private static void close(EmbeddedPostgres postgres, long postmaster) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("Stopping embedded PostgreSQL failed: " + e.getMessage());
        }
        ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
    }

    /**
     * Idempotently creates the database {@code <service>} owned by the login role
     * {@code <service>_owner} (runs migrations), and the login role {@code <service>_app}
     * (no superuser, no BYPASSRLS, so row-level security applies) allowed to connect.
     * Passwords equal the role names. Safe to call concurrently from several JVMs.
     */
    public synchronized void ensureDatabase(String service) {
        if (!SERVICE_NAME.matcher(service).matches()) {
            throw new IllegalArgumentException("Not a valid service/database name: " + service);
        }
        String owner = service + "_owner";
        String app = service + "_app";
        try (Connection connection = superuserConnection("postgres");
                Statement sql = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", owner)) {
                ignoreDuplicate(sql, "create role " + owner + " login password '" + owner + "'");
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", service)) {
                ignoreDuplicate(sql, "create database " + service + " owner " + owner);
            }
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", app)) {
                ignoreDuplicate(sql, "create role " + app + " login nosuperuser nobypassrls nocreatedb nocreaterole password '" + app + "'");
            }
            sql.execute("grant connect on database " + service + " to " + app);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database of " + service + " on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * A superuser connection to {@code database} (tests that must look past row-level security). Straight from
     * the driver, not through {@code DriverManager}: inside a Quarkus test the driver class lives in
     * another class loader than the caller, and {@code DriverManager} then reports "no suitable driver".
     */
    public Connection superuserConnection(String database) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", superuser);
        login.setProperty("password", superuserPassword);
        return new org.postgresql.Driver().connect(jdbcUrl(database), login);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    /** Another JVM may have created the object between our check and our statement. */
    private static void ignoreDuplicate(Statement sql, String ddl) throws SQLException {
        try {
            sql.execute(ddl);
        } catch (SQLException e) {
            boolean duplicate = "42710".equals(e.getSQLState()) || "42P04".equals(e.getSQLState()) || "23505".equals(e.getSQLState());
            if (!duplicate) {
                throw e;
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form of Quarkus' reactive PostgreSQL client. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** False when an already running server was reused. */
    public boolean startedHere() {
        return startedHere;
    }
}
